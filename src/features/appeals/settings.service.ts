import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { calendarDays, categories } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';

export interface CalendarDay {
  date: string;
  kind: 'off' | 'work';
  name: string;
}

/** The calendar's exceptions in a year (holidays and weekend days worked in exchange). */
export async function listCalendar(db: Db, year: number) {
  return db
    .select()
    .from(calendarDays)
    .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
    .orderBy(asc(calendarDays.date));
}

/**
 * Sets one day's exception. Deadlines already running keep their date; new ones use the calendar as it is
 * when they start, so a later change cannot shorten a promise already made to a worker.
 */
export async function putCalendarDay(db: Db, day: CalendarDay) {
  await db
    .insert(calendarDays)
    .values(day)
    .onConflictDoUpdate({ target: calendarDays.date, set: { kind: day.kind, name: day.name } });
  return day;
}

export async function deleteCalendarDay(db: Db, date: string) {
  const gone = await db.delete(calendarDays).where(eq(calendarDays.date, date)).returning();
  if (gone.length === 0) throw new AppError('CALENDAR_DAY_NOT_FOUND');
}

/** Working days for a first answer in one category; applies to appeals posted from now on. */
export async function setAnswerDays(db: Db, categoryId: number, answerDays: number) {
  const rows = await db
    .update(categories)
    .set({ answerDays })
    .where(eq(categories.id, categoryId))
    .returning({ id: categories.id, answerDays: categories.answerDays });
  if (rows.length === 0) throw new AppError('CATEGORY_NOT_FOUND');
  return rows[0]!;
}
