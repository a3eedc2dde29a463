import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';

interface Created {
  id: number;
  pseudonym: string;
  receipt: string;
  byStarter?: boolean;
}

describe('forum: threads, replies, one name per author per thread', () => {
  let h: Harness;
  let tokens: string[];
  const pay = () => {
    const t = tokens.pop();
    if (!t) throw new Error('out of test tokens');
    return { authorization: t };
  };
  const start = async (title: string, body = '正文') => {
    const res = await h.postJson('/api/v1/forum/threads', { title, body }, pay());
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Created;
  };
  const reply = async (threadId: number, body: Record<string, unknown>) => {
    const res = await h.postJson(`/api/v1/forum/threads/${threadId}/replies`, body, pay());
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Created;
  };
  const get = async <T>(path: string) => {
    const res = await h.request(path);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };
  beforeAll(async () => {
    h = await createHarness();
    const codes = await h.codes(2);
    tokens = [
      ...(await fetchTokens(h.request, codes[0]!, 10, { batch: true })),
      ...(await fetchTokens(h.request, codes[1]!, 10, { batch: true })),
    ];
  });
  afterAll(() => h.close());

  it('a starter keeps their name with their receipt; others get fresh names, kept with their own first receipt', async () => {
    const thread = await start('夜班后的通勤怎么解决？');
    expect(thread.pseudonym).toMatch(/^职工·[0-9A-F]{4}$/);
    const starterAgain = await reply(thread.id, { body: '补充：2 点下班', receipt: thread.receipt });
    expect(starterAgain).toMatchObject({ pseudonym: thread.pseudonym, byStarter: true });
    expect(starterAgain.receipt).not.toBe(thread.receipt);

    const other = await reply(thread.id, { body: '我骑电动车' });
    expect(other.pseudonym).not.toBe(thread.pseudonym);
    expect(other.byStarter).toBe(false);
    const otherAgain = await reply(thread.id, { body: '冬天很冷', receipt: other.receipt });
    expect(otherAgain.pseudonym).toBe(other.pseudonym);

    const page = await get<{ items: { pseudonym: string; byStarter: boolean }[] }>(
      `/api/v1/forum/threads/${thread.id}/replies`,
    );
    expect(page.items.map((r) => [r.pseudonym, r.byStarter])).toEqual([
      [thread.pseudonym, true],
      [other.pseudonym, false],
      [other.pseudonym, false],
    ]);
    expect(await get(`/api/v1/forum/threads/${thread.id}`)).toMatchObject({
      title: '夜班后的通勤怎么解决？',
      pseudonym: thread.pseudonym,
      replyCount: 3,
      createdAt: new Date(Math.floor(h.clock.now() / 3_600_000) * 3_600_000).toISOString(),
    });
  });

  it('replies quote, and the quote shows whom and what', async () => {
    const thread = await start('食堂晚餐');
    const first = await reply(thread.id, { body: '晚餐六点就没菜了' });
    const second = await reply(thread.id, { body: '同意', quoteReplyId: first.id });
    const page = await get<{ items: { id: number; quote: unknown }[] }>(
      `/api/v1/forum/threads/${thread.id}/replies`,
    );
    expect(page.items.find((r) => r.id === second.id)!.quote).toEqual({
      id: first.id,
      pseudonym: first.pseudonym,
      body: '晚餐六点就没菜了',
    });
    // one reply alone (what the public log's verifier fetches) is the same as in the list
    expect(await get(`/api/v1/forum/replies/${second.id}`)).toEqual(
      page.items.find((r) => r.id === second.id),
    );
  });

  it('lists page by cursor and search finds titles, bodies and replies (full-text; punctuation alone finds nothing)', async () => {
    const a = await start('分页一', '关于住房补贴');
    const b = await start('分页二', '100% 报销吗');
    const c = await start('分页三');
    await reply(c.id, { body: '公积金怎么提取' });
    const first = await get<{ items: { id: number }[]; nextCursor: string }>('/api/v1/forum/threads?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await get<{ items: { id: number }[] }>(
      `/api/v1/forum/threads?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`,
    );
    const seen = [...first.items, ...second.items].map((t) => t.id);
    expect(new Set(seen).size).toBe(seen.length);
    const search = async (q: string) =>
      (await get<{ items: { id: number }[] }>(`/api/v1/forum/threads?q=${encodeURIComponent(q)}`)).items.map(
        (t) => t.id,
      );
    expect(await search('住房')).toEqual([a.id]);
    expect(await search('公积金')).toEqual([c.id]);
    expect(await search('100%')).toEqual([b.id]);
    expect(await search('%')).toEqual([]);
    expect(await search('分页')).toHaveLength(3);
    const listed = await get<{ items: { id: number; replyCount: number }[] }>('/api/v1/forum/threads?q=分页');
    expect(listed.items.find((t) => t.id === c.id)!.replyCount).toBe(1);
  });
});
