import { and, eq, isNull, ne } from 'drizzle-orm';
import { appealEvents, appeals, type CommitmentOutcome, commitments } from '../../../db/schema/index.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { sealLog } from '../audit/index.js';
import type { OutcomeInput } from './answers.schemas.js';
import { appealLog } from './appeal-log.js';
import {
  actingDepartment,
  departmentTree,
  isSettledRace,
  type Responder,
  runBatch,
  visibleAppeal,
} from './appeal-state.js';

type CommitmentRow = typeof commitments.$inferSelect;

/** The statements that give a commitment its (final) outcome and put it on the timeline. */
export function settleStatements(
  db: Db,
  c: CommitmentRow,
  s: {
    outcome: CommitmentOutcome;
    text: string;
    actor: { id: number | null; role: string };
    departmentId: number;
    now: number;
  },
): BatchItem[] {
  return [
    db
      .update(commitments)
      .set({ outcome: s.outcome, outcomeText: s.text, outcomeAt: s.now, outcomeStaffId: s.actor.id })
      // no "outcome IS NULL" here: a concurrent update must hit the trigger and fail, not pass silently
      .where(eq(commitments.id, c.id)),
    db.insert(appealEvents).values({
      appealId: c.appealId,
      kind: 'commitment_outcome',
      departmentId: s.departmentId,
      actorRole: s.actor.role,
      actorStaffId: s.actor.id,
      data: {
        commitmentId: c.id,
        dueDate: c.dueDate,
        outcome: s.outcome,
        text: s.text,
        late: c.dueAt <= s.now,
      },
      at: s.now,
    }),
  ];
}

/**
 * The owner's outcome update on a commitment: kept, partly kept or not kept, with text. Final once given
 * (a trigger refuses a change). When it settles the last open promise, the appeal's outcome is reached
 * and the auto-close clock starts.
 */
export async function recordOutcome(
  db: Db,
  actor: Responder,
  commitmentId: number,
  input: OutcomeInput,
  now: number,
) {
  const [c] = await db.select().from(commitments).where(eq(commitments.id, commitmentId));
  if (!c) throw new AppError('COMMITMENT_NOT_FOUND');
  const appeal = await visibleAppeal(db, c.appealId, now);
  if (c.outcome !== null) throw new AppError('COMMITMENT_SETTLED');
  const tree = await departmentTree(db);
  let acting: number;
  try {
    acting = actingDepartment(tree, actor, c.departmentId);
  } catch {
    acting = actingDepartment(tree, actor, appeal.departmentId ?? c.departmentId);
  }
  const others = await db
    .select({ id: commitments.id })
    .from(commitments)
    .where(and(eq(commitments.appealId, c.appealId), isNull(commitments.outcome), ne(commitments.id, c.id)));
  const statements = settleStatements(db, c, { ...input, actor, departmentId: acting, now });
  if (others.length === 0 && appeal.status === 'answered') {
    statements.push(db.update(appeals).set({ outcomeAt: now }).where(eq(appeals.id, c.appealId)));
  }
  statements.push(
    ...appealLog(db, 'commitment-outcome', c.appealId, actor, now, {
      commitmentId: c.id,
      outcome: input.outcome,
      departmentId: acting,
    }),
  );
  try {
    await runBatch(db, statements);
  } catch (e) {
    if (isSettledRace(e)) throw new AppError('COMMITMENT_SETTLED');
    throw e;
  }
  await sealLog(db);
  return { id: c.id, outcome: input.outcome };
}
