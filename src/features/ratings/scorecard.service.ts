import { asc, eq, sql } from 'drizzle-orm';
import { departments, type RatingCriterion, ratingCriteria, ratings } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { statistics } from '../appeals/stats.service.js';
import type { Metrics } from '../appeals/stats-metrics.js';
import { periodMonths, periodOf } from './periods.js';
import { K } from './ratings.service.js';

/**
 * Weight of the prior in the smoothed score, in ratings: every department starts as if it had this many
 * ratings at the bureau mean, so a handful of perfect scores cannot top departments rated by many.
 */
export const PRIOR_WEIGHT = 10;

interface Tally {
  n: number;
  sums: Record<RatingCriterion, number>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const total = (t: Tally) => ratingCriteria.reduce((s, c) => s + t.sums[c], 0);

/** Count and score sums of every department rated in the period. */
async function tallies(db: Db, period: string): Promise<Map<number, Tally>> {
  const rows = await db
    .select({
      departmentId: ratings.departmentId,
      n: sql<number>`count(*)`,
      responsiveness: sql<number>`sum(${ratings.responsiveness})`,
      fairness: sql<number>`sum(${ratings.fairness})`,
      result: sql<number>`sum(${ratings.result})`,
    })
    .from(ratings)
    .where(eq(ratings.period, period))
    .groupBy(ratings.departmentId);
  return new Map(
    rows.map((r) => [
      r.departmentId,
      {
        n: Number(r.n),
        sums: { responsiveness: +r.responsiveness, fairness: +r.fairness, result: +r.result },
      },
    ]),
  );
}

/**
 * The bureau mean (all criteria) over the departments that are shown (≥ K ratings) only: counting hidden
 * ones in would let shown totals be subtracted from it to reveal them.
 */
function bureauOf(all: Map<number, Tally>) {
  const shown = [...all.values()].filter((t) => t.n >= K);
  const n = shown.reduce((s, t) => s + t.n, 0);
  return { ratings: n, mean: n === 0 ? null : shown.reduce((s, t) => s + total(t), 0) / (3 * n) };
}

/** Scores of one department: nothing below K ratings; every mean beside its count. */
function scoresOf(t: Tally | undefined, bureauMean: number | null) {
  if (!t || t.n < K || bureauMean === null) return null;
  const mean = total(t) / (3 * t.n);
  return {
    ratings: t.n,
    criteria: Object.fromEntries(
      ratingCriteria.map((c) => [c, { mean: round2(t.sums[c] / t.n), count: t.n }]),
    ) as Record<RatingCriterion, { mean: number; count: number }>,
    mean: round2(mean),
    smoothed: round2((PRIOR_WEIGHT * bureauMean + t.n * mean) / (PRIOR_WEIGHT + t.n)),
  };
}

/** The appeal facts a scorecard shows (statistics apply k ≥ 5 to satisfaction themselves). */
function appealFacts(m: Metrics | undefined) {
  if (!m) return null;
  return {
    appeals: m.appeals,
    answered: m.answered,
    answerRate: m.answerRate,
    medianHoursToFirstAnswer: m.medianHoursToFirstAnswer,
    commitments: m.commitments,
    satisfaction: m.satisfaction,
  };
}

const departmentOf = (d: typeof departments.$inferSelect) => ({
  id: d.id,
  nameZh: d.nameZh,
  nameEn: d.nameEn,
});

/** One department's public scorecard for a period: ratings (k-protected) and measured appeal facts. */
export async function scorecard(db: Db, dept: typeof departments.$inferSelect, period: string, now: number) {
  const all = await tallies(db, period);
  const bureau = bureauOf(all);
  const stats = await statistics(db, { ...periodMonths(period), departmentId: dept.id }, now);
  const scores = scoresOf(all.get(dept.id), bureau.mean);
  return {
    department: departmentOf(dept),
    period,
    current: period === periodOf(now),
    k: K,
    priorWeight: PRIOR_WEIGHT,
    bureauMean: bureau.mean === null ? null : round2(bureau.mean),
    scores,
    commentsShown: scores !== null,
    appeals: appealFacts(stats.departments[0]),
  };
}

/** Every department for a period, ranked by smoothed score; departments under K ratings last, unscored. */
export async function leagueTable(db: Db, period: string, now: number) {
  const all = await tallies(db, period);
  const bureau = bureauOf(all);
  const stats = await statistics(db, periodMonths(period), now);
  const facts = new Map(stats.departments.map((d) => [d.departmentId, d]));
  const depts = await db.select().from(departments).orderBy(asc(departments.id));
  const rows = depts.map((d) => ({
    department: departmentOf(d),
    scores: scoresOf(all.get(d.id), bureau.mean),
    appeals: appealFacts(facts.get(d.id)),
  }));
  const score = (r: (typeof rows)[number]) => r.scores?.smoothed ?? Number.NEGATIVE_INFINITY;
  rows.sort((a, b) => score(b) - score(a) || a.department.id - b.department.id);
  return {
    period,
    current: period === periodOf(now),
    k: K,
    priorWeight: PRIOR_WEIGHT,
    bureau: { ratings: bureau.ratings, mean: bureau.mean === null ? null : round2(bureau.mean) },
    departments: rows.map((r, i) => ({ rank: r.scores ? i + 1 : null, ...r })),
  };
}
