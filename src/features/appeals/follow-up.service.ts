import { and, desc, eq } from 'drizzle-orm';
import {
  appealAnswers,
  appealEvents,
  appeals,
  appealVerdicts,
  categories,
  type Verdict,
} from '../../../db/schema/index.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { receiptHash } from '../tokens/index.js';
import {
  type AppealRow,
  departmentTree,
  isEnded,
  isUniqueViolation,
  runBatch,
  visibleAppeal,
} from './appeal-state.js';
import { answerDeadline } from './calendar.service.js';
import { notificationStatement } from './inbox.service.js';

/**
 * Author actions carry two times: `now` for deadlines (whole days), and `at`, coarsened like every time
 * written by a worker, for what is stored and shown.
 */
export interface AuthorTime {
  now: number;
  at: number;
}

/** The appeal, if `receipt` is its author's; RECEIPT_INVALID otherwise. Nothing else identifies the author. */
export async function authorsAppeal(db: Db, secrets: Secrets, id: number, receipt: string, now: number) {
  const appeal = await visibleAppeal(db, id, now);
  if (receiptHash(secrets, receipt) !== appeal.receiptHash) throw new AppError('RECEIPT_INVALID');
  return appeal;
}

/** More information from the author, on the public timeline, exactly as written. */
export async function addInformation(db: Db, appeal: AppealRow, text: string, t: AuthorTime) {
  if (appeal.status === 'withdrawn') throw new AppError('APPEAL_CLOSED');
  await db
    .insert(appealEvents)
    .values({ appealId: appeal.id, kind: 'author_added', data: { text }, at: t.at });
}

/** The author withdraws: no answer is owed any more. The text stays public (nothing is withheld). */
export async function withdrawAppeal(db: Db, appeal: AppealRow, reason: string | undefined, t: AuthorTime) {
  if (isEnded(appeal.status)) throw new AppError('APPEAL_CLOSED');
  await runBatch(db, [
    db
      .update(appeals)
      .set({ status: 'withdrawn', waitingSince: null, closedAt: t.at })
      .where(eq(appeals.id, appeal.id)),
    db.insert(appealEvents).values({
      appealId: appeal.id,
      kind: 'withdrawn',
      data: reason ? { reason } : null,
      at: t.at,
    }),
  ]);
}

/**
 * The author's verdict on this round's answer. Satisfied or partly closes the appeal. Unsatisfied in the
 * first round reopens it once, escalated: round 2 goes to the parent department with a fresh deadline.
 * Unsatisfied in round 2 is final and closes it; it counts against the department in the statistics.
 */
export async function giveVerdict(
  db: Db,
  appeal: AppealRow,
  input: { verdict: Verdict; reason?: string },
  t: AuthorTime,
) {
  if (isEnded(appeal.status)) throw new AppError('APPEAL_CLOSED');
  if (appeal.status !== 'answered') throw new AppError('APPEAL_STATE_CONFLICT');
  const [latest] = await db
    .select({ departmentId: appealAnswers.departmentId })
    .from(appealAnswers)
    .where(and(eq(appealAnswers.appealId, appeal.id), eq(appealAnswers.round, appeal.round)))
    .orderBy(desc(appealAnswers.id))
    .limit(1);
  const judged = latest?.departmentId ?? appeal.departmentId;
  const statements: BatchItem[] = [
    db.insert(appealVerdicts).values({
      appealId: appeal.id,
      round: appeal.round,
      departmentId: judged,
      verdict: input.verdict,
      reason: input.reason ?? null,
      at: t.at,
    }),
    db.insert(appealEvents).values({
      appealId: appeal.id,
      kind: 'verdict',
      departmentId: judged,
      data: {
        verdict: input.verdict,
        round: appeal.round,
        ...(input.reason ? { reason: input.reason } : {}),
      },
      at: t.at,
    }),
  ];
  const reopen = input.verdict === 'unsatisfied' && appeal.round === 1;
  if (reopen) statements.push(...(await reopenStatements(db, appeal, t)));
  else {
    statements.push(
      db.update(appeals).set({ status: 'closed', closedAt: t.at }).where(eq(appeals.id, appeal.id)),
      db
        .insert(appealEvents)
        .values({ appealId: appeal.id, kind: 'closed', data: { by: 'verdict' }, at: t.at }),
    );
  }
  try {
    await runBatch(db, statements);
  } catch (e) {
    if (isUniqueViolation(e, 'appeal_verdicts')) throw new AppError('VERDICT_ALREADY_GIVEN');
    throw e;
  }
  return { status: reopen ? ('reopened' as const) : ('closed' as const), round: reopen ? 2 : appeal.round };
}

async function reopenStatements(db: Db, appeal: AppealRow, t: AuthorTime): Promise<BatchItem[]> {
  const tree = await departmentTree(db);
  const from = appeal.departmentId;
  const to = (from === null ? tree.root() : tree.parentOf(from)) ?? from;
  const [category] = await db
    .select({ answerDays: categories.answerDays })
    .from(categories)
    .where(eq(categories.id, appeal.categoryId));
  const answerDueAt = await answerDeadline(db, t.now, category?.answerDays ?? 5);
  const out: BatchItem[] = [
    db
      .update(appeals)
      .set({
        round: 2,
        status: 'reopened',
        departmentId: to,
        answerDueAt,
        overdueSince: null,
        waitingSince: t.at,
        outcomeAt: null,
      })
      .where(eq(appeals.id, appeal.id)),
    db.insert(appealEvents).values({
      appealId: appeal.id,
      kind: 'reopened',
      departmentId: to,
      data: { round: 2, from, to, answerDueAt: new Date(answerDueAt).toISOString() },
      at: t.at,
    }),
  ];
  if (to !== from) {
    out.push(
      db.insert(appealEvents).values({
        appealId: appeal.id,
        kind: 'escalated',
        departmentId: to,
        data: { from, to, reason: 'unsatisfied' },
        at: t.at,
      }),
    );
  }
  for (const dept of new Set([to, from])) {
    out.push(
      notificationStatement(db, {
        kind: 'reopened',
        appealId: appeal.id,
        departmentId: dept,
        dedupeKey: `reopened:${appeal.id}:2:${dept}`,
        at: t.at,
      }),
    );
  }
  return out;
}
