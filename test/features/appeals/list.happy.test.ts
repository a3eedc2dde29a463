import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosignStatement } from '../../../src/features/appeals/cosign.service.js';
import { DAY, HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { call, categoryId, deptId, getJson, staffMember, store } from './appeals-fixture.js';

type Page = {
  items: { id: number; status: string; cosignCount: number; overdue: boolean }[];
  nextCursor: string | null;
};

/** The public list: filters by status, department, category and period; three sorts; cursor pages. */
describe('public list', () => {
  let h: Harness;
  const ids: number[] = [];
  const list = (qs: string) => getJson<Page>(h, `/api/v1/appeals?${qs}`);

  beforeAll(async () => {
    h = await createHarness();
    // twelve appeals, one every 13 hours from Monday 2026-01-05, over four categories
    const cats = ['pay', 'housing', 'canteen', 'commuting'];
    for (let i = 0; i < 12; i++) {
      ids.push((await store(h, { title: `诉求${i}`, body: `内容${i}`, category: cats[i % 4]! })).id);
      await cosignStatement(h.db, ids[i]!, h.clock.now(), (i * 7) % 5);
      h.clock.advance(13 * HOUR);
    }
    const canteen = await staffMember(h, { role: 'responder', departmentIds: [await deptId(h, 'canteen')] });
    await call(
      canteen,
      'POST',
      `/api/v1/staff/appeals/${ids[2]}/answers`,
      { kind: 'outside_policy', explanation: '按规定执行' },
      201,
    );
  });
  afterAll(() => h.close());

  it('pages through newest first with a cursor, every appeal exactly once', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(`limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('sorts by most co-signed and by longest waiting (answered ones are not waiting)', async () => {
    const cosigned = (await list('sort=cosigned&limit=50')).items;
    const counts = cosigned.map((i) => i.cosignCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const waiting = (await list('sort=waiting&limit=50')).items.map((i) => i.id);
    expect(waiting).toEqual(ids.filter((id) => id !== ids[2]));
    const page1 = await list('sort=waiting&limit=4');
    const page2 = await list(`sort=waiting&limit=4&cursor=${page1.nextCursor}`);
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual(waiting.slice(0, 8));
  });

  it('filters by status, department, category and period (days in China time)', async () => {
    expect((await list('status=answered')).items.map((i) => i.id)).toEqual([ids[2]]);
    const housing = await categoryId(h, 'housing');
    expect((await list(`categoryId=${housing}`)).items.map((i) => i.id)).toEqual([ids[9], ids[5], ids[1]]);
    const bus = await deptId(h, 'commuter-bus');
    expect((await list(`departmentId=${bus}`)).items.map((i) => i.id)).toEqual([ids[11], ids[7], ids[3]]);
    // appeal i was posted at 17:00 + 13 h × i Beijing time on Monday the 5th; the 6th holds i = 1 and 2
    expect((await list('from=2026-01-06&to=2026-01-06')).items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
  });

  it('lists the overdue ones without waiting for a deadline run', async () => {
    expect((await list('overdue=true')).items).toEqual([]);
    h.clock.advance(30 * DAY);
    const overdue = (await list('overdue=true&limit=50')).items;
    expect(overdue.map((i) => i.id).sort((a, b) => a - b)).toEqual(ids.filter((id) => id !== ids[2]));
    expect(overdue.every((i) => i.overdue)).toBe(true);
  });

  it('refuses a forged cursor and an unknown sort', async () => {
    expect((await h.request('/api/v1/appeals?cursor=bm9wZQ')).status).toBe(400);
    expect((await h.request('/api/v1/appeals?sort=popular')).status).toBe(422);
  });
});
