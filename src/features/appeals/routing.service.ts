import { asc, desc, eq, sql } from 'drizzle-orm';
import { appealEvents, appeals, categories, routingRules } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { prepared } from '../../platform/db/prepared.js';
import { AppError } from '../../platform/http/errors.js';
import { sealLog } from '../audit/index.js';
import { appealLog } from './appeal-log.js';
import { departmentTree, isEnded, runBatch, visibleAppeal } from './appeal-state.js';
import { notificationStatement } from './inbox.service.js';

export interface RoutingInput {
  categoryId: number;
  requestedDepartmentId?: number;
  title: string;
  body: string;
}

type Rule = typeof routingRules.$inferSelect;

// run for every new appeal: built once, not per post
const rulesOfCategory = (db: Db) =>
  db
    .select()
    .from(routingRules)
    .where(eq(routingRules.categoryId, sql.placeholder('categoryId')))
    .orderBy(desc(routingRules.priority), asc(routingRules.id))
    .prepare();
const defaultDepartment = (db: Db) =>
  db
    .select({ defaultDepartmentId: categories.defaultDepartmentId })
    .from(categories)
    .where(eq(categories.id, sql.placeholder('categoryId')))
    .prepare();

/** Whether any of a rule's keywords occurs in the text (case-insensitively); a rule without keywords always does. */
export function ruleMatches(rule: Pick<Rule, 'keywords'>, text: string): boolean {
  if (!rule.keywords?.length) return true;
  const haystack = text.normalize('NFKC').toLowerCase();
  return rule.keywords.some((k) => haystack.includes(k.normalize('NFKC').toLowerCase()));
}

/**
 * The responsible department for a new appeal: the one the worker named; else the best matching rule
 * (keyword rules before plain ones, then priority, then the oldest); else the category's default; else
 * none, and a dispatcher assigns it.
 */
export async function routeAppeal(db: Db, input: RoutingInput): Promise<number | null> {
  if (input.requestedDepartmentId !== undefined) return input.requestedDepartmentId;
  const rules = await prepared(db, rulesOfCategory).all({ categoryId: input.categoryId });
  const text = `${input.title}\n${input.body}`;
  const matching = rules.filter((r) => ruleMatches(r, text));
  const best = matching.find((r) => r.keywords?.length) ?? matching[0];
  if (best) return best.departmentId;
  const [category] = await prepared(db, defaultDepartment).all({ categoryId: input.categoryId });
  return category?.defaultDepartmentId ?? null;
}

export interface Assignment {
  departmentId: number;
  reason: string;
}

/**
 * A dispatcher (re)assigns an appeal, with a reason on the public timeline. The first-answer deadline is
 * kept: passing an appeal on must not reset its clock.
 */
export async function assignAppeal(
  db: Db,
  actor: { id: number | null; role: string; username?: string },
  appealId: number,
  input: Assignment,
  now: number,
) {
  const appeal = await visibleAppeal(db, appealId, now);
  if (isEnded(appeal.status)) throw new AppError('APPEAL_CLOSED');
  const tree = await departmentTree(db);
  if (!tree.has(input.departmentId)) throw new AppError('DEPARTMENT_NOT_FOUND');
  if (appeal.departmentId === input.departmentId) throw new AppError('APPEAL_STATE_CONFLICT');
  const first = appeal.departmentId === null;
  await runBatch(db, [
    db
      .update(appeals)
      .set({
        departmentId: input.departmentId,
        ...(appeal.status === 'published' ? { status: 'assigned' as const } : {}),
      })
      .where(eq(appeals.id, appealId)),
    db.insert(appealEvents).values({
      appealId,
      kind: first ? 'assigned' : 'reassigned',
      departmentId: input.departmentId,
      actorRole: actor.role,
      actorStaffId: actor.id,
      data: { from: appeal.departmentId, reason: input.reason },
      at: now,
    }),
    notificationStatement(db, {
      kind: 'assigned',
      appealId,
      departmentId: input.departmentId,
      dedupeKey: `assigned:${appealId}:${input.departmentId}:${now}`,
      at: now,
    }),
    ...appealLog(db, first ? 'assign' : 'reassign', appealId, actor, now, {
      from: appeal.departmentId,
      to: input.departmentId,
      reason: input.reason,
    }),
  ]);
  await sealLog(db);
  return { id: appealId, departmentId: input.departmentId };
}

export interface NewRule {
  categoryId: number;
  keywords?: string[];
  departmentId: number;
  priority?: number;
}

export async function createRule(db: Db, input: NewRule, now: number) {
  const tree = await departmentTree(db);
  if (!tree.has(input.departmentId)) throw new AppError('DEPARTMENT_NOT_FOUND');
  const [category] = await db.select().from(categories).where(eq(categories.id, input.categoryId));
  if (!category) throw new AppError('CATEGORY_NOT_FOUND');
  const keywords = input.keywords?.map((k) => k.trim()).filter(Boolean);
  const [row] = await db
    .insert(routingRules)
    .values({
      categoryId: input.categoryId,
      keywords: keywords?.length ? keywords : null,
      departmentId: input.departmentId,
      priority: input.priority ?? 0,
      createdAt: now,
    })
    .returning();
  return row!;
}

export async function listRules(db: Db) {
  return db.select().from(routingRules).orderBy(asc(routingRules.categoryId), desc(routingRules.priority));
}

export async function deleteRule(db: Db, id: number) {
  const gone = await db.delete(routingRules).where(eq(routingRules.id, id)).returning();
  if (gone.length === 0) throw new AppError('ROUTING_RULE_NOT_FOUND');
}
