import { asc, eq, sql } from 'drizzle-orm';
import { appealAnswers, appealEvents, commitments } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { prepared } from '../../platform/db/prepared.js';
import { explainersForAppeal } from '../explainers/explainers-read.service.js';
import { withModeration } from '../moderation/index.js';
import { answerOverdue, departmentTree, visibleAppeal } from './appeal-state.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

type CommitmentRow = typeof commitments.$inferSelect;

// an appeal's rows of one table in order, built once per database (see prepared.ts)
const rowsOfAppeal =
  <T extends typeof appealEvents | typeof appealAnswers | typeof commitments>(t: T) =>
  (db: Db) =>
    db
      .select()
      .from(t)
      .where(eq(t.appealId, sql.placeholder('id')))
      .orderBy(asc(t.id))
      .prepare();
const eventsOf = rowsOfAppeal(appealEvents);
const answersOf = rowsOfAppeal(appealAnswers);
const commitmentsOf = rowsOfAppeal(commitments);

/** A commitment as the public sees it: overdue while its date has passed without an outcome. */
export function publicCommitment(c: CommitmentRow, now: number) {
  return {
    id: c.id,
    kind: c.kind,
    departmentId: c.departmentId,
    dueDate: c.dueDate,
    overdue: c.outcome === null && c.dueAt <= now,
    outcome: c.outcome,
    outcomeText: c.outcomeText,
    outcomeAt: iso(c.outcomeAt),
  };
}

/**
 * A published appeal with its deadline clock, its answers (each signed with department and role, with
 * its commitments) and the public timeline. Staff identities stay out; unpublished appeals do not exist.
 */
export async function getAppeal(db: Db, id: number, now: number) {
  const row = await visibleAppeal(db, id, now);
  const [events, answers, promises, tree, explainers] = await Promise.all([
    prepared(db, eventsOf).all({ id }),
    prepared(db, answersOf).all({ id }),
    prepared(db, commitmentsOf).all({ id }),
    departmentTree(db),
    explainersForAppeal(db, id),
  ]);
  const open = promises.map((c) => publicCommitment(c, now));
  return withModeration(db, 'appeal', id, {
    id: row.id,
    title: row.title,
    body: row.body,
    categoryId: row.categoryId,
    departmentId: row.departmentId,
    department: tree.nameOf(row.departmentId),
    status: row.status,
    pseudonym: row.pseudonym,
    createdAt: new Date(row.createdAt).toISOString(),
    cosignCount: row.cosignCount,
    round: row.round,
    answerDueAt: iso(row.answerDueAt),
    answerOverdue: answerOverdue(row, now),
    overdue: answerOverdue(row, now) || open.some((c) => c.overdue),
    answers: answers.map((a) => ({
      id: a.id,
      round: a.round,
      kind: a.kind,
      departmentId: a.departmentId,
      department: tree.nameOf(a.departmentId),
      responderRole: a.responderRole,
      at: new Date(a.at).toISOString(),
      content: a.content as unknown as Record<string, unknown>,
      commitments: open.filter((_, i) => promises[i]!.answerId === a.id),
    })),
    timeline: events.map((e) => ({
      kind: e.kind,
      at: new Date(e.at).toISOString(),
      departmentId: e.departmentId,
      actorRole: e.actorRole,
      data: e.data ?? null,
    })),
    explainers,
  });
}
