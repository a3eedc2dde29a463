import { and, asc, eq, lte, sql } from 'drizzle-orm';
import {
  type AppealStatus,
  appealEvents,
  appeals,
  categories,
  departments,
} from '../../../db/schema/index.js';
import type { Config } from '../../platform/config/config.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import {
  coarseTime,
  newPseudonym,
  newReceipt,
  publishTime,
  type Spend,
  type TokenService,
} from '../tokens/index.js';

export interface NewAppeal {
  title: string;
  body: string;
  categoryId: number;
  departmentId?: number;
}

/**
 * Stores a worker's appeal, paid for by a redeemed token: nonce, appeal and first timeline event land in
 * one atomic batch. Routed to the named department, else the category's default department.
 */
export async function createAppeal(
  deps: { db: Db; config: Config; secrets: Secrets; tokens: TokenService; now: number },
  spend: Spend,
  input: NewAppeal,
) {
  const { db, config, now } = deps;
  const [category] = await db.select().from(categories).where(eq(categories.id, input.categoryId));
  if (!category) throw new AppError('CATEGORY_NOT_FOUND');
  if (input.departmentId !== undefined) {
    const [dept] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.id, input.departmentId));
    if (!dept) throw new AppError('DEPARTMENT_NOT_FOUND');
  }
  const departmentId = input.departmentId ?? category.defaultDepartmentId ?? null;
  const { receipt, receiptHash } = newReceipt(deps.secrets);
  const createdAt = coarseTime(config, now);
  const publishAt = publishTime(config, now);
  const status: AppealStatus = departmentId === null ? 'published' : 'assigned';
  const [, inserted] = await deps.tokens.spendWith(db, spend, [
    db
      .insert(appeals)
      .values({
        title: input.title,
        body: input.body,
        categoryId: input.categoryId,
        requestedDepartmentId: input.departmentId ?? null,
        departmentId,
        status,
        pseudonym: newPseudonym(),
        receiptHash,
        createdAt,
        publishAt,
      })
      .returning({ id: appeals.id, pseudonym: appeals.pseudonym }),
    db
      .insert(appealEvents)
      .values({ appealId: sql`(SELECT max(id) FROM appeals)`, kind: 'submitted', at: createdAt }),
    ...(departmentId === null
      ? []
      : [
          db.insert(appealEvents).values({
            appealId: sql`(SELECT max(id) FROM appeals)`,
            kind: 'assigned',
            departmentId,
            actorRole: 'routing',
            at: createdAt,
          }),
        ]),
  ] as const);
  const row = (inserted as { id: number; pseudonym: string }[])[0]!;
  return { id: row.id, pseudonym: row.pseudonym, receipt, status, publishAt };
}

/** A published appeal with its public timeline; unpublished (delayed) appeals do not exist yet. */
export async function getAppeal(db: Db, id: number, now: number) {
  const [row] = await db
    .select()
    .from(appeals)
    .where(and(eq(appeals.id, id), lte(appeals.publishAt, now)));
  if (!row) throw new AppError('APPEAL_NOT_FOUND');
  const events = await db
    .select()
    .from(appealEvents)
    .where(eq(appealEvents.appealId, id))
    .orderBy(asc(appealEvents.id));
  const { receiptHash: _hidden, publishAt: _p, requestedDepartmentId: _r, ...visible } = row;
  return {
    ...visible,
    createdAt: new Date(row.createdAt).toISOString(),
    timeline: events.map((e) => ({
      kind: e.kind,
      at: new Date(e.at).toISOString(),
      departmentId: e.departmentId,
      actorRole: e.actorRole,
      data: e.data ?? null,
    })),
  };
}
