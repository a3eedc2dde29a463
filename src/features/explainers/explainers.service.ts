import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import {
  appeals,
  categories,
  departments,
  explainerAnswers,
  explainers,
  explainerVersions,
} from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { commitText, logStatements, sealLog, staffActor } from '../audit/index.js';
import type { StaffActor } from '../staff/index.js';

export interface ExplainerText {
  title: string;
  summary: string;
  body: string;
  effectiveOn: string;
  categoryIds: number[];
}

// the version a batch has just inserted is the newest row (AUTOINCREMENT ids only grow)
const newestVersionId = sql`(SELECT max(id) FROM explainer_versions)`;

/** Admins act for every department; responders only for their own. Workers never reach here. */
function mayActFor(actor: StaffActor, departmentId: number) {
  if (actor.role === 'responder' && !actor.departmentIds.includes(departmentId))
    throw new AppError('DEPARTMENT_FORBIDDEN');
}

async function checkCategories(db: Db, ids: number[]) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await db.select({ id: categories.id }).from(categories).where(inArray(categories.id, unique));
  if (found.length !== unique.length) throw new AppError('CATEGORY_NOT_FOUND');
  return unique;
}

/** The statements storing one version: the row, its text commitment (public at once), and nothing else. */
async function versionStatements(
  db: Db,
  explainerId: number | ReturnType<typeof sql>,
  version: number,
  text: ExplainerText,
  meta: { note: string; editedBy: number; now: number },
) {
  return [
    db.insert(explainerVersions).values({
      explainerId,
      version,
      ...text,
      note: meta.note,
      editedBy: meta.editedBy,
      createdAt: meta.now,
    }),
    ...(await commitText(db, {
      itemType: 'explainer-version',
      itemId: newestVersionId,
      fields: { title: text.title, summary: text.summary, body: text.body },
      publishAt: meta.now,
    })),
  ];
}

/** Publishes version 1 of an explainer under the staff member's name, on the public log. */
export async function publishExplainer(
  db: Db,
  actor: StaffActor,
  input: ExplainerText & { departmentId: number },
  now: number,
) {
  mayActFor(actor, input.departmentId);
  const [dept] = await db.select().from(departments).where(eq(departments.id, input.departmentId));
  if (!dept) throw new AppError('DEPARTMENT_NOT_FOUND');
  const text = { ...input, categoryIds: await checkCategories(db, input.categoryIds) };
  const explainerId = sql`(SELECT max(id) FROM explainers)`;
  const [inserted] = await db.batch([
    db
      .insert(explainers)
      .values({ ...text, version: 1, createdAt: now, updatedAt: now })
      .returning({ id: explainers.id }),
    ...(await versionStatements(db, explainerId, 1, text, { note: '', editedBy: actor.id, now })),
    ...logStatements(db, {
      kind: 'explainer.publish',
      item: { type: 'explainer', id: explainerId },
      actor: staffActor(actor),
      now,
      data: { title: text.title, departmentId: text.departmentId, version: 1 },
    }),
  ]);
  await sealLog(db);
  return inserted[0]!.id;
}

export async function explainerRow(db: Db, id: number) {
  const [row] = await db.select().from(explainers).where(eq(explainers.id, id));
  if (!row) throw new AppError('EXPLAINER_NOT_FOUND');
  return row;
}

/**
 * Adds the next version. `baseVersion` is the version the editor saw: if someone else edited since, the
 * guarded update changes nothing and the unique (explainer, version) index refuses the insert → 409.
 */
export async function editExplainer(
  db: Db,
  actor: StaffActor,
  id: number,
  input: ExplainerText & { baseVersion: number; note: string },
  now: number,
) {
  const row = await explainerRow(db, id);
  mayActFor(actor, row.departmentId);
  if (input.baseVersion !== row.version) throw new AppError('EXPLAINER_VERSION_CONFLICT');
  const { baseVersion, note, ...fields } = input;
  const text = { ...fields, categoryIds: await checkCategories(db, fields.categoryIds) };
  const version = baseVersion + 1;
  try {
    await db.batch([
      db
        .update(explainers)
        .set({ ...text, version, updatedAt: now })
        .where(and(eq(explainers.id, id), eq(explainers.version, baseVersion))),
      ...(await versionStatements(db, id, version, text, { note, editedBy: actor.id, now })),
      ...logStatements(db, {
        kind: 'explainer.edit',
        item: { type: 'explainer', id },
        actor: staffActor(actor),
        now,
        data: { title: text.title, version, note },
      }),
    ]);
  } catch (e) {
    if (/UNIQUE/i.test(String((e as Error)?.message) + String((e as { cause?: Error })?.cause?.message)))
      throw new AppError('EXPLAINER_VERSION_CONFLICT');
    throw e;
  }
  await sealLog(db);
}

/**
 * 现实热点面对面: marks the explainer as the answer to these appeals (by its department or an admin). Only
 * public appeals can be linked, so a link never reveals one early; linking twice changes nothing.
 */
export async function linkAnsweredAppeals(
  db: Db,
  actor: StaffActor,
  id: number,
  appealIds: number[],
  now: number,
) {
  const row = await explainerRow(db, id);
  mayActFor(actor, row.departmentId);
  const unique = [...new Set(appealIds)];
  const found = await db
    .select({ id: appeals.id })
    .from(appeals)
    .where(and(inArray(appeals.id, unique), lte(appeals.publishAt, now)));
  if (found.length !== unique.length) throw new AppError('EXPLAINER_APPEAL_NOT_FOUND');
  await db.batch([
    db
      .insert(explainerAnswers)
      .values(unique.map((appealId) => ({ explainerId: id, appealId })))
      .onConflictDoNothing(),
    ...logStatements(db, {
      kind: 'explainer.link-appeals',
      item: { type: 'explainer', id },
      actor: staffActor(actor),
      now,
      data: { appealIds: unique.sort((a, b) => a - b) },
    }),
  ]);
  await sealLog(db);
}
