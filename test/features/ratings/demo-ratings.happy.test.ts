import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoRatings } from '../../../db/seed/demo-ratings.js';
import { periodOf } from '../../../src/features/ratings/periods.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { deptId } from './rating-phone.js';

describe('demo ratings', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemoRatings(h.db, h.clock.now());
  });
  afterAll(() => h.close());

  it('a newcomer sees last quarter ranked, one department suppressed, comments and an answer; this quarter open', async () => {
    const res = await h.request('/api/v1/ratings');
    expect(res.status).toBe(200);
    const league = (await res.json()) as {
      departments: { rank: number | null; department: { id: number } }[];
    };
    expect(league.departments.filter((d) => d.rank !== null)).toHaveLength(4);
    const safety = await deptId(h, 'safety');
    expect(league.departments.find((d) => d.department.id === safety)?.rank).toBeNull();
    const bus = await deptId(h, 'commuter-bus');
    const comments = (await (await h.request(`/api/v1/departments/${bus}/rating-comments`)).json()) as {
      items: { reply: { body: string } | null }[];
    };
    expect(comments.items).toHaveLength(1);
    expect(comments.items[0]!.reply?.body).toContain('夜班专线');
    const running = (await (await h.request(`/api/v1/ratings?period=${periodOf(h.clock.now())}`)).json()) as {
      departments: { rank: number | null; scores: unknown; ratingsSoFar: number | null }[];
    };
    expect(running.departments.filter((d) => d.scores !== null || d.rank !== null)).toEqual([]);
    expect(running.departments.map((d) => d.ratingsSoFar).filter((n) => n !== null)).toEqual([5]);
  });
});
