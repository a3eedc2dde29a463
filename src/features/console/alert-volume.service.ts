import { and, count, eq, gte, lt, sql } from 'drizzle-orm';
import { analyticsTopics, appeals, categories } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import type { AlertView } from '../analytics/alerts.service.js';
import { dayOf, dayStart } from '../analytics/analysis.js';

// days of baseline shown before the rise, and of aftermath after it
const BEFORE = 28;
const AFTER = 7;

export interface DayCount {
  day: number;
  count: number;
  /** inside the alert's window */
  rise: boolean;
}

const toDay = (iso: string) => dayOf(new Date(`${iso}T12:00:00+08:00`).getTime());

/**
 * Items a day of the alert's group, four weeks before the rise to a week after it (never past today): a
 * topic's own per-day counts, or published appeals of the category or department. Staff-only: small
 * daily counts are shown to analysts, who already see the alert's evidence.
 */
export async function dailyVolume(db: Db, alert: AlertView, now: number): Promise<DayCount[]> {
  const start = toDay(alert.startDate);
  const end = toDay(alert.endDate);
  const from = start - BEFORE;
  const to = Math.min(end + AFTER, dayOf(now));
  const counts = new Map<number, number>();
  if (alert.groupKind === 'topic') {
    const [topic] = await db
      .select()
      .from(analyticsTopics)
      .where(eq(analyticsTopics.key, Number(alert.groupKey)));
    for (const [d, n] of Object.entries(topic?.perDay ?? {})) counts.set(Number(d), n);
  } else {
    const group =
      alert.groupKind === 'department'
        ? eq(appeals.departmentId, Number(alert.groupKey))
        : eq(
            appeals.categoryId,
            sql`(SELECT ${categories.id} FROM ${categories} WHERE ${categories.slug} = ${alert.groupKey})`,
          );
    const day = sql<number>`CAST((${appeals.createdAt} - ${dayStart(0)}) / 86400000 AS INTEGER)`;
    const rows = await db
      .select({ day, n: count() })
      .from(appeals)
      .where(and(group, gte(appeals.createdAt, dayStart(from)), lt(appeals.createdAt, dayStart(to + 1))))
      .groupBy(day);
    for (const r of rows) counts.set(Number(r.day), r.n);
  }
  const out: DayCount[] = [];
  for (let d = from; d <= to; d++)
    out.push({ day: d, count: counts.get(d) ?? 0, rise: d >= start && d <= end });
  return out;
}
