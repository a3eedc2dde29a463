import { and, asc, eq, gte, lt, lte, sql } from 'drizzle-orm';
import {
  appealAnswers,
  appeals,
  appealVerdicts,
  commitments,
  deadlineMisses,
  departments,
  pageViews,
} from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { isWaiting } from './appeal-state.js';
import { chinaDate, startOfChinaDay } from './calendar.service.js';
import { flushViews } from './page-views.js';
import {
  daysCovered,
  type Facts,
  MIN_RATED,
  metrics,
  suppressOwn,
  suppressSatisfaction,
} from './stats-metrics.js';

const monthOf = (ms: number) => chinaDate(ms).slice(0, 7);
const monthStart = (month: string) => startOfChinaDay(`${month}-01`);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export { countView } from './page-views.js';

/** Everything the figures are computed from, for appeals posted (and views counted) within [from, to). */
async function loadFacts(db: Db, from: number, to: number, now: number): Promise<Facts> {
  // buffered views count in the figures they are asked for
  await flushViews(db);
  const inPeriod = and(lte(appeals.publishAt, now), gte(appeals.createdAt, from), lt(appeals.createdAt, to));
  const [rows, answerRows, missRows, promiseRows, verdictRows, viewRows] = await Promise.all([
    db.select().from(appeals).where(inPeriod),
    db
      .select({ appealId: appealAnswers.appealId })
      .from(appealAnswers)
      .innerJoin(appeals, eq(appeals.id, appealAnswers.appealId))
      .where(inPeriod),
    db
      .select({
        appealId: deadlineMisses.appealId,
        dept: deadlineMisses.departmentId,
        createdAt: appeals.createdAt,
      })
      .from(deadlineMisses)
      .innerJoin(appeals, eq(appeals.id, deadlineMisses.appealId))
      .where(and(inPeriod, eq(deadlineMisses.kind, 'first_answer'))),
    db
      .select({ c: commitments, createdAt: appeals.createdAt })
      .from(commitments)
      .innerJoin(appeals, eq(appeals.id, commitments.appealId))
      .where(inPeriod),
    db
      .select({ v: appealVerdicts, createdAt: appeals.createdAt })
      .from(appealVerdicts)
      .innerJoin(appeals, eq(appeals.id, appealVerdicts.appealId))
      .where(inPeriod)
      .orderBy(asc(appealVerdicts.round)),
    db
      .select({ page: pageViews, dept: appeals.departmentId })
      .from(pageViews)
      .leftJoin(appeals, eq(appeals.id, pageViews.appealId))
      .where(and(gte(pageViews.hour, from), lt(pageViews.hour, to))),
  ]);
  const answers = new Map<number, number>();
  for (const a of answerRows) answers.set(a.appealId, (answers.get(a.appealId) ?? 0) + 1);
  const latest = new Map<number, (typeof verdictRows)[number]>();
  for (const v of verdictRows) latest.set(v.v.appealId, v);
  return {
    appeals: rows.map((a) => ({
      dept: a.departmentId,
      month: monthOf(a.createdAt),
      publishAt: a.publishAt,
      firstAnsweredAt: a.firstAnsweredAt,
      answers: answers.get(a.id) ?? 0,
    })),
    misses: [
      ...missRows.map((m) => ({ appealId: m.appealId, dept: m.dept, month: monthOf(m.createdAt) })),
      // overdue now but not yet recorded by a deadline run: the figures must not wait for the cron
      ...rows
        .filter((a) => isWaiting(a.status) && a.answerDueAt !== null && a.answerDueAt <= now)
        .map((a) => ({ appealId: a.id, dept: a.departmentId, month: monthOf(a.createdAt) })),
    ],
    commitments: promiseRows.map(({ c, createdAt }) => ({
      dept: c.departmentId,
      month: monthOf(createdAt),
      kind: c.kind,
      outcome: c.outcome,
      late: c.dueAt <= now && (c.outcomeAt === null || c.outcomeAt >= c.dueAt),
    })),
    verdicts: [...latest.values()].map(({ v, createdAt }) => ({
      dept: v.departmentId,
      month: monthOf(createdAt),
      verdict: v.verdict,
    })),
    views: viewRows.map(({ page, dept }) => ({ dept, month: monthOf(page.hour), count: page.count })),
  };
}

export interface StatsQuery {
  from?: string;
  to?: string;
  departmentId?: number;
}

/**
 * Public statistics for a period of months (default: from the first appeal to now): overall, per
 * department and per month. A month's appeal figures are about the appeals posted in it; views are counted
 * in the hour they happen. Satisfaction follows the k ≥ 5 rule with complementary suppression.
 */
export async function statistics(db: Db, q: StatsQuery, now: number) {
  const [first] = await db.select({ at: sql<number>`min(${appeals.createdAt})` }).from(appeals);
  const fromMonth = q.from ?? monthOf(first?.at ?? now);
  const toMonth = q.to ?? monthOf(now);
  const from = monthStart(fromMonth);
  const to = monthStart(nextMonth(toMonth));
  const facts = await loadFacts(db, from, to, now);
  const scoped =
    q.departmentId === undefined ? () => true : (f: { dept: number | null }) => f.dept === q.departmentId;
  const overall = metrics(facts, scoped, daysCovered(from, to, now));

  const depts = await db.select().from(departments).orderBy(asc(departments.id));
  const perDept = depts
    .filter((d) => q.departmentId === undefined || d.id === q.departmentId)
    .map((d) => ({
      departmentId: d.id,
      name: d.nameZh,
      ...metrics(facts, (f) => f.dept === d.id, daysCovered(from, to, now)),
    }));
  const months: string[] = [];
  for (let m = fromMonth; m <= toMonth && months.length < 120; m = nextMonth(m)) months.push(m);
  const perMonth = months.map((month) => ({
    month,
    ...metrics(
      facts,
      (f) => f.month === month && scoped(f),
      daysCovered(monthStart(month), monthStart(nextMonth(month)), now),
    ),
  }));
  // a department filter makes its one row the whole, so that row follows the plain rule only
  if (q.departmentId === undefined) suppressSatisfaction(perDept, overall);
  else perDept.forEach(suppressOwn);
  suppressSatisfaction(perMonth, overall);
  suppressOwn(overall);
  return {
    period: { from: fromMonth, to: toMonth },
    minRatedForSatisfaction: MIN_RATED,
    overall,
    departments: perDept,
    months: perMonth,
  };
}
