import { and, eq, gte, or } from 'drizzle-orm';
import { type AlertGroupKind, analyticsAlerts } from '../../../db/schema/index.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { notificationStatement } from '../appeals/inbox.service.js';

// every alert and topic shown rests on at least this many distinct items (k-anonymity of the group)
export const MIN_GROUP = 5;

export interface RaisedGroup {
  groupKind: AlertGroupKind;
  groupKey: string;
  startDay: number;
}

/**
 * Inbox items (and so robot and email messages) for newly raised alerts: one for the analysts
 * (department null) and one for the suggested department, if any. Repeated runs add nothing.
 * @example await notifyRaised(db, [{ groupKind: 'topic', groupKey: '17', startDay: 20400 }], now)
 */
export async function notifyRaised(db: Db, raised: readonly RaisedGroup[], now: number) {
  if (raised.length === 0) return 0;
  const alerts = await db
    .select({ id: analyticsAlerts.id, suggested: analyticsAlerts.suggestedDepartmentId })
    .from(analyticsAlerts)
    .where(
      and(
        gte(analyticsAlerts.distinctCount, MIN_GROUP),
        or(
          ...raised.map((r) =>
            and(
              eq(analyticsAlerts.groupKind, r.groupKind),
              eq(analyticsAlerts.groupKey, r.groupKey),
              eq(analyticsAlerts.startDay, r.startDay),
            ),
          ),
        ),
      ),
    );
  const statements: BatchItem[] = [];
  for (const a of alerts) {
    const raise = (departmentId: number | null) =>
      notificationStatement(db, {
        kind: 'alert_raised',
        alertId: a.id,
        departmentId,
        dedupeKey: `alert:${a.id}:raised:${departmentId ?? 'analysts'}`,
        at: now,
      });
    statements.push(raise(null));
    if (a.suggested !== null) statements.push(raise(a.suggested));
  }
  if (statements.length > 0) await db.batch(statements as [BatchItem, ...BatchItem[]]);
  return alerts.length;
}

/** The inbox item telling a department an alert was handed to it; once per alert and department. */
export const alertAssignedStatement = (db: Db, alertId: number, departmentId: number, now: number) =>
  notificationStatement(db, {
    kind: 'alert_assigned',
    alertId,
    departmentId,
    dedupeKey: `alert:${alertId}:assigned:${departmentId}`,
    at: now,
  });
