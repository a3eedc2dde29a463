import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';
import { call, type StaffClient, staffClient } from '../audit/audit-fixture.js';

interface Created {
  id: number;
  receipt: string;
}

describe('moderation of forum threads and replies', () => {
  let h: Harness;
  let tokens: string[];
  let mod: StaffClient;
  const pay = () => ({ authorization: tokens.pop()! });
  const created = async (res: Response) => {
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Created;
  };
  const flag = async (itemType: string, itemId: number) => {
    const res = await h.postJson('/api/v1/flags', { itemType, itemId, reason: 'personal-attack' }, pay());
    expect(res.status, await res.clone().text()).toBe(201);
  };

  beforeAll(async () => {
    h = await createHarness();
    tokens = await fetchTokens(h.request, (await h.codes(1))[0]!, 10, { batch: true });
    mod = await staffClient(h, 'moderator');
  });
  afterAll(() => h.close());

  it('a hidden thread and a hidden reply show only their tombstone in every JSON view, quotes included', async () => {
    const thread = await created(
      await h.postJson('/api/v1/forum/threads', { title: '张三欺负人', body: '张三的住址是……' }, pay()),
    );
    h.clock.advance(2 * HOUR);
    const reply = await created(
      await h.postJson(`/api/v1/forum/threads/${thread.id}/replies`, { body: '李四也一样' }, pay()),
    );
    h.clock.advance(2 * HOUR);
    await created(
      await h.postJson(
        `/api/v1/forum/threads/${thread.id}/replies`,
        { body: '同意', quoteReplyId: reply.id },
        pay(),
      ),
    );
    h.clock.advance(2 * HOUR);
    await flag('forum_thread', thread.id);
    await flag('forum_reply', reply.id);
    for (const [type, id] of [
      ['forum_thread', thread.id],
      ['forum_reply', reply.id],
    ] as const)
      await call(mod, 'POST', `/api/v1/staff/moderation/items/${type}/${id}/hide`, {
        reason: 'personal-attack',
        note: '点名普通职工',
      });
    const views = await Promise.all(
      [
        `/api/v1/forum/threads/${thread.id}`,
        `/api/v1/forum/threads/${thread.id}/replies`,
        '/api/v1/forum/threads',
        `/api/v1/forum/threads?q=${encodeURIComponent('张三')}`,
      ].map(async (path) => {
        const res = await h.request(path);
        expect(res.status, path).toBe(200);
        return res.text();
      }),
    );
    for (const text of views) {
      expect(text).not.toContain('张三');
      expect(text).not.toContain('李四');
    }
    expect(views[0]).toContain('已被审核隐藏');
    expect(views[1]).toContain('已被审核隐藏');
  });
});
