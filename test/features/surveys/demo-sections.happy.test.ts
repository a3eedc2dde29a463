import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoSections } from '../../../db/seed/demo-sections.js';
import { createHarness, type Harness } from '../../helpers/harness.js';

describe('demo content for forum, notices and surveys', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemoSections(h.db, h.clock.now());
  });
  afterAll(() => h.close());

  const get = async <T>(path: string) => {
    const res = await h.request(path);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };

  it('a newcomer finds threads with replies, notices and a closed survey with protected results', async () => {
    const threads = await get<{ items: { id: number; replyCount: number }[] }>('/api/v1/forum/threads');
    expect(threads.items.map((t) => t.replyCount).sort()).toEqual([1, 3]);
    const notices = await get<{ items: unknown[] }>('/api/v1/notices');
    expect(notices.items).toHaveLength(2);
    const closed = await get<{ items: { id: number }[] }>('/api/v1/surveys?status=closed');
    expect(closed.items).toHaveLength(1);
    const results = await get<{
      responseCount: number;
      departments: { respondents: number }[];
      otherRespondents: number;
    }>(`/api/v1/surveys/${closed.items[0]!.id}/results`);
    // groups of 9, 7, 3 and 4 (not stated): the 3 and the 4 stay together as "other" (7 ≥ k)
    expect(results).toMatchObject({ responseCount: 23, otherRespondents: 7 });
    expect(results.departments.map((d) => d.respondents)).toEqual([7, 9]);
  });
});
