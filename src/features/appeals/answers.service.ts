import { and, eq, isNull, sql } from 'drizzle-orm';
import {
  type AnswerContent,
  appealAnswers,
  appealEvents,
  appeals,
  commitments,
} from '../../../db/schema/index.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { sealLog } from '../audit/index.js';
import type { AnswerInput } from './answers.schemas.js';
import { appealLog } from './appeal-log.js';
import {
  actingDepartment,
  departmentTree,
  isEnded,
  isSettledRace,
  type Responder,
  runBatch,
  visibleAppeal,
} from './appeal-state.js';
import { chinaDate, endOfChinaDay } from './calendar.service.js';
import { settleStatements } from './commitments.service.js';

// inside one batch the answer just inserted is the newest row
const newestAnswerId = sql`(SELECT max(id) FROM appeal_answers)`;

/** The commitment an answer makes: a due date for measures, a next-update date while investigating. */
function promiseOf(input: AnswerInput, acting: number) {
  if (input.kind === 'solvable')
    return { kind: 'due' as const, departmentId: input.ownerDepartmentId, dueDate: input.dueDate };
  if (input.kind === 'not_yet_solvable')
    return { kind: 'next_update' as const, departmentId: acting, dueDate: input.nextUpdate };
  return null;
}

/**
 * A public answer by a responder of the responsible department (or one above it), in one of three kinds
 * with their required fields. A date in it becomes a commitment. A new answer is the update that an open
 * next-update promise asked for: it settles that promise, as kept if on time.
 */
export async function answerAppeal(
  db: Db,
  actor: Responder,
  appealId: number,
  input: AnswerInput,
  now: number,
) {
  const appeal = await visibleAppeal(db, appealId, now);
  if (isEnded(appeal.status)) throw new AppError('APPEAL_CLOSED');
  if (appeal.departmentId === null) throw new AppError('APPEAL_NOT_ASSIGNED');
  const tree = await departmentTree(db);
  const acting = actingDepartment(tree, actor, appeal.departmentId);
  const promise = promiseOf(input, acting);
  if (promise) {
    if (!tree.has(promise.departmentId)) throw new AppError('DEPARTMENT_NOT_FOUND');
    if (promise.dueDate < chinaDate(now)) throw new AppError('DATE_IN_PAST');
  }
  const open = await db
    .select()
    .from(commitments)
    .where(and(eq(commitments.appealId, appealId), isNull(commitments.outcome)));
  const updates = open.filter((c) => c.kind === 'next_update');
  const stillOpen = open.length - updates.length + (promise ? 1 : 0);
  const statements: BatchItem[] = [
    db
      .insert(appealAnswers)
      .values({
        appealId,
        round: appeal.round,
        departmentId: acting,
        responderRole: actor.role,
        staffId: actor.id,
        kind: input.kind,
        content: input as AnswerContent,
        at: now,
      })
      .returning({ id: appealAnswers.id }),
    ...(promise
      ? [
          db
            .insert(commitments)
            .values({ appealId, answerId: newestAnswerId, ...promise, dueAt: endOfChinaDay(promise.dueDate) })
            .returning({ id: commitments.id }),
        ]
      : []),
    db.insert(appealEvents).values({
      appealId,
      kind: 'answered',
      departmentId: acting,
      actorRole: actor.role,
      actorStaffId: actor.id,
      data: { answerKind: input.kind, round: appeal.round, ...(promise ? { dueDate: promise.dueDate } : {}) },
      at: now,
    }),
    ...updates.flatMap((c) =>
      settleStatements(db, c, {
        outcome: c.dueAt > now ? 'kept' : 'not_kept',
        text: c.dueAt > now ? '已按期发布新的答复' : '逾期后才发布新的答复',
        actor: { id: actor.id, role: 'system' },
        departmentId: acting,
        now,
      }),
    ),
    db
      .update(appeals)
      .set({
        status: 'answered',
        firstAnsweredAt: sql`coalesce(${appeals.firstAnsweredAt}, ${now})`,
        overdueSince: null,
        waitingSince: null,
        outcomeAt: stillOpen === 0 ? now : null,
      })
      .where(eq(appeals.id, appealId)),
    ...appealLog(db, 'answer', appealId, actor, now, {
      answerKind: input.kind,
      departmentId: acting,
      round: appeal.round,
    }),
  ];
  let results: unknown[];
  try {
    results = await runBatch(db, statements);
  } catch (e) {
    if (isSettledRace(e)) throw new AppError('APPEAL_STATE_CONFLICT');
    throw e;
  }
  await sealLog(db);
  const answerId = (results[0] as { id: number }[])[0]!.id;
  const commitmentId = promise ? (results[1] as { id: number }[])[0]!.id : null;
  return { id: answerId, commitmentId };
}
