import { eq, sql } from 'drizzle-orm';
import { appealEvents, appeals, type commitments, deadlineMisses } from '../../../db/schema/index.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { appealLog } from './appeal-log.js';
import { type AppealRow, type DepartmentTree, isUniqueViolation, runBatch } from './appeal-state.js';
import { answerDeadline } from './calendar.service.js';
import { notificationStatement } from './inbox.service.js';

/**
 * A missed first-answer deadline: recorded against the department (or 'unrouted'), the appeal marked
 * overdue, and moved up to the parent department with a fresh deadline. At the top it stays and stays overdue.
 */
export async function missedDeadlineStatements(
  db: Db,
  tree: DepartmentTree,
  a: AppealRow,
  answerDays: number,
  now: number,
) {
  const from = a.departmentId;
  const to = from === null ? tree.root() : tree.parentOf(from);
  const statements: BatchItem[] = [
    // first: the unique ref makes a repeated run fail here, and the whole batch with it
    db.insert(deadlineMisses).values({
      ref: `answer:${a.id}:${a.answerDueAt}`,
      appealId: a.id,
      departmentId: from,
      kind: 'first_answer',
      dueAt: a.answerDueAt!,
      at: now,
    }),
    db.insert(appealEvents).values({
      appealId: a.id,
      kind: 'deadline_missed',
      departmentId: from,
      actorRole: 'deadline',
      data: { dueAt: new Date(a.answerDueAt!).toISOString() },
      at: now,
    }),
    notificationStatement(db, {
      kind: 'deadline_passed',
      appealId: a.id,
      departmentId: from,
      dedupeKey: `passed:${a.id}:${a.answerDueAt}`,
      at: now,
    }),
  ];
  statements.push(
    ...appealLog(db, 'deadline-missed', a.id, null, now, { departmentId: from, dueAt: a.answerDueAt }),
  );
  if (to === null) {
    statements.push(
      db
        .update(appeals)
        .set({ overdueSince: sql`coalesce(${appeals.overdueSince}, ${a.answerDueAt})` })
        .where(eq(appeals.id, a.id)),
    );
    return { statements, escalated: false };
  }
  const answerDueAt = await answerDeadline(db, now, answerDays);
  statements.push(
    db
      .update(appeals)
      .set({
        overdueSince: sql`coalesce(${appeals.overdueSince}, ${a.answerDueAt})`,
        departmentId: to,
        answerDueAt,
        ...(a.status === 'published' ? { status: 'assigned' as const } : {}),
      })
      .where(eq(appeals.id, a.id)),
    db.insert(appealEvents).values({
      appealId: a.id,
      kind: 'escalated',
      departmentId: to,
      actorRole: 'deadline',
      data: { from, to, reason: 'deadline', answerDueAt: new Date(answerDueAt).toISOString() },
      at: now,
    }),
    notificationStatement(db, {
      kind: 'escalated',
      appealId: a.id,
      departmentId: to,
      dedupeKey: `escalated:${a.id}:${a.answerDueAt}`,
      at: now,
    }),
    ...appealLog(db, 'escalate', a.id, null, now, { from, to, reason: 'deadline' }),
  );
  return { statements, escalated: true };
}

/** Runs a batch whose first statement is a unique guard; false when the guard says it already happened. */
export async function guarded(db: Db, statements: BatchItem[]): Promise<boolean> {
  try {
    await runBatch(db, statements);
    return true;
  } catch (e) {
    if (isUniqueViolation(e, 'deadline_misses')) return false;
    throw e;
  }
}

/** A promise past its date without an outcome: recorded against its owner, on the timeline, in the inbox. */
export function overdueCommitmentStatements(
  db: Db,
  c: typeof commitments.$inferSelect,
  now: number,
): BatchItem[] {
  return [
    db.insert(deadlineMisses).values({
      ref: `commitment:${c.id}`,
      appealId: c.appealId,
      departmentId: c.departmentId,
      kind: 'commitment',
      dueAt: c.dueAt,
      at: now,
    }),
    db.insert(appealEvents).values({
      appealId: c.appealId,
      kind: 'commitment_overdue',
      departmentId: c.departmentId,
      actorRole: 'deadline',
      data: { commitmentId: c.id, dueDate: c.dueDate },
      at: now,
    }),
    notificationStatement(db, {
      kind: 'commitment_overdue',
      appealId: c.appealId,
      departmentId: c.departmentId,
      dedupeKey: `commitment_overdue:${c.id}`,
      at: now,
    }),
    ...appealLog(db, 'commitment-overdue', c.appealId, null, now, { commitmentId: c.id, dueDate: c.dueDate }),
  ];
}
