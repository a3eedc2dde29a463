import { and, eq, gt, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import {
  appealEvents,
  appeals,
  categories,
  commitments,
  deadlineMisses,
  staffNotifications,
} from '../../../db/schema/index.js';
import { DAY, HOUR } from '../../platform/clock.js';
import type { Db } from '../../platform/db/db.js';
import { sealLog } from '../audit/index.js';
import { appealLog } from './appeal-log.js';
import { departmentTree, runBatch, WAITING_STATUSES } from './appeal-state.js';
import { guarded, missedDeadlineStatements, overdueCommitmentStatements } from './escalation.service.js';
import { notificationStatement } from './inbox.service.js';

export interface DeadlineOptions {
  /** An answered appeal without an author verdict closes this many days after its outcome. */
  autoCloseDays?: number;
  /** How long before a deadline the department is reminded. */
  remindBefore?: number;
}

export interface DeadlineRun {
  escalated: number;
  missed: number;
  reminded: number;
  commitmentsOverdue: number;
  closed: number;
}

// what earlier runs did is skipped in the queries, so a run over a quiet database costs a few reads;
// the unique keys inside each batch still decide when two runs race
const notYet = (ref: SQL) =>
  sql`NOT EXISTS (SELECT 1 FROM ${deadlineMisses} WHERE ${deadlineMisses.ref} = ${ref})`;
const notNotified = (key: SQL) =>
  sql`NOT EXISTS (SELECT 1 FROM ${staffNotifications} WHERE ${staffNotifications.dedupeKey} = ${key})`;

/**
 * Everything the clock decides, for a staff route now and a cron trigger later: missed first-answer
 * deadlines (recorded against the department, escalated to its parent with a fresh deadline), reminders,
 * overdue commitments, and auto-close. Idempotent: every effect is guarded by a unique key or a status
 * condition inside its batch, so a repeated or concurrent run changes nothing more.
 * @example await runDeadlines(db, clock.now())
 */
export async function runDeadlines(db: Db, now: number, opts: DeadlineOptions = {}): Promise<DeadlineRun> {
  const { autoCloseDays = 14, remindBefore = 24 * HOUR } = opts;
  const run: DeadlineRun = { escalated: 0, missed: 0, reminded: 0, commitmentsOverdue: 0, closed: 0 };
  const tree = await departmentTree(db);
  const visible = lte(appeals.publishAt, now);
  const waiting = inArray(appeals.status, [...WAITING_STATUSES]);

  const late = await db
    .select({ a: appeals, answerDays: categories.answerDays })
    .from(appeals)
    .innerJoin(categories, eq(categories.id, appeals.categoryId))
    .where(
      and(
        visible,
        waiting,
        lte(appeals.answerDueAt, now),
        notYet(sql`'answer:' || ${appeals.id} || ':' || ${appeals.answerDueAt}`),
      ),
    );
  for (const { a, answerDays } of late) {
    const miss = await missedDeadlineStatements(db, tree, a, answerDays, now);
    if (await guarded(db, miss.statements)) {
      run.missed++;
      if (miss.escalated) run.escalated++;
    }
  }

  const soon = await db
    .select()
    .from(appeals)
    .where(
      and(
        visible,
        waiting,
        isNotNull(appeals.departmentId),
        gt(appeals.answerDueAt, now),
        lte(appeals.answerDueAt, now + remindBefore),
        notNotified(sql`'approaching:' || ${appeals.id} || ':' || ${appeals.answerDueAt}`),
      ),
    );
  for (const a of soon) {
    const r = await notificationStatement(db, {
      kind: 'deadline_approaching',
      appealId: a.id,
      departmentId: a.departmentId,
      dedupeKey: `approaching:${a.id}:${a.answerDueAt}`,
      at: now,
    }).returning();
    run.reminded += r.length;
  }

  const open = await db
    .select()
    .from(commitments)
    .where(
      and(
        isNull(commitments.outcome),
        lte(commitments.dueAt, now + remindBefore),
        notYet(sql`'commitment:' || ${commitments.id}`),
      ),
    );
  for (const c of open) {
    if (c.dueAt > now) {
      const r = await notificationStatement(db, {
        kind: 'commitment_due',
        appealId: c.appealId,
        departmentId: c.departmentId,
        dedupeKey: `commitment_due:${c.id}`,
        at: now,
      }).returning();
      run.reminded += r.length;
      continue;
    }
    if (await guarded(db, overdueCommitmentStatements(db, c, now))) run.commitmentsOverdue++;
  }

  const closable = await db
    .select({ id: appeals.id })
    .from(appeals)
    .where(
      and(
        eq(appeals.status, 'answered'),
        isNotNull(appeals.outcomeAt),
        lte(appeals.outcomeAt, now - autoCloseDays * DAY),
      ),
    );
  for (const { id } of closable) {
    // the event is inserted only while the appeal is still 'answered', in the batch that closes it
    const [, closed] = await runBatch(db, [
      db.run(sql`INSERT INTO ${appealEvents} (appeal_id, kind, actor_role, data, at)
        SELECT ${id}, 'closed', 'deadline', ${JSON.stringify({ by: 'auto', afterDays: autoCloseDays })}, ${now}
        WHERE EXISTS (SELECT 1 FROM ${appeals} WHERE id = ${id} AND status = 'answered')`),
      db
        .update(appeals)
        .set({ status: 'closed', closedAt: now })
        .where(and(eq(appeals.id, id), eq(appeals.status, 'answered')))
        .returning({ id: appeals.id }),
      ...appealLog(db, 'auto-close', id, null, now, { afterDays: autoCloseDays }, { onlyIfChanged: true }),
    ]);
    run.closed += (closed as unknown[]).length;
  }
  if (run.missed + run.commitmentsOverdue + run.closed > 0) await sealLog(db);
  return run;
}
