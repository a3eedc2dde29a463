import { asc, eq } from 'drizzle-orm';
import { categories, departments } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { setAnswerDays } from '../appeals/settings.service.js';
import { logStatements, staffActor } from '../audit/index.js';
import type { StaffActor } from '../staff/index.js';
import { changesOf, newValues, runLogged } from './logged-change.js';

type Deps = { db: Db; now: number };
type Category = typeof categories.$inferSelect;

export async function listCategories(db: Db): Promise<Category[]> {
  return db.select().from(categories).orderBy(asc(categories.id));
}

async function checkDepartment(db: Db, id: number | null | undefined) {
  if (id === null || id === undefined) return;
  const [row] = await db.select({ id: departments.id }).from(departments).where(eq(departments.id, id));
  if (!row) throw new AppError('DEPARTMENT_NOT_FOUND');
}

/** Creates a category (5 working days for a first answer unless given); logged. */
export async function createCategory(
  { db, now }: Deps,
  admin: StaffActor,
  input: {
    slug: string;
    nameZh: string;
    nameEn: string;
    answerDays?: number;
    defaultDepartmentId?: number | null;
  },
): Promise<Category> {
  await checkDepartment(db, input.defaultDepartmentId);
  const [taken] = await db.select().from(categories).where(eq(categories.slug, input.slug));
  if (taken) throw new AppError('SLUG_TAKEN');
  const values = {
    ...input,
    answerDays: input.answerDays ?? 5,
    defaultDepartmentId: input.defaultDepartmentId ?? null,
  };
  const [rows] = await runLogged(db, [
    db.insert(categories).values(values).returning(),
    ...logStatements(db, { kind: 'category.create', actor: staffActor(admin), now, data: values }),
  ]);
  return (rows as Category[])[0]!;
}

/**
 * Renames a category, changes where it goes by default, or its working days for a first answer (through
 * the appeals' own setAnswerDays: running deadlines keep their date). One log entry with every change.
 */
export async function updateCategory(
  { db, now }: Deps,
  admin: StaffActor,
  id: number,
  input: { nameZh?: string; nameEn?: string; answerDays?: number; defaultDepartmentId?: number | null },
): Promise<Category> {
  const [before] = await db.select().from(categories).where(eq(categories.id, id));
  if (!before) throw new AppError('CATEGORY_NOT_FOUND');
  await checkDepartment(db, input.defaultDepartmentId);
  const { answerDays, ...rest } = changesOf(before, input);
  if (answerDays) await setAnswerDays(db, id, answerDays.to as number);
  const changes = { ...rest, ...(answerDays ? { answerDays } : {}) };
  if (Object.keys(changes).length === 0) return before;
  await runLogged(db, [
    ...(Object.keys(rest).length > 0
      ? [db.update(categories).set(newValues(rest)).where(eq(categories.id, id))]
      : []),
    ...logStatements(db, {
      kind: 'category.update',
      actor: staffActor(admin),
      now,
      data: { id, slug: before.slug, changes },
    }),
  ]);
  return { ...before, ...newValues(changes) } as Category;
}
