import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import {
  analyticsAlerts,
  appeals,
  type DigestSummary,
  type NotificationKind,
  staffNotifications,
} from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import type { StaffActor } from '../staff/index.js';
import { answerOverdue, WAITING_STATUSES } from './appeal-state.js';

// exactly one subject: an appeal, an alert, or (for a weekly digest) its summary; a CHECK enforces it too
type Subject =
  | { appealId: number; alertId?: never; digest?: never }
  | { alertId: number; appealId?: never; digest?: never }
  | { digest: DigestSummary; appealId?: never; alertId?: never };

export type NewNotification = Subject & {
  kind: NotificationKind;
  departmentId: number | null;
  // the same key twice is one notification: deadline runs may repeat
  dedupeKey: string;
  at: number;
};

/** An inbox row to batch with the change it reports; a repeated key is silently skipped. */
export function notificationStatement(db: Db, n: NewNotification) {
  return db.insert(staffNotifications).values(n).onConflictDoNothing();
}

/**
 * Responders see their departments' items (appeals and alerts handed to them); dispatchers the appeal
 * items of all, and the unrouted ones; analysts the alert items and digests meant for them (department
 * null; the departments' copies are theirs); admins everything.
 */
function audience(actor: Pick<StaffActor, 'role' | 'departmentIds'>, departmentId?: number): SQL | undefined {
  if (actor.role === 'responder') {
    const mine = actor.departmentIds.filter((d) => departmentId === undefined || d === departmentId);
    return inArray(staffNotifications.departmentId, mine.length ? mine : [-1]);
  }
  const subject =
    actor.role === 'dispatcher'
      ? isNotNull(staffNotifications.appealId)
      : actor.role === 'analyst'
        ? and(isNull(staffNotifications.appealId), isNull(staffNotifications.departmentId))
        : undefined;
  return and(
    subject,
    departmentId === undefined ? undefined : eq(staffNotifications.departmentId, departmentId),
  );
}

/** Items of appeals still inside their publication delay wait; alert items and digests do not. */
export const notificationVisible = (now: number) =>
  or(isNull(staffNotifications.appealId), lte(appeals.publishAt, now));

/**
 * The staff inbox, newest first: assignments, approaching and passed deadlines, escalations, reopened
 * appeals, commitments due, raised and assigned alerts, weekly digests. Items of appeals still inside
 * their publication delay stay hidden.
 */
export async function listInbox(
  db: Db,
  actor: Pick<StaffActor, 'role' | 'departmentIds'>,
  opts: { unread?: boolean; departmentId?: number; limit: number },
  now: number,
) {
  const rows = await db
    .select({ n: staffNotifications, a: appeals, alert: analyticsAlerts })
    .from(staffNotifications)
    .leftJoin(appeals, eq(appeals.id, staffNotifications.appealId))
    .leftJoin(analyticsAlerts, eq(analyticsAlerts.id, staffNotifications.alertId))
    .where(
      and(
        notificationVisible(now),
        lte(staffNotifications.at, now),
        audience(actor, opts.departmentId),
        opts.unread ? isNull(staffNotifications.readAt) : undefined,
      ),
    )
    .orderBy(desc(staffNotifications.at), desc(staffNotifications.id))
    .limit(opts.limit);
  return rows.map(({ n, a, alert }) => ({
    id: n.id,
    kind: n.kind,
    departmentId: n.departmentId,
    at: new Date(n.at).toISOString(),
    read: n.readAt !== null,
    appeal: a && appealBrief(a, now),
    alert: alert && {
      id: alert.id,
      label: alert.label,
      status: alert.status,
      observed: alert.observed,
      distinctItems: alert.distinctCount,
    },
    digest: n.digest,
  }));
}

const appealBrief = (a: typeof appeals.$inferSelect, now: number) => ({
  id: a.id,
  title: a.title,
  status: a.status,
  departmentId: a.departmentId,
  cosignCount: a.cosignCount,
  answerDueAt: a.answerDueAt === null ? null : new Date(a.answerDueAt).toISOString(),
  overdue: answerOverdue(a, now),
});

export async function markRead(
  db: Db,
  actor: Pick<StaffActor, 'role' | 'departmentIds'>,
  id: number,
  now: number,
) {
  const updated = await db
    .update(staffNotifications)
    .set({ readAt: now })
    .where(and(eq(staffNotifications.id, id), audience(actor)))
    .returning({ id: staffNotifications.id });
  if (updated.length === 0) throw new AppError('NOTIFICATION_NOT_FOUND');
}

/**
 * The work queue: appeals waiting for an answer from the actor's departments (all, for dispatchers),
 * overdue first, then by co-signs (how many workers share the concern), then by deadline.
 */
export async function listQueue(
  db: Db,
  actor: Pick<StaffActor, 'role' | 'departmentIds'>,
  limit: number,
  now: number,
) {
  const scope =
    actor.role === 'responder'
      ? inArray(appeals.departmentId, actor.departmentIds.length ? [...actor.departmentIds] : [-1])
      : undefined;
  const rows = await db
    .select()
    .from(appeals)
    .where(and(inArray(appeals.status, [...WAITING_STATUSES]), lte(appeals.publishAt, now), scope))
    .orderBy(
      desc(sql`(${appeals.overdueSince} IS NOT NULL OR ${appeals.answerDueAt} <= ${now})`),
      desc(appeals.cosignCount),
      asc(appeals.answerDueAt),
    )
    .limit(limit);
  return rows.map((a) => appealBrief(a, now));
}
