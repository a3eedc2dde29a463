import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departments } from '../../../db/schema/index.js';
import { periodEnd, periodOf } from '../../../src/features/ratings/periods.js';
import { DAY } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { addRatings } from './rating-phone.js';

interface League {
  period: string;
  priorWeight: number;
  bureau: { ratings: number; mean: number | null };
  departments: {
    rank: number | null;
    department: { id: number };
    scores: { ratings: number; mean: number; smoothed: number } | null;
    ratingsSoFar: number | null;
  }[];
}

const score = fc.integer({ min: 1, max: 5 });
const rating = fc.tuple(score, score, score);

describe('ratings league: k ≥ 5, no scores before the end, and smoothing hold for random rating sets', () => {
  let h: Harness;
  let ids: number[];
  beforeAll(async () => {
    h = await createHarness();
    ids = (await h.db.select({ id: departments.id }).from(departments)).map((d) => d.id).slice(0, 6);
  });
  afterAll(() => h.close());

  it('while running shows only counts rounded down to 5; once ended no department under 5, the bureau figure covers shown departments only, and ranks shrink towards it', async () => {
    let suppressedSeen = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(rating, { maxLength: 9 }), { minLength: 6, maxLength: 6 }),
        async (sets) => {
          // each run rates in a fresh quarter
          h.clock.advance(92 * DAY);
          for (const [i, set] of sets.entries()) await addRatings(h, ids[i]!, set);
          const period = periodOf(h.clock.now());
          const read = async () =>
            (await (await h.request(`/api/v1/ratings?period=${period}`)).json()) as League;
          const running = await read();
          expect(running.bureau.mean).toBeNull();
          for (const [i, set] of sets.entries())
            expect(running.departments.find((d) => d.department.id === ids[i])).toMatchObject({
              rank: null,
              scores: null,
              ratingsSoFar: set.length < 5 ? null : set.length - (set.length % 5),
            });
          expect(running.departments.filter((d) => d.scores !== null)).toEqual([]);
          h.clock.set(periodEnd(period));
          const league = await read();
          const shown = sets.flatMap((set, i) => (set.length >= 5 ? [{ id: ids[i]!, set }] : []));
          const n = shown.reduce((s, d) => s + d.set.length, 0);
          const sum = shown.reduce((s, d) => s + d.set.flat().reduce((a, b) => a + b, 0), 0);
          expect(league.bureau.ratings).toBe(n);
          if (n > 0) expect(league.bureau.mean).toBeCloseTo(sum / (3 * n), 2);
          for (const [i, set] of sets.entries()) {
            const row = league.departments.find((d) => d.department.id === ids[i])!;
            if (set.length < 5) {
              if (set.length > 0) suppressedSeen++;
              expect(row).toMatchObject({ rank: null, scores: null });
              continue;
            }
            expect(row.scores!.ratings).toBe(set.length);
            const lo = Math.min(row.scores!.mean, league.bureau.mean!) - 0.01;
            const hi = Math.max(row.scores!.mean, league.bureau.mean!) + 0.01;
            expect(row.scores!.smoothed).toBeGreaterThanOrEqual(lo);
            expect(row.scores!.smoothed).toBeLessThanOrEqual(hi);
          }
          const ranked = league.departments.filter((d) => d.rank !== null);
          expect(ranked.map((d) => d.rank)).toEqual(ranked.map((_, i) => i + 1));
          for (let i = 1; i < ranked.length; i++)
            expect(ranked[i - 1]!.scores!.smoothed).toBeGreaterThanOrEqual(ranked[i]!.scores!.smoothed);
        },
      ),
      { numRuns: 25 },
    );
    expect(suppressedSeen, 'suppression was really exercised').toBeGreaterThan(0);
  });
});
