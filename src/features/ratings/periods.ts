import { chinaDate, startOfChinaDay } from '../appeals/calendar.service.js';

/** A rating period: a calendar quarter in China time, written '2026-Q4'. */
export const PERIOD_PATTERN = /^(\d{4})-Q([1-4])$/;

/** The period an instant falls in. */
export function periodOf(now: number): string {
  const [y, m] = chinaDate(now).split('-').map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

function parts(period: string): [number, number] {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) throw new Error(`not a period: ${period}`);
  return [Number(match[1]), Number(match[2])];
}

/** The first and last month (YYYY-MM) of a period, as the appeal statistics take them. */
export function periodMonths(period: string): { from: string; to: string } {
  const [y, q] = parts(period);
  const month = (m: number) => `${y}-${String(m).padStart(2, '0')}`;
  return { from: month(q * 3 - 2), to: month(q * 3) };
}

/** The instant a period ends (exclusive): midnight China time on the first day of the next quarter. */
export function periodEnd(period: string): number {
  const [y, q] = parts(period);
  return q === 4
    ? startOfChinaDay(`${y + 1}-01-01`)
    : startOfChinaDay(`${y}-${String(q * 3 + 1).padStart(2, '0')}-01`);
}

/** The period before this one, for the league table's navigation. */
export function previousPeriod(period: string): string {
  const [y, q] = parts(period);
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

/** The period after this one: its keys are made ahead, so rating never waits at a quarter's start. */
export function nextPeriod(period: string): string {
  const [y, q] = parts(period);
  return q === 4 ? `${y + 1}-Q1` : `${y}-Q${q + 1}`;
}

/** The last period that has ended: the one whose scores the league and scorecards show by default. */
export function lastEndedPeriod(now: number): string {
  return previousPeriod(periodOf(now));
}

/** True once a period is over: only then are its scores published (no live means to subtract). */
export function hasEnded(period: string, now: number): boolean {
  return periodEnd(period) <= now;
}
