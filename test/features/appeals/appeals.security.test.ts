import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';
import { call, categoryId, getJson, type PublicAppeal, post, staffMember } from './appeals-fixture.js';

/**
 * Around an appeal, nothing more precise than the hour is kept of what a worker does, and nothing reaches
 * staff, robots or search before the public sees the appeal.
 */
describe('appeals: privacy of the author', () => {
  let h: Harness;
  let id: number;
  let receipt: string;
  let tokens: string[];

  beforeAll(async () => {
    h = await createHarness({ env: { PUBLISH_DELAY_MAX_MINUTES: '60' } });
    tokens = await fetchTokens(h.request, (await h.codes(1))[0]!, 2);
    h.clock.advance(17 * MINUTE);
    ({ id, receipt } = await post(h, tokens[0]!, {
      title: '通勤班车太挤',
      body: '每天站一个多小时',
      categoryId: await categoryId(h, 'commuting'),
    }));
  });
  afterAll(() => h.close());

  it('before its publication time the appeal is invisible: page, list, search, staff inbox, queue', async () => {
    const admin = await staffMember(h, { role: 'admin' });
    expect((await h.request(`/api/v1/appeals/${id}`)).status).toBe(404);
    expect((await getJson<{ items: unknown[] }>(h, '/api/v1/appeals')).items).toEqual([]);
    expect(
      (await getJson<{ items: unknown[] }>(h, `/api/v1/appeals?q=${encodeURIComponent('通勤')}`)).items,
    ).toEqual([]);
    expect(await call(admin, 'GET', '/api/v1/staff/inbox', undefined, 200)).toEqual([]);
    expect(await call(admin, 'GET', '/api/v1/staff/queue', undefined, 200)).toEqual([]);
    expect(
      (
        await h.request(`/api/v1/appeals/${id}/cosigns`, {
          method: 'POST',
          headers: { authorization: tokens[1]!, 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(404);
    h.clock.advance(2 * HOUR);
    expect((await getJson<PublicAppeal>(h, `/api/v1/appeals/${id}`)).title).toBe('通勤班车太挤');
    expect(await call<unknown[]>(admin, 'GET', '/api/v1/staff/inbox', undefined, 200)).toHaveLength(1);
  });

  it('stores the author’s follow-up at the hour, whatever the minute', async () => {
    h.clock.advance(23 * MINUTE);
    const res = await h.postJson(`/api/v1/appeals/${id}/information`, { receipt, text: '补充：南线最挤' });
    expect(res.status).toBe(200);
    const times = await h.db.all<{ at: number }>(sql`SELECT at FROM appeal_events WHERE appeal_id = ${id}`);
    for (const t of times) expect(t.at % HOUR).toBe(0);
  });

  it('counts views as a number per page per hour and nothing about the viewer', async () => {
    for (let i = 0; i < 3; i++)
      await h.request(`/api/v1/appeals/${id}`, {
        headers: { 'user-agent': 'canary-UA', 'x-forwarded-for': '203.0.113.7' },
      });
    const cols = await h.db.all<{ name: string }>(sql`SELECT name FROM pragma_table_info('page_views')`);
    expect(cols.map((c) => c.name)).toEqual(['page', 'hour', 'appeal_id', 'count']);
    const rows = await h.db.all<{ page: string; hour: number; count: number }>(
      sql`SELECT * FROM page_views WHERE page = ${`appeal:${id}`}`,
    );
    expect(rows.reduce((n, r) => n + r.count, 0)).toBe(4);
    for (const r of rows) expect(r.hour % HOUR).toBe(0);
    const res = await h.request(`/api/v1/appeals/${id}`);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('keeps the receipt only as its keyed hash', async () => {
    const dump = JSON.stringify(await h.db.all(sql`SELECT * FROM appeals`));
    expect(dump).not.toContain(receipt);
    expect(dump).not.toContain(receipt.replace(/-/g, ''));
  });
});
