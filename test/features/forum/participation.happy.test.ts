import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { errorOf, fetchTokens } from '../../helpers/wallet.js';

const HOUSING = 4;

interface Reply {
  id: number;
  pseudonym: string;
  agreeCount: number;
  department: { id: number; nameZh: string } | null;
  quote: { id: number; body: string } | null;
}

describe('forum: agree reactions, staff under their department, quotes, ranked search', () => {
  let h: Harness;
  let responder: Awaited<ReturnType<Harness['signIn']>>;
  let tokens: string[];
  const pay = () => ({ authorization: tokens.pop()! });
  const post = async (path: string, body: unknown) => {
    const res = await h.postJson(path, body, pay());
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { id: number; pseudonym: string };
  };
  const replies = async (threadId: number) =>
    ((await (await h.request(`/api/v1/forum/threads/${threadId}/replies`)).json()) as { items: Reply[] })
      .items;
  beforeAll(async () => {
    h = await createHarness();
    responder = await h.signIn(await h.createStaff({ role: 'responder', departmentIds: [HOUSING] }));
    const code = (await h.codes(1))[0]!;
    tokens = [
      ...(await fetchTokens(h.request, code, 8, { batch: true })),
      ...(await fetchTokens(h.request, code, 8, { batch: true })),
    ];
  }, 120_000);
  afterAll(() => h.close());

  it('"agree" spends a token and adds one to the post\'s count; a spent token is refused', async () => {
    const thread = await post('/api/v1/forum/threads', { title: '公寓热水', body: '热水时有时无' });
    const reply = await post(`/api/v1/forum/threads/${thread.id}/replies`, { body: '我们楼也是' });
    const token = pay();
    const first = await h.postJson(`/api/v1/forum/threads/${thread.id}/agree`, {}, token);
    expect(first.status, await first.clone().text()).toBe(201);
    expect(await first.json()).toEqual({ id: thread.id, agreeCount: 1 });
    const again = await h.postJson(`/api/v1/forum/threads/${thread.id}/agree`, {}, token);
    expect(await errorOf(again)).toMatchObject({ status: 409, code: 'TOKEN_ALREADY_SPENT' });
    for (let i = 0; i < 2; i++) {
      const res = await h.postJson(`/api/v1/forum/replies/${reply.id}/agree`, {}, pay());
      expect(res.status).toBe(201);
    }
    expect(await (await h.request(`/api/v1/forum/threads/${thread.id}`)).json()).toMatchObject({
      agreeCount: 1,
    });
    expect((await replies(thread.id))[0]!.agreeCount).toBe(2);
    const missing = pay();
    const none = await h.postJson('/api/v1/forum/replies/999999/agree', {}, missing);
    expect(await errorOf(none)).toMatchObject({ status: 404, code: 'REPLY_NOT_FOUND' });
    const reused = await h.postJson(`/api/v1/forum/replies/${reply.id}/agree`, {}, missing);
    expect(reused.status, 'a refused reaction does not burn the token').toBe(201);
  });

  it("staff reply under their department's name, quoting a worker; the reply is marked and on the log", async () => {
    const thread = await post('/api/v1/forum/threads', { title: '宿舍报修', body: '报修一周没人来' });
    const worker = await post(`/api/v1/forum/threads/${thread.id}/replies`, { body: '三楼也坏了' });
    const res = await responder.json('POST', `/api/v1/staff/forum/threads/${thread.id}/replies`, {
      body: '已安排维修，本周内完成。',
      departmentId: HOUSING,
      quoteReplyId: worker.id,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const shown = (await replies(thread.id)).find((r) => r.id === id)!;
    expect(shown).toMatchObject({
      pseudonym: '房产管理处',
      department: { id: HOUSING, nameZh: '房产管理处' },
      quote: { id: worker.id, body: '三楼也坏了' },
    });
    expect((await replies(thread.id)).find((r) => r.id === worker.id)!.department).toBeNull();
    const [logged] = await h.db.all<{ kind: string; actor_role: string; actor_username: string }>(
      sql`SELECT kind, actor_role, actor_username FROM log_entries WHERE item_type = 'forum-reply' AND item_id = ${id}`,
    );
    expect(logged).toMatchObject({ kind: 'forum.staff-reply', actor_role: 'responder' });
    const elsewhere = await responder.json('POST', `/api/v1/staff/forum/threads/${thread.id}/replies`, {
      body: '代表别的部门',
      departmentId: 12,
    });
    expect(await errorOf(elsewhere)).toMatchObject({ status: 403, code: 'DEPARTMENT_FORBIDDEN' });
    const badQuote = await responder.json('POST', `/api/v1/staff/forum/threads/${thread.id}/replies`, {
      body: '引用别处',
      departmentId: HOUSING,
      quoteReplyId: 999999,
    });
    expect(await errorOf(badQuote)).toMatchObject({ status: 422, code: 'QUOTED_REPLY_NOT_FOUND' });
  });

  it('search ranks a title match above a body-only match, finds replies, and pages by offset', async () => {
    const inBody = await post('/api/v1/forum/threads', { title: '其他问题', body: '顺便问一下劳保鞋发放' });
    const inTitle = await post('/api/v1/forum/threads', { title: '劳保鞋什么时候发', body: '去年没发' });
    const inReply = await post('/api/v1/forum/threads', { title: '冬季装备', body: '大衣' });
    await post(`/api/v1/forum/threads/${inReply.id}/replies`, { body: '还有劳保鞋' });
    const search = async (q: string, extra = '') =>
      (await (await h.request(`/api/v1/forum/threads?q=${encodeURIComponent(q)}${extra}`)).json()) as {
        items: { id: number }[];
        nextCursor: string | null;
      };
    const found = await search('劳保鞋');
    expect(found.items[0]!.id).toBe(inTitle.id);
    expect(found.items.map((t) => t.id).sort()).toEqual([inBody.id, inTitle.id, inReply.id].sort());
    const page1 = await search('劳保鞋', '&limit=2');
    expect(page1.items).toHaveLength(2);
    const page2 = await search('劳保鞋', `&limit=2&cursor=${encodeURIComponent(page1.nextCursor!)}`);
    expect([...page1.items, ...page2.items].map((t) => t.id).sort()).toEqual(
      found.items.map((t) => t.id).sort(),
    );
    expect((await search('劳保 大衣')).items.map((t) => t.id)).toEqual([]);
    expect((await search('冬季 大衣')).items.map((t) => t.id)).toEqual([inReply.id]);
    // a long and a short term must both occur in one text (here: the reply)
    expect((await search('劳保鞋 还有')).items.map((t) => t.id)).toEqual([inReply.id]);
  });
});
