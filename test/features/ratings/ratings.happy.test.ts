import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../../../src/features/audit/verifier/index.js';
import { periodEnd } from '../../../src/features/ratings/periods.js';
import { PRIOR_WEIGHT } from '../../../src/features/ratings/scorecard.service.js';
import { HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { addRatings, deptId, openRatings, rate, ratingBody, ratingToken } from './rating-phone.js';

interface Card {
  period: string;
  ended: boolean;
  ratingsSoFar: number | null;
  ratingPeriod: string;
  scores: null | {
    ratings: number;
    mean: number;
    smoothed: number;
    criteria: Record<string, { mean: number; count: number }>;
  };
  commentsShown: boolean;
  appeals: { appeals: number; answerRate: number | null } | null;
  token: { 'token-key': string } | null;
}
interface Row {
  rank: number | null;
  department: { id: number };
  scores: Card['scores'];
  ratingsSoFar: number | null;
}

describe('ratings: rate, scorecard, league, replies', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await openRatings(h, 'canteen');
  });
  afterAll(() => h.close());

  const card = async (id: number, query = '') => {
    const res = await h.request(`/api/v1/departments/${id}/scorecard${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Card;
  };

  it('a worker fetches the department token and rates; while the period runs only a rounded count shows', async () => {
    const canteen = await deptId(h, 'canteen');
    const [code] = (await h.codes(1)) as [string];
    const token = await ratingToken(h, canteen, code);
    const res = await rate(h, canteen, token, ratingBody(h, { comment: '菜品比上季度好' }));
    expect(res.status, await res.text()).toBe(201);
    // by default the last ended quarter, with the running quarter's token offer
    const ended = await card(canteen);
    expect(ended).toMatchObject({ period: '2025-Q4', ended: true, scores: null, ratingPeriod: '2026-Q1' });
    expect(ended.token?.['token-key']).toBeTruthy();
    const before = await card(canteen, '?period=2026-Q1');
    expect(before).toMatchObject({
      period: '2026-Q1',
      ended: false,
      endsAt: '2026-03-31T16:00:00.000Z',
      scores: null,
      ratingsSoFar: null,
      commentsShown: false,
    });
    expect(before.appeals).toMatchObject({ appeals: 0 });
    await addRatings(h, canteen, [
      [5, 5, 5],
      [3, 4, 2],
      [4, 4, 4],
      [2, 3, 4],
    ]);
    const after = await card(canteen, '?period=2026-Q1');
    expect(after).toMatchObject({ scores: null, ratingsSoFar: 5, commentsShown: true });
  });

  it('once the period has ended its scores are published; the league ranks by smoothed score: five perfect ratings do not top forty near-perfect ones', async () => {
    const [canteen, bus, housing, safety] = [
      await deptId(h, 'canteen'),
      await deptId(h, 'commuter-bus'),
      await deptId(h, 'housing'),
      await deptId(h, 'safety'),
    ];
    await addRatings(
      h,
      bus,
      Array.from({ length: 5 }, () => [5, 5, 5] as [number, number, number]),
    );
    // 28 × 15 points + 12 × 14 points: a mean of 4.9 over 40 ratings
    await addRatings(h, housing, [
      ...Array.from({ length: 28 }, () => [5, 5, 5] as [number, number, number]),
      ...Array.from({ length: 12 }, () => [4, 5, 5] as [number, number, number]),
    ]);
    await addRatings(h, safety, [[5, 5, 5]]);
    const running = (await (await h.request('/api/v1/ratings?period=2026-Q1')).json()) as {
      bureau: { ratings: number; mean: number | null };
      departments: Row[];
    };
    expect(running.bureau).toEqual({ ratings: 50, mean: null });
    const open = (id: number) => running.departments.find((d) => d.department.id === id)!;
    expect(open(housing)).toMatchObject({ rank: null, scores: null, ratingsSoFar: 40 });
    expect(open(safety)).toMatchObject({ rank: null, scores: null, ratingsSoFar: null });
    expect(running.departments.every((d) => d.scores === null && d.rank === null)).toBe(true);

    h.clock.set(periodEnd('2026-Q1'));
    await openRatings(h, 'canteen');
    const res = await h.request('/api/v1/ratings');
    expect(res.status).toBe(200);
    const league = (await res.json()) as {
      period: string;
      priorWeight: number;
      bureau: { ratings: number };
      departments: Row[];
    };
    expect(league.period).toBe('2026-Q1');
    expect(league.priorWeight).toBe(PRIOR_WEIGHT);
    const row = (id: number) => league.departments.find((d) => d.department.id === id)!;
    expect(row(bus).scores!.mean).toBe(5);
    expect(row(housing).scores!.mean).toBe(4.9);
    expect(row(housing)).toMatchObject({ rank: 1, ratingsSoFar: null });
    expect(row(bus).rank).toBe(2);
    // one rating is neither scored nor ranked, and is not in the bureau total
    expect(row(safety)).toMatchObject({ rank: null, scores: null });
    expect(league.bureau.ratings).toBe(50);
    const ranks = league.departments.map((d) => d.rank).filter((r) => r !== null);
    expect(ranks).toEqual([1, 2, 3]);
    expect((await card(canteen)).scores).toMatchObject({
      ratings: 5,
      criteria: {
        responsiveness: { mean: 3.6, count: 5 },
        fairness: { mean: 3.8, count: 5 },
        result: { mean: 4, count: 5 },
      },
    });
  });

  it('comments are listed with a 5-rating period; a responder of the department answers in public, on the log', async () => {
    const canteen = await deptId(h, 'canteen');
    const list = async () => {
      const res = await h.request(`/api/v1/departments/${canteen}/rating-comments?limit=10`);
      expect(res.status).toBe(200);
      return (await res.json()) as { shown: boolean; items: { id: number; body: string; reply: unknown }[] };
    };
    const page = await list();
    expect(page.shown).toBe(true);
    expect(page.items.map((c) => c.body)).toEqual(['菜品比上季度好']);
    const responder = await h.signIn(await h.createStaff({ role: 'responder', departmentIds: [canteen] }));
    const id = page.items[0]!.id;
    const res = await responder.json('POST', `/api/v1/staff/ratings/comments/${id}/reply`, {
      body: '谢谢，我们会继续改进。',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await list()).items[0]!.reply).toMatchObject({
      body: '谢谢，我们会继续改进。',
      by: 'responder 1',
    });
    const logged = await h.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM log_entries WHERE kind = 'rating.reply' AND item_id = ${id}`,
    );
    expect(Number(logged[0]!.n)).toBe(1);
  });

  it('comment texts are committed, logged once public, and the verifier finds them unchanged', async () => {
    const union = await deptId(h, 'trade-union');
    await addRatings(h, union, [[4, 4, 4]], () => '早一点发劳保用品');
    h.clock.advance(2 * HOUR);
    // under 5 ratings: committed but not yet on the log
    await h.request('/api/v1/log/checkpoint');
    const [pending] = await h.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM log_entries WHERE kind = 'text.commit' AND item_type = 'rating-comment'`,
    );
    expect(Number(pending!.n)).toBe(1); // the canteen's comment only
    await addRatings(h, union, [
      [3, 3, 3],
      [4, 3, 4],
      [5, 4, 4],
      [2, 2, 3],
    ]);
    await h.request('/api/v1/log/checkpoint');
    const report = await verifyLog({ url: ORIGIN, fetch: (u, init) => h.app.request(u, init) });
    expect(report.problems).toEqual([]);
    expect(report.itemsChecked).toBeGreaterThanOrEqual(2);
  });

  it('pages: the league and a scorecard in Chinese and English, readable without JS', async () => {
    const canteen = await deptId(h, 'canteen');
    const league = await h.request('/ratings');
    expect(league.status).toBe(200);
    const html = await league.text();
    expect(html).toContain('部门评价');
    expect(html).toContain('职工食堂');
    expect(html).toContain('评价不足 5 条');
    const runningPage = await (await h.request('/ratings?period=2026-Q2')).text();
    expect(runningPage).toContain('本评价期进行中，截至 2026-06-30（含）');
    expect(runningPage).not.toContain('平滑分</td>');
    const card = await h.request(`/departments/${canteen}/scorecard?lang=en`);
    expect(card.status).toBe(200);
    const text = await card.text();
    expect(text).toContain('Staff Canteen');
    expect(text).toContain('Responsiveness');
    expect(text).toContain('谢谢，我们会继续改进。');
    expect(text).toContain(`/token-request/ratings/${canteen}`);
    expect((await h.request('/departments/9999/scorecard')).status).toBe(404);
  });

  it('the OpenAPI document describes every ratings endpoint', async () => {
    const doc = (await (await h.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    for (const path of [
      '/api/v1/ratings',
      '/api/v1/departments/{id}/scorecard',
      '/api/v1/departments/{id}/ratings',
      '/api/v1/departments/{id}/rating-comments',
      '/api/v1/ratings/comments/{id}',
      '/api/v1/staff/ratings/comments/{id}/reply',
      '/token-request/ratings/{id}',
    ])
      expect(doc.paths, path).toHaveProperty([path]);
  });
});
