import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, chinaDate } from '../../../src/features/appeals/calendar.service.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { call, categoryId, row, type StaffClient, staffMember, store } from './appeals-fixture.js';

const iso = (ms: number) => new Date(ms).toISOString();
// Spring Festival 2026 as the State Council set it: 15–23 February off, Saturdays 14 and 28 worked
const springFestival = new Map<string, 'off' | 'work'>([
  ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map(
    (d) => [`2026-02-${d}`, 'off'] as [string, 'off'],
  ),
  ['2026-02-14', 'work'],
  ['2026-02-28', 'work'],
]);

describe('working-day calendar (China time)', () => {
  it('counts from the day after arrival and ends with the last working day, in Beijing', () => {
    expect(chinaDate(Date.UTC(2026, 0, 5, 15, 59))).toBe('2026-01-05');
    expect(chinaDate(Date.UTC(2026, 0, 5, 16, 0))).toBe('2026-01-06');
    // Friday 17:00 + 1 working day → end of Monday; Monday + 5 → end of the next Monday
    expect(iso(addWorkingDays(Date.UTC(2026, 0, 9, 9), 1, new Map()))).toBe('2026-01-12T16:00:00.000Z');
    expect(iso(addWorkingDays(Date.UTC(2026, 0, 5, 9), 5, new Map()))).toBe('2026-01-12T16:00:00.000Z');
    expect(iso(addWorkingDays(Date.UTC(2026, 0, 5, 9), 0, new Map()))).toBe('2026-01-05T16:00:00.000Z');
  });

  it('skips public holidays and counts the weekend days worked in exchange (调休)', () => {
    // Thursday 12 Feb + 3: Friday 13, Saturday 14 (worked), then the holiday, then Tuesday 24
    expect(iso(addWorkingDays(Date.UTC(2026, 1, 12, 2), 3, springFestival))).toBe('2026-02-24T16:00:00.000Z');
    expect(iso(addWorkingDays(Date.UTC(2026, 1, 12, 2), 3, new Map()))).toBe('2026-02-17T16:00:00.000Z');
  });
});

describe('deadline settings through the staff API', () => {
  let h: Harness;
  let admin: StaffClient;
  let dispatcher: StaffClient;
  beforeAll(async () => {
    h = await createHarness();
    admin = await staffMember(h, { role: 'admin' });
    dispatcher = await staffMember(h, { role: 'dispatcher' });
  });
  afterAll(() => h.close());

  it('a holiday set by an admin moves the deadline of appeals posted afterwards', async () => {
    const before = await store(h, { title: '班车', body: '班车太早', category: 'commuting' });
    await call(admin, 'PUT', '/api/v1/staff/calendar/2026-01-07', { kind: 'off', name: '演示假日' }, 200);
    const after = await store(h, { title: '班车', body: '班车太早', category: 'commuting' });
    expect(iso((await row(h, before.id)).answerDueAt!)).toBe('2026-01-12T16:00:00.000Z');
    expect(iso((await row(h, after.id)).answerDueAt!)).toBe('2026-01-13T16:00:00.000Z');
    const year = await call<{ date: string; kind: string }[]>(
      dispatcher,
      'GET',
      '/api/v1/staff/calendar?year=2026',
      undefined,
      200,
    );
    expect(year).toEqual([{ date: '2026-01-07', kind: 'off', name: '演示假日' }]);
    expect(
      (await dispatcher.json('PUT', '/api/v1/staff/calendar/2026-01-08', { kind: 'off', name: 'x' })).status,
    ).toBe(403);
    await call(admin, 'DELETE', '/api/v1/staff/calendar/2026-01-07', undefined, 200);
    await call(admin, 'DELETE', '/api/v1/staff/calendar/2026-01-07', undefined, 404);
  });

  it('working days per category are configurable and apply to new appeals', async () => {
    const commuting = await categoryId(h, 'commuting');
    await call(admin, 'PUT', `/api/v1/staff/categories/${commuting}/answer-days`, { answerDays: 2 }, 200);
    const fast = await store(h, { title: '班车', body: '班车太早', category: 'commuting' });
    expect(iso((await row(h, fast.id)).answerDueAt!)).toBe('2026-01-07T16:00:00.000Z');
    await call(admin, 'PUT', `/api/v1/staff/categories/${commuting}/answer-days`, { answerDays: 0 }, 422);
  });
});
