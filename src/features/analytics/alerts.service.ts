import { and, desc, eq, gte } from 'drizzle-orm';
import {
  type AlertResponseKind,
  type AlertStatus,
  analyticsAlerts,
  analyticsTopics,
  departments,
} from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { logStatements, sealLog, staffActor } from '../audit/index.js';
import type { StaffActor } from '../staff/index.js';
import { alertAssignedStatement, MIN_GROUP } from './alert-notifications.service.js';
import { dayOf, dayStart } from './analysis.js';

type AlertRow = typeof analyticsAlerts.$inferSelect;

export { MIN_GROUP };

/** Alerts for the staff area, newest rise first; closed topic alerts say whether volume fell afterwards. */
export async function listAlerts(db: Db, filter: { status?: AlertStatus; limit: number }, now: number) {
  const rows = await db
    .select()
    .from(analyticsAlerts)
    .where(
      and(
        filter.status ? eq(analyticsAlerts.status, filter.status) : undefined,
        gte(analyticsAlerts.distinctCount, MIN_GROUP),
      ),
    )
    .orderBy(desc(analyticsAlerts.endDay), desc(analyticsAlerts.id))
    .limit(filter.limit);
  return Promise.all(rows.map(async (r) => ({ ...present(r), afterClose: await volumeAfter(db, r, now) })));
}

/**
 * An analyst hands an alert to the department that should speak up; logged publicly under their name,
 * and the department hears of it in its inbox (and robots, email).
 * @example await assignAlert(db, 7, { departmentId: 13 }, actor, now)
 */
export async function assignAlert(
  db: Db,
  id: number,
  input: { departmentId: number },
  actor: StaffActor,
  now: number,
) {
  const alert = await openAlert(db, id);
  const [dept] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(eq(departments.id, input.departmentId));
  if (!dept) throw new AppError('DEPARTMENT_NOT_FOUND');
  await db.batch([
    db
      .update(analyticsAlerts)
      .set({
        status: 'assigned',
        assignedDepartmentId: dept.id,
        assignedBy: actor.id,
        assignedAt: now,
        updatedAt: now,
      })
      .where(eq(analyticsAlerts.id, alert.id)),
    alertAssignedStatement(db, alert.id, dept.id, now),
    ...logStatements(db, {
      kind: 'analytics-alert.assign',
      item: { type: 'analytics-alert', id: alert.id },
      actor: staffActor(actor),
      now,
      data: { departmentId: dept.id, label: alert.label },
    }),
  ]);
  await sealLog(db);
  return present((await findAlert(db, id))!);
}

/**
 * Records what answered the alert (an explainer, a notice, a meeting…) and closes it.
 * @example await closeAlert(db, 7, { responseKind: 'explainer', note: '发布调资政策解读', url }, actor, now)
 */
export async function closeAlert(
  db: Db,
  id: number,
  input: { responseKind: AlertResponseKind; note: string; url?: string },
  actor: StaffActor,
  now: number,
) {
  const alert = await openAlert(db, id);
  await db.batch([
    db
      .update(analyticsAlerts)
      .set({
        status: 'closed',
        responseKind: input.responseKind,
        responseNote: input.note,
        responseUrl: input.url ?? null,
        closedBy: actor.id,
        closedAt: now,
        updatedAt: now,
      })
      .where(eq(analyticsAlerts.id, alert.id)),
    ...logStatements(db, {
      kind: 'analytics-alert.close',
      item: { type: 'analytics-alert', id: alert.id },
      actor: staffActor(actor),
      now,
      data: { responseKind: input.responseKind, note: input.note, url: input.url ?? null },
    }),
  ]);
  await sealLog(db);
  return present((await findAlert(db, id))!);
}

/**
 * For a closed topic alert: items a day in the burst window and in the week after closing, so an analyst
 * sees whether the answer calmed the concern. Null until a full week has passed or for other groups.
 */
export async function volumeAfter(db: Db, alert: AlertRow, now: number) {
  if (alert.status !== 'closed' || alert.closedAt === null || alert.groupKind !== 'topic') return null;
  const from = dayOf(alert.closedAt) + 1;
  if (dayOf(now) < from + 7) return null;
  const [topic] = await db
    .select()
    .from(analyticsTopics)
    .where(eq(analyticsTopics.key, Number(alert.groupKey)));
  if (!topic) return null;
  let after = 0;
  for (let d = from; d < from + 7; d++) after += topic.perDay[String(d)] ?? 0;
  const windowDays = alert.endDay - alert.startDay + 1;
  const during = alert.observed / windowDays;
  return { duringPerDay: during, afterPerDay: after / 7, fell: after / 7 < during };
}

async function findAlert(db: Db, id: number) {
  const [row] = await db.select().from(analyticsAlerts).where(eq(analyticsAlerts.id, id));
  return row;
}

async function openAlert(db: Db, id: number) {
  const alert = await findAlert(db, id);
  if (!alert) throw new AppError('ALERT_NOT_FOUND');
  if (alert.status === 'closed') throw new AppError('ALERT_CLOSED');
  return alert;
}

function present(a: AlertRow) {
  const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
  return {
    id: a.id,
    groupKind: a.groupKind,
    groupKey: a.groupKey,
    label: a.label,
    startDate: isoDay(a.startDay),
    endDate: isoDay(a.endDay),
    evidence: {
      observed: a.observed,
      distinctItems: a.distinctCount,
      expected: a.expected,
      growth: a.growth,
      pValue: a.pValue,
      z: a.z,
      test: 'exact conditional test of two Poisson rates (binomial), weekday-adjusted baseline of 28 days',
      sampleAppealIds: a.sampleAppealIds,
      departmentIds: a.departmentIds,
    },
    suggestedDepartmentId: a.suggestedDepartmentId,
    status: a.status,
    assignedDepartmentId: a.assignedDepartmentId,
    assignedAt: iso(a.assignedAt),
    response: a.responseKind
      ? { kind: a.responseKind, note: a.responseNote ?? '', url: a.responseUrl }
      : null,
    closedAt: iso(a.closedAt),
  };
}

export type AlertView = ReturnType<typeof present>;

/** YYYY-MM-DD of a bureau day. */
export function isoDay(day: number): string {
  return new Date(dayStart(day) + 8 * 3_600_000).toISOString().slice(0, 10);
}
