import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { addRatings, deptId, openRatings, rate, ratingBody, ratingToken } from './rating-phone.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The paths at which two JSON values differ, such as `departments.3.ratingsSoFar`. */
function differences(a: Json, b: Json, path = ''): string[] {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return Object.is(a, b) ? [] : [path];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) =>
    differences(
      (a as Record<string, Json>)[k] ?? null,
      (b as Record<string, Json>)[k] ?? null,
      path ? `${path}.${k}` : k,
    ),
  );
}

// per-request values of a page (CSP nonces) that say nothing about ratings
const stable = (html: string) => html.replace(/nonce="[^"]*"/g, 'nonce=""');

/**
 * The gap this closes: reading a scorecard just before and just after a known colleague rates must not
 * reveal that rating's scores, so nothing computed from scores may change while the period runs.
 */
describe('ratings: the running period shows no scores, so two reads around one rating reveal nothing', () => {
  let h: Harness;
  let canteen: number;
  let housing: number;
  beforeAll(async () => {
    h = await createHarness();
    await openRatings(h, 'canteen', 'housing');
    canteen = await deptId(h, 'canteen');
    housing = await deptId(h, 'housing');
  });
  afterAll(() => h.close());

  /** Everything public about the ratings: API and pages, default and running period. */
  async function readAll(id: number) {
    const running = `period=${ratingBody(h).period}`;
    const json = async (path: string) => (await (await h.request(path)).json()) as Json;
    const page = async (path: string) => stable(await (await h.request(path)).text());
    return {
      api: {
        league: await json('/api/v1/ratings'),
        runningLeague: await json(`/api/v1/ratings?${running}`),
        card: await json(`/api/v1/departments/${id}/scorecard`),
        runningCard: await json(`/api/v1/departments/${id}/scorecard?${running}`),
        comments: await json(`/api/v1/departments/${id}/rating-comments?${running}`),
      },
      pages: [
        await page(`/ratings?${running}`),
        await page(`/departments/${id}/scorecard?${running}`),
        await page(`/departments/${id}/scorecard?${running}&lang=en`),
      ],
    };
  }

  async function rateOnce(id: number) {
    const [code] = (await h.codes(1)) as [string];
    const token = await ratingToken(h, id, code);
    const body = ratingBody(h, { responsiveness: 1, fairness: 1, result: 1 });
    expect((await rate(h, id, token, body)).status).toBe(201);
  }

  it('two reads around one new rating in the running period: identical responses except possibly the rounded count', async () => {
    // 7 → 8 ratings: the rounded count stays 5, so every response is the same
    await addRatings(h, canteen, [
      [5, 5, 5],
      [4, 5, 4],
      [5, 4, 5],
      [3, 4, 4],
      [4, 4, 4],
      [5, 5, 4],
      [4, 3, 5],
    ]);
    const before = await readAll(canteen);
    expect((before.api.runningCard as { ratingsSoFar: number }).ratingsSoFar).toBe(5);
    await rateOnce(canteen);
    const after = await readAll(canteen);
    expect(differences(before.api, after.api)).toEqual([]);
    expect(after.pages).toEqual(before.pages);

    // 9 → 10 ratings: only the rounded count (and the league's sum of them) moves
    await addRatings(
      h,
      housing,
      Array.from({ length: 9 }, () => [5, 5, 5] as [number, number, number]),
    );
    const crossing = await readAll(housing);
    await rateOnce(housing);
    const crossed = await readAll(housing);
    const row = (
      crossed.api.runningLeague as { departments: { department: { id: number } }[] }
    ).departments.findIndex((d) => d.department.id === housing);
    expect(differences(crossing.api, crossed.api).sort()).toEqual(
      [
        'runningCard.ratingsSoFar',
        'runningLeague.bureau.ratings',
        `runningLeague.departments.${row}.ratingsSoFar`,
      ].sort(),
    );
    expect((crossed.api.runningCard as { ratingsSoFar: number }).ratingsSoFar).toBe(10);
  });
});
