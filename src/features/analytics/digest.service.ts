import { and, count, gte, lt, ne } from 'drizzle-orm';
import {
  analyticsAlerts,
  analyticsTopics,
  type DigestSummary,
  staffNotifications,
} from '../../../db/schema/index.js';
import { DAY } from '../../platform/clock.js';
import type { Db } from '../../platform/db/db.js';
import { notificationStatement } from '../appeals/inbox.service.js';
import { MIN_GROUP } from './alert-notifications.service.js';
import { dayOf, dayStart } from './analysis.js';

const TOP_TOPICS = 5;

/** The Monday (bureau day number) of the ISO week holding `day`; day 0, 1970-01-01, was a Thursday. */
export const isoWeekStart = (day: number) => day - ((day + 3) % 7);

/** "2026-W48": the ISO year and week of the week starting on bureau day `monday`. */
export function isoWeekLabel(monday: number): string {
  const thursday = monday + 3;
  const year = new Date(thursday * DAY).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The weekly digest for analysts: on the first run of an ISO week (bureau time), an inbox item (and so
 * robot and email messages) summing up the week before: alerts raised, still open, closed, and its
 * largest topics, each resting on at least five distinct items. Once per week, whatever the runs.
 * @example await runWeeklyDigest(db, clock.now()) // { week: '2026-W47', created: true }
 */
export async function runWeeklyDigest(db: Db, now: number) {
  const monday = isoWeekStart(dayOf(now)) - 7;
  const week = isoWeekLabel(monday);
  const [from, to] = [dayStart(monday), dayStart(monday + 7)];
  const counted = async (...where: Parameters<typeof and>) => {
    const [row] = await db
      .select({ n: count() })
      .from(analyticsAlerts)
      .where(and(gte(analyticsAlerts.distinctCount, MIN_GROUP), ...where));
    return row?.n ?? 0;
  };
  const digest: DigestSummary = {
    week,
    newAlerts: await counted(gte(analyticsAlerts.createdAt, from), lt(analyticsAlerts.createdAt, to)),
    openAlerts: await counted(ne(analyticsAlerts.status, 'closed'), lt(analyticsAlerts.createdAt, to)),
    closedAlerts: await counted(gte(analyticsAlerts.closedAt, from), lt(analyticsAlerts.closedAt, to)),
    topics: await weekTopics(db, monday),
  };
  const created = await notificationStatement(db, {
    kind: 'weekly_digest',
    digest,
    departmentId: null,
    dedupeKey: `digest:${week}`,
    at: now,
  }).returning({ id: staffNotifications.id });
  return { week, created: created.length > 0 };
}

/** Topics by their items in the week, largest first; none under `MIN_GROUP` items or distinct items. */
async function weekTopics(db: Db, monday: number) {
  const rows = await db
    .select()
    .from(analyticsTopics)
    .where(and(gte(analyticsTopics.lastDay, monday), gte(analyticsTopics.distinctCount, MIN_GROUP)));
  return rows
    .map((t) => {
      let items = 0;
      for (let d = monday; d < monday + 7; d++) items += t.perDay[String(d)] ?? 0;
      return { label: t.label.join('·'), items };
    })
    .filter((t) => t.items >= MIN_GROUP)
    .sort((a, b) => b.items - a.items)
    .slice(0, TOP_TOPICS);
}
