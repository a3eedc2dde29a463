import { asc, eq, or } from 'drizzle-orm';
import { appeals, departments } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { departmentTree } from '../appeals/appeal-state.js';
import { logStatements, staffActor } from '../audit/index.js';
import type { StaffActor } from '../staff/index.js';
import { changesOf, newValues, runLogged } from './logged-change.js';

type Deps = { db: Db; now: number };
type Department = typeof departments.$inferSelect;

export async function listDepartments(db: Db): Promise<Department[]> {
  return db.select().from(departments).orderBy(asc(departments.id));
}

async function load(db: Db, id: number): Promise<Department> {
  const [row] = await db.select().from(departments).where(eq(departments.id, id));
  if (!row) throw new AppError('DEPARTMENT_NOT_FOUND');
  return row;
}

/** Creates a department under `parentId` (null: top level); logged. */
export async function createDepartment(
  { db, now }: Deps,
  admin: StaffActor,
  input: { slug: string; nameZh: string; nameEn: string; parentId: number | null },
): Promise<Department> {
  if (input.parentId !== null) await load(db, input.parentId);
  const [taken] = await db.select().from(departments).where(eq(departments.slug, input.slug));
  if (taken) throw new AppError('SLUG_TAKEN');
  const [rows] = await runLogged(db, [
    db.insert(departments).values(input).returning(),
    ...logStatements(db, { kind: 'department.create', actor: staffActor(admin), now, data: input }),
  ]);
  return (rows as Department[])[0]!;
}

/**
 * Renames a department or moves it under another parent (escalation follows the new parent from then
 * on). A move under itself or one of its own sub-departments would make escalation loop: refused.
 */
export async function updateDepartment(
  { db, now }: Deps,
  admin: StaffActor,
  id: number,
  input: { nameZh?: string; nameEn?: string; parentId?: number | null },
): Promise<Department> {
  const before = await load(db, id);
  if (input.parentId !== undefined && input.parentId !== null) {
    await load(db, input.parentId);
    if ((await departmentTree(db)).lineage(input.parentId).includes(id))
      throw new AppError('DEPARTMENT_CYCLE');
  }
  const changes = changesOf(before, input);
  if (Object.keys(changes).length === 0) return before;
  const [rows] = await runLogged(db, [
    db.update(departments).set(newValues(changes)).where(eq(departments.id, id)).returning(),
    ...logStatements(db, {
      kind: 'department.update',
      actor: staffActor(admin),
      now,
      data: { id, slug: before.slug, changes },
    }),
  ]);
  return (rows as Department[])[0]!;
}

const isForeignKeyError = (e: unknown): boolean =>
  e instanceof Error && (/FOREIGN KEY/i.test(e.message) || isForeignKeyError(e.cause));

/**
 * Deletes a department that never had an appeal and that nothing else refers to (sub-departments, staff,
 * categories, rules, notices…: the database's foreign keys decide). Logged.
 */
export async function deleteDepartment({ db, now }: Deps, admin: StaffActor, id: number): Promise<void> {
  const before = await load(db, id);
  const [appeal] = await db
    .select({ id: appeals.id })
    .from(appeals)
    .where(or(eq(appeals.departmentId, id), eq(appeals.requestedDepartmentId, id)))
    .limit(1);
  if (appeal) throw new AppError('DEPARTMENT_HAS_APPEALS');
  try {
    await runLogged(db, [
      db.delete(departments).where(eq(departments.id, id)),
      ...logStatements(db, {
        kind: 'department.delete',
        actor: staffActor(admin),
        now,
        data: { id, slug: before.slug, nameZh: before.nameZh, nameEn: before.nameEn },
      }),
    ]);
  } catch (e) {
    if (isForeignKeyError(e)) throw new AppError('DEPARTMENT_IN_USE');
    throw e;
  }
}
