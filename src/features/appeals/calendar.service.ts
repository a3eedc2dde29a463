import { and, asc, gte, lte, sql } from 'drizzle-orm';
import { calendarDays } from '../../../db/schema/index.js';
import { DAY, HOUR } from '../../platform/clock.js';
import type { Db } from '../../platform/db/db.js';
import { prepared } from '../../platform/db/prepared.js';

// China Standard Time is UTC+8 all year with no daylight saving, so a fixed offset is exact
const CHINA_OFFSET = 8 * HOUR;

export type CalendarExceptions = ReadonlyMap<string, 'off' | 'work'>;

/** The calendar day (YYYY-MM-DD, China time) an instant falls on. */
export function chinaDate(ms: number): string {
  return new Date(ms + CHINA_OFFSET).toISOString().slice(0, 10);
}

/** The instant a China-time calendar day begins. */
export function startOfChinaDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET;
}

/** The exclusive end of a China-time calendar day: a promise "by that day" is overdue from here. */
export function endOfChinaDay(date: string): number {
  return startOfChinaDay(date) + DAY;
}

export function nextDate(date: string, days = 1): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Monday to Friday, unless the calendar says the day is a holiday, or a weekend day worked in exchange. */
export function isWorkingDay(date: string, exceptions: CalendarExceptions): boolean {
  const special = exceptions.get(date);
  if (special) return special === 'work';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The deadline N working days after the day of `from`: the end of the Nth working day that follows.
 * The day something arrives does not count, as with China's 12345 hotlines.
 * @example addWorkingDays(fridayNoon, 1, new Map()) // end of the following Monday
 */
export function addWorkingDays(from: number, days: number, exceptions: CalendarExceptions): number {
  let date = chinaDate(from);
  for (let counted = 0; counted < days; ) {
    date = nextDate(date);
    if (isWorkingDay(date, exceptions)) counted++;
  }
  return endOfChinaDay(date);
}

const daysBetween = (db: Db) =>
  db
    .select()
    .from(calendarDays)
    .where(
      and(gte(calendarDays.date, sql.placeholder('first')), lte(calendarDays.date, sql.placeholder('last'))),
    )
    .orderBy(asc(calendarDays.date))
    .prepare();

/** The calendar exceptions from one day onwards, enough to count `days` working days past Spring Festival. */
export async function loadCalendar(db: Db, from: number, days: number): Promise<CalendarExceptions> {
  const first = chinaDate(from);
  const last = nextDate(first, days * 2 + 45);
  const rows = await prepared(db, daysBetween).all({ first, last });
  return new Map(rows.map((r) => [r.date, r.kind]));
}

/** The first-answer deadline for something arriving at `from` with `days` working days to answer. */
export async function answerDeadline(db: Db, from: number, days: number): Promise<number> {
  return addWorkingDays(from, days, await loadCalendar(db, from, days));
}
