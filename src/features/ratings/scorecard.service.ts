import { asc, eq, sql } from 'drizzle-orm';
import { departments, type RatingCriterion, ratingCriteria, ratings } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { statistics } from '../appeals/stats.service.js';
import type { Metrics } from '../appeals/stats-metrics.js';
import { hasEnded, periodEnd, periodMonths, periodOf } from './periods.js';
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

/** While a period runs: its ratings so far rounded down to a multiple of K, or null under K. */
function ratingsSoFar(t: Tally | undefined): number | null {
  const n = t?.n ?? 0;
  return n < K ? null : Math.floor(n / K) * K;
}

/**
 * What a period shows. Scores only once it has ended: live means read just before and after a known
 * colleague rates would give away that rating's scores. While it runs: its end and the rounded counts.
 */
async function periodState(db: Db, period: string, now: number) {
  const all = await tallies(db, period);
  const ended = hasEnded(period, now);
  const bureau = ended ? bureauOf(all) : { ratings: 0, mean: null };
  const scores = (id: number) => (ended ? scoresOf(all.get(id), bureau.mean) : null);
  const soFar = (id: number) => (ended ? null : ratingsSoFar(all.get(id)));
  const state = {
    period,
    current: period === periodOf(now),
    ended,
    endsAt: new Date(periodEnd(period)).toISOString(),
    k: K,
    priorWeight: PRIOR_WEIGHT,
  };
  const count = (id: number) => all.get(id)?.n ?? 0;
  return { state, bureau, scores, soFar, count };
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

/** One department's public scorecard for a period: ratings (k-protected, ended periods only) and appeal facts. */
export async function scorecard(db: Db, dept: typeof departments.$inferSelect, period: string, now: number) {
  const { state, bureau, scores, soFar, count } = await periodState(db, period, now);
  const stats = await statistics(db, { ...periodMonths(period), departmentId: dept.id }, now);
  return {
    department: departmentOf(dept),
    ...state,
    bureauMean: bureau.mean === null ? null : round2(bureau.mean),
    scores: scores(dept.id),
    ratingsSoFar: soFar(dept.id),
    commentsShown: count(dept.id) >= K,
    appeals: appealFacts(stats.departments[0]),
  };
}

/**
 * Every department for a period, ranked by smoothed score once it has ended (departments under K ratings
 * last, unscored); while it runs, unranked in department order with rounded counts.
 */
export async function leagueTable(db: Db, period: string, now: number) {
  const { state, bureau, scores, soFar } = await periodState(db, period, now);
  const stats = await statistics(db, periodMonths(period), now);
  const facts = new Map(stats.departments.map((d) => [d.departmentId, d]));
  const depts = await db.select().from(departments).orderBy(asc(departments.id));
  const rows = depts.map((d) => ({
    department: departmentOf(d),
    scores: scores(d.id),
    ratingsSoFar: soFar(d.id),
    appeals: appealFacts(facts.get(d.id)),
  }));
  const score = (r: (typeof rows)[number]) => r.scores?.smoothed ?? Number.NEGATIVE_INFINITY;
  rows.sort((a, b) => score(b) - score(a) || a.department.id - b.department.id);
  const soFarTotal = rows.reduce((s, r) => s + (r.ratingsSoFar ?? 0), 0);
  return {
    ...state,
    bureau: {
      ratings: state.ended ? bureau.ratings : soFarTotal,
      mean: bureau.mean === null ? null : round2(bureau.mean),
    },
    departments: rows.map((r, i) => ({ rank: r.scores ? i + 1 : null, ...r })),
  };
}
