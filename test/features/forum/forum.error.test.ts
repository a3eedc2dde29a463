import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { errorOf, fetchTokens } from '../../helpers/wallet.js';

describe('forum: refused requests', () => {
  let h: Harness;
  let tokens: string[];
  const pay = () => ({ authorization: tokens.pop()! });
  let thread: { id: number; receipt: string };
  beforeAll(async () => {
    h = await createHarness();
    tokens = await fetchTokens(h.request, (await h.codes(1))[0]!, 10, { batch: true });
    const res = await h.postJson('/api/v1/forum/threads', { title: '排班', body: '下月排班' }, pay());
    thread = (await res.json()) as { id: number; receipt: string };
  });
  afterAll(() => h.close());

  it('posting without a token is 401 with our challenge; a spent token is 409', async () => {
    const none = await h.postJson('/api/v1/forum/threads', { title: 't', body: 'b' });
    expect(await errorOf(none)).toMatchObject({ status: 401, code: 'TOKEN_REQUIRED' });
    expect(none.headers.get('www-authenticate')).toMatch(/^PrivateToken /);
    const t = pay();
    expect((await h.postJson(`/api/v1/forum/threads/${thread.id}/replies`, { body: '一' }, t)).status).toBe(
      201,
    );
    const again = await h.postJson(`/api/v1/forum/threads/${thread.id}/replies`, { body: '二' }, t);
    expect(await errorOf(again)).toMatchObject({ status: 409, code: 'TOKEN_ALREADY_SPENT' });
  });

  it.each([
    ['empty title', { title: ' ', body: 'b' }],
    ['no body', { title: 't' }],
    ['title too long', { title: '长'.repeat(121), body: 'b' }],
  ])('a thread with %s is 422', async (_, body) => {
    expect(await errorOf(await h.postJson('/api/v1/forum/threads', body, pay()))).toMatchObject({
      status: 422,
      code: 'VALIDATION_FAILED',
    });
  });

  it('unknown threads are 404; a quote from another thread is 422; a bad cursor is 400', async () => {
    expect(await errorOf(await h.request('/api/v1/forum/threads/12345'))).toMatchObject({ status: 404 });
    expect(await errorOf(await h.request('/api/v1/forum/replies/12345'))).toMatchObject({
      status: 404,
      code: 'REPLY_NOT_FOUND',
    });
    const reply = await h.postJson('/api/v1/forum/threads/12345/replies', { body: 'x' }, pay());
    expect(await errorOf(reply)).toMatchObject({ status: 404, code: 'THREAD_NOT_FOUND' });
    const other = (await (
      await h.postJson('/api/v1/forum/threads', { title: '别的帖', body: 'b' }, pay())
    ).json()) as { id: number };
    const inOther = (await (
      await h.postJson(`/api/v1/forum/threads/${other.id}/replies`, { body: 'r' }, pay())
    ).json()) as { id: number };
    const quote = await h.postJson(
      `/api/v1/forum/threads/${thread.id}/replies`,
      { body: 'q', quoteReplyId: inOther.id },
      pay(),
    );
    expect(await errorOf(quote)).toMatchObject({ status: 422, code: 'QUOTED_REPLY_NOT_FOUND' });
    expect(await errorOf(await h.request('/api/v1/forum/threads?cursor=nonsense'))).toMatchObject({
      status: 400,
      code: 'CURSOR_INVALID',
    });
  });
});
