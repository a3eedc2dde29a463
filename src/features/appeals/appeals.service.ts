import { eq, sql } from 'drizzle-orm';
import {
  type AppealStatus,
  appealEvents,
  appeals,
  categories,
  departments,
} from '../../../db/schema/index.js';
import type { Config } from '../../platform/config/config.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { prepared } from '../../platform/db/prepared.js';
import { AppError } from '../../platform/http/errors.js';
import { commitText } from '../audit/index.js';
import {
  coarseTime,
  newPseudonym,
  newReceipt,
  publishTime,
  type Spend,
  type TokenService,
} from '../tokens/index.js';
import { answerDeadline } from './calendar.service.js';
import { notificationStatement } from './inbox.service.js';
import { routeAppeal } from './routing.service.js';
import { indexStatements } from './search-index.js';

export interface NewAppeal {
  title: string;
  body: string;
  categoryId: number;
  departmentId?: number;
}

/** Everything an appeal row needs once the token, receipt and times are settled. */
export interface AppealValues {
  title: string;
  body: string;
  categoryId: number;
  requestedDepartmentId: number | null;
  pseudonym: string;
  receiptHash: string;
  createdAt: number;
  publishAt: number;
}

// inside one batch the appeal just inserted is the newest row (ids only grow: AUTOINCREMENT)
const newestAppealId = sql`(SELECT max(id) FROM appeals)`;

const categoryById = (db: Db) =>
  db
    .select()
    .from(categories)
    .where(eq(categories.id, sql.placeholder('id')))
    .prepare();

/**
 * Routes, sets the first-answer deadline (working days from publication) and returns the statements that
 * store the appeal, its first timeline events, the search index rows and the inbox item — for one batch.
 * Used by posting (behind a token) and by the demo seed.
 */
export async function appealStatements(db: Db, v: AppealValues, opts: { unrouted?: boolean } = {}) {
  const [category] = await prepared(db, categoryById).all({ id: v.categoryId });
  if (!category) throw new AppError('CATEGORY_NOT_FOUND');
  if (v.requestedDepartmentId !== null) {
    const [dept] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.id, v.requestedDepartmentId));
    if (!dept) throw new AppError('DEPARTMENT_NOT_FOUND');
  }
  // `unrouted` lets the demo show a dispatcher's queue; posting never sets it
  const departmentId = opts.unrouted
    ? null
    : await routeAppeal(db, {
        categoryId: v.categoryId,
        requestedDepartmentId: v.requestedDepartmentId ?? undefined,
        title: v.title,
        body: v.body,
      });
  const status: AppealStatus = departmentId === null ? 'published' : 'assigned';
  const answerDueAt = await answerDeadline(db, v.publishAt, category.answerDays);
  const statements: BatchItem[] = [
    db
      .insert(appeals)
      .values({ ...v, departmentId, status, answerDueAt, waitingSince: v.publishAt })
      .returning({ id: appeals.id, pseudonym: appeals.pseudonym }),
    db.insert(appealEvents).values({ appealId: newestAppealId, kind: 'submitted', at: v.createdAt }),
    ...indexStatements(db, newestAppealId, v.title, v.body),
    ...(await commitText(db, {
      itemType: 'appeal',
      itemId: newestAppealId,
      fields: { title: v.title, body: v.body },
      publishAt: v.publishAt,
    })),
    notificationStatement(db, {
      kind: departmentId === null ? 'unrouted' : 'assigned',
      appealId: newestAppealId as unknown as number,
      departmentId,
      dedupeKey: sql`'new:' || ${newestAppealId}` as unknown as string,
      at: v.publishAt,
    }),
  ];
  if (departmentId !== null) {
    statements.push(
      db.insert(appealEvents).values({
        appealId: newestAppealId,
        kind: 'assigned',
        departmentId,
        actorRole: 'routing',
        at: v.createdAt,
      }),
    );
  }
  return { statements, status, departmentId, answerDueAt };
}

/**
 * Stores a worker's appeal, paid for by a redeemed token: nonce, appeal, timeline, search index and inbox
 * item land in one atomic batch.
 */
export async function createAppeal(
  deps: { db: Db; config: Config; secrets: Secrets; tokens: TokenService; now: number },
  spend: Spend,
  input: NewAppeal,
) {
  const { db, config, now } = deps;
  const { receipt, receiptHash } = newReceipt(deps.secrets);
  const publishAt = publishTime(config, now);
  const { statements, status } = await appealStatements(db, {
    title: input.title,
    body: input.body,
    categoryId: input.categoryId,
    requestedDepartmentId: input.departmentId ?? null,
    pseudonym: newPseudonym(),
    receiptHash,
    createdAt: coarseTime(config, now),
    publishAt,
  });
  const [, inserted] = (await deps.tokens.spendWith(db, spend, statements)) as unknown as [
    unknown,
    { id: number; pseudonym: string }[],
  ];
  const row = inserted[0]!;
  return { id: row.id, pseudonym: row.pseudonym, receipt, status, publishAt };
}
