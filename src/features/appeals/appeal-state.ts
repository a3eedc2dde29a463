import { and, eq, lte, sql } from 'drizzle-orm';
import { type AppealStatus, appeals, departments } from '../../../db/schema/index.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { prepared } from '../../platform/db/prepared.js';
import { memoPerVersion } from '../../platform/db/version-memo.js';
import { AppError } from '../../platform/http/errors.js';

/** Statuses in which the responsible department still owes an answer. */
export const WAITING_STATUSES = ['published', 'assigned', 'reopened'] as const satisfies AppealStatus[];
/** Statuses after which nothing but commitment outcomes can be added. */
export const ENDED_STATUSES = ['closed', 'withdrawn'] as const satisfies AppealStatus[];

export type AppealRow = typeof appeals.$inferSelect;

export const isWaiting = (s: AppealStatus) => (WAITING_STATUSES as readonly string[]).includes(s);
export const isEnded = (s: AppealStatus) => (ENDED_STATUSES as readonly string[]).includes(s);

/** Publicly overdue for a first answer: waiting past the deadline, or waiting since a missed one. */
export function answerOverdue(row: Pick<AppealRow, 'status' | 'answerDueAt' | 'overdueSince'>, now: number) {
  if (!isWaiting(row.status)) return false;
  return row.overdueSince !== null || (row.answerDueAt !== null && row.answerDueAt <= now);
}

/** A published appeal (past its publication delay), or APPEAL_NOT_FOUND: unpublished ones do not exist yet. */
export async function visibleAppeal(db: Db, id: number, now: number): Promise<AppealRow> {
  const [row] = await prepared(db, publishedAppeal).all({ id, now });
  if (!row) throw new AppError('APPEAL_NOT_FOUND');
  return row;
}

const publishedAppeal = (db: Db) =>
  db
    .select()
    .from(appeals)
    .where(and(eq(appeals.id, sql.placeholder('id')), lte(appeals.publishAt, sql.placeholder('now'))))
    .prepare();

/** Runs statements atomically (libSQL and D1 alike); the typed tuple drizzle wants is not needed here. */
export async function runBatch(db: Db, items: BatchItem[]): Promise<unknown[]> {
  if (items.length === 0) return [];
  return (await db.batch(items as unknown as Parameters<Db['batch']>[0])) as unknown as unknown[];
}

/** The driver's message of a failed statement, wherever the driver put it. */
export function dbErrorText(e: unknown): string {
  return `${(e as Error)?.message ?? ''} ${(e as { cause?: Error })?.cause?.message ?? ''}`;
}

/** True when a batch failed on the UNIQUE guard of `table` (a repeated deadline run, a double verdict). */
export function isUniqueViolation(e: unknown, table: string): boolean {
  const text = dbErrorText(e);
  return text.includes('UNIQUE') && text.includes(table);
}

/** True when a batch was refused by the trigger that keeps commitment outcomes final (a concurrent update). */
export const isSettledRace = (e: unknown) => dbErrorText(e).includes('outcome is final');

export interface DepartmentTree {
  parentOf(id: number): number | null;
  nameOf(id: number | null): string | null;
  /** The department and all above it, nearest first. */
  lineage(id: number): number[];
  root(): number | null;
  has(id: number): boolean;
}

/** The department hierarchy, read once per operation (a few dozen rows). */
export function departmentTree(db: Db): Promise<DepartmentTree> {
  return memoPerVersion(db, 'department-tree', async () => treeOf(await db.select().from(departments)));
}

function treeOf(rows: (typeof departments.$inferSelect)[]): DepartmentTree {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    parentOf: (id) => byId.get(id)?.parentId ?? null,
    nameOf: (id) => (id === null ? null : (byId.get(id)?.nameZh ?? null)),
    lineage(id) {
      const out: number[] = [];
      for (
        let cur: number | null = id;
        cur !== null && !out.includes(cur);
        cur = byId.get(cur)?.parentId ?? null
      )
        out.push(cur);
      return out;
    },
    root: () => rows.find((r) => r.parentId === null)?.id ?? null,
    has: (id) => byId.has(id),
  };
}

/** Who acts for a department: a signed-in responder, or the seed acting as one. */
export interface Responder {
  id: number | null;
  role: string;
  // for the public log; absent only for the demo seed
  username?: string;
  departmentIds: readonly number[];
}

/**
 * The department a responder acts for on something owned by `departmentId`: their own if it is that one,
 * else the nearest department above it they belong to (a parent may always step in). NOT_RESPONSIBLE else.
 */
export function actingDepartment(tree: DepartmentTree, actor: Responder, departmentId: number): number {
  const acting = tree.lineage(departmentId).find((d) => actor.departmentIds.includes(d));
  if (acting === undefined) throw new AppError('NOT_RESPONSIBLE');
  return acting;
}
