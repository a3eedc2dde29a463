import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { errorOf, fetchTokens } from '../../helpers/wallet.js';

interface Board {
  id: number;
  slug: string;
  nameZh: string;
}

describe('forum boards: seeded, managed by admins, threads listed by board', () => {
  let h: Harness;
  let admin: Awaited<ReturnType<Harness['signIn']>>;
  let tokens: string[];
  const boards = async () =>
    ((await (await h.request('/api/v1/forum/boards')).json()) as { items: Board[] }).items;
  beforeAll(async () => {
    h = await createHarness();
    admin = await h.signIn(await h.createStaff({ role: 'admin' }));
    tokens = await fetchTokens(h.request, (await h.codes(1))[0]!, 4, { batch: true });
  }, 120_000);
  afterAll(() => h.close());

  it('a new bureau starts with the default boards, in order', async () => {
    expect((await boards()).map((b) => b.nameZh)).toEqual([
      '工资待遇',
      '班车通勤',
      '食堂公寓',
      '安全生产',
      '建言献策',
      '综合讨论',
    ]);
  });

  it('an admin adds and renames a board, on the public log; a taken slug is 409', async () => {
    const res = await admin.json('POST', '/api/v1/staff/forum/boards', {
      slug: 'training',
      nameZh: '培训',
      nameEn: 'Training',
      position: 55,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const board = (await res.json()) as Board;
    const renamed = await admin.json('PATCH', `/api/v1/staff/forum/boards/${board.id}`, {
      nameZh: '教育培训',
    });
    expect(renamed.status, await renamed.clone().text()).toBe(200);
    expect((await boards()).map((b) => b.nameZh)).toContain('教育培训');
    const logged = await h.db.all<{ kind: string; actor_role: string }>(
      sql`SELECT kind, actor_role FROM log_entries WHERE item_type = 'forum-board' AND item_id = ${board.id} ORDER BY seq`,
    );
    expect(logged).toEqual([
      { kind: 'forum.board-create', actor_role: 'admin' },
      { kind: 'forum.board-rename', actor_role: 'admin' },
    ]);
    const again = await admin.json('POST', '/api/v1/staff/forum/boards', {
      slug: 'training',
      nameZh: '重复',
      nameEn: 'Again',
    });
    expect(await errorOf(again)).toMatchObject({ status: 409, code: 'FORUM_BOARD_SLUG_TAKEN' });
    expect(
      await errorOf(await admin.json('PATCH', '/api/v1/staff/forum/boards/999', { nameZh: 'x' })),
    ).toMatchObject({ status: 404 });
  });

  it('threads belong to the board they were posted in and list by board', async () => {
    const [pay, commuting] = await boards();
    const post = async (boardId: number | undefined, title: string) => {
      const res = await h.postJson(
        '/api/v1/forum/threads',
        { title, body: '正文', boardId },
        { authorization: tokens.pop()! },
      );
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { id: number }).id;
    };
    const a = await post(pay!.id, '夜班津贴');
    const b = await post(commuting!.id, '班车晚点');
    const c = await post(undefined, '没有版块');
    const list = async (query: string) =>
      (
        (await (await h.request(`/api/v1/forum/threads${query}`)).json()) as { items: { id: number }[] }
      ).items.map((t) => t.id);
    expect(await list(`?boardId=${pay!.id}`)).toEqual([a]);
    expect(await list(`?boardId=${commuting!.id}`)).toEqual([b]);
    expect((await list('')).sort()).toEqual([a, b, c].sort());
    const thread = await (await h.request(`/api/v1/forum/threads/${b}`)).json();
    expect(thread).toMatchObject({ boardId: commuting!.id, agreeCount: 0 });
    const unknown = await h.postJson(
      '/api/v1/forum/threads',
      { title: 't', body: 'b', boardId: 999 },
      { authorization: tokens.pop()! },
    );
    expect(await errorOf(unknown)).toMatchObject({ status: 422, code: 'FORUM_BOARD_NOT_FOUND' });
  });
});
