import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoForumBoards } from '../../../db/seed/demo-forum-boards.js';
import { seedDemoSections } from '../../../db/seed/demo-sections.js';
import { uncommittedItems } from '../../../src/features/audit/index.js';
import type { VerifierState } from '../../../src/features/audit/verifier/index.js';
import { HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';
import { call, publicLog, staffClient, verify } from './audit-fixture.js';

/** Posts a forum thread or reply through the HTTP API with a real token, as a phone would. */
async function post(h: Harness, tokens: string[], path: string, body: Record<string, unknown>) {
  const res = await h.postJson(path, body, { authorization: tokens.pop()! });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: number }).id;
}

// Forum posts are worker texts like appeals: committed in the batch that stores them, logged when public,
// and checked by the standalone verifier against GET /api/v1/forum/threads/{id} and /replies/{id}.
describe('forum threads and replies on the public log', () => {
  let h: Harness;
  let thread: number;
  let reply: number;
  let staffReply: number;
  let seen: VerifierState;

  beforeEach(async () => {
    h = await createHarness();
    const tokens = await fetchTokens(h.request, (await h.codes(1))[0]!, 3, { batch: true });
    thread = await post(h, tokens, '/api/v1/forum/threads', { title: '夜班通勤', body: '没有班车' });
    reply = await post(h, tokens, `/api/v1/forum/threads/${thread}/replies`, { body: '我骑电动车' });
    const admin = await staffClient(h, 'admin');
    const departmentId = ((await (await h.request('/api/v1/departments')).json()) as { id: number }[])[0]!.id;
    staffReply = (
      await call<{ id: number }>(
        admin,
        'POST',
        `/api/v1/staff/forum/threads/${thread}/replies`,
        { body: '已在研究夜班专线。', departmentId },
        201,
      )
    ).id;
    const first = await verify(h);
    expect(first.problems).toEqual([]);
    seen = first.state;
  });
  afterEach(() => h.close());

  const edit = async (table: string, set: string, id: number) => {
    const triggers = await h.db.all<{ name: string }>(
      sql`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ${table}`,
    );
    for (const t of triggers) await h.db.run(sql.raw(`DROP TRIGGER "${t.name}"`));
    await h.db.run(sql.raw(`UPDATE ${table} SET ${set} WHERE id = ${id}`));
  };

  it('commits and logs a thread, a worker reply and a staff reply; the verifier checks all three', async () => {
    const commits = (await publicLog(h)).filter((e) => e.kind === 'text.commit');
    expect(commits.map((e) => e.item)).toEqual(
      expect.arrayContaining([
        { type: 'forum_thread', id: thread },
        { type: 'forum_reply', id: reply },
        { type: 'forum_reply', id: staffReply },
      ]),
    );
    const ofReply = commits.find((e) => e.item?.id === reply)!;
    expect(ofReply.data).toMatchObject({ fields: ['body'], url: `/api/v1/forum/replies/${reply}` });
    const ofThread = commits.find((e) => e.item?.id === thread)!;
    expect(ofThread.data).toMatchObject({
      fields: ['title', 'body'],
      url: `/api/v1/forum/threads/${thread}`,
    });
    // the demo bureau holds no worker texts, so these three are all the verifier checks
    expect((await verify(h, seen)).itemsChecked).toBe(3);
    expect(await uncommittedItems(h.db, h.clock.now())).toEqual([]);
  });

  it('detects a forum reply whose body was edited in the database', async () => {
    await edit('forum_replies', `body = body || '（已改）'`, reply);
    expect((await verify(h, seen)).problems).toEqual([
      expect.objectContaining({ code: 'text-mismatch', item: { type: 'forum_reply', id: reply } }),
    ]);
  });

  it('detects a staff reply whose body was edited in the database', async () => {
    await edit('forum_replies', `body = '改过的答复'`, staffReply);
    expect((await verify(h, seen)).problems).toEqual([
      expect.objectContaining({ code: 'text-mismatch', item: { type: 'forum_reply', id: staffReply } }),
    ]);
  });

  it('detects a thread whose title was edited in the database', async () => {
    await edit('forum_threads', `title = '改过的标题'`, thread);
    expect((await verify(h, seen)).problems).toEqual([
      expect.objectContaining({ code: 'text-mismatch', item: { type: 'forum_thread', id: thread } }),
    ]);
  });

  it('a hidden reply and a hidden thread still verify: their salts are withheld and the hiding is logged', async () => {
    const mod = await staffClient(h, 'moderator');
    for (const [type, id] of [
      ['forum_reply', reply],
      ['forum_thread', thread],
    ] as const)
      await call(mod, 'POST', `/api/v1/staff/moderation/items/${type}/${id}/hide`, {
        reason: 'personal-attack',
        note: '点名普通职工',
      });
    const shown = (await (await h.request(`/api/v1/forum/replies/${reply}`)).json()) as { body: string };
    expect(shown.body).toContain('已被审核隐藏');
    const report = await verify(h, seen);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ itemsChecked: 1, itemsWithheld: 2 });
  });

  it('finds a forum reply inserted behind the application, with no commitment (operator check)', async () => {
    await h.db.run(
      sql.raw(`INSERT INTO forum_replies (thread_id, body, pseudonym, receipt_hash, created_at, publish_at)
       VALUES (${thread}, '没有承诺', 'x', 'fake-${Date.now()}', 0, 0)`),
    );
    expect(await uncommittedItems(h.db, h.clock.now())).toEqual([
      { type: 'forum_reply', id: expect.any(Number) },
    ]);
  });
});

describe('a delayed forum reply', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { PUBLISH_DELAY_MAX_MINUTES: '120' } });
  });
  afterAll(() => h.close());

  it('is 404 and off the log until public, then served like a list item and verified', async () => {
    const tokens = await fetchTokens(h.request, (await h.codes(1))[0]!, 2, { batch: true });
    const thread = await post(h, tokens, '/api/v1/forum/threads', { title: '延迟', body: '正文' });
    // a minute past the hour: even a zero random delay rounds up to the next hour
    h.clock.advance(3 * HOUR + 60_000);
    const reply = await post(h, tokens, `/api/v1/forum/threads/${thread}/replies`, { body: '延迟的回帖' });
    const isLogged = async () =>
      (await publicLog(h)).some((e) => e.kind === 'text.commit' && e.item?.type === 'forum_reply');
    expect((await h.request(`/api/v1/forum/replies/${reply}`)).status).toBe(404);
    expect(await isLogged()).toBe(false);
    h.clock.advance(3 * HOUR);
    const res = await h.request(`/api/v1/forum/replies/${reply}`);
    expect(res.status).toBe(200);
    const list = (await (await h.request(`/api/v1/forum/threads/${thread}/replies`)).json()) as {
      items: unknown[];
    };
    expect(await res.json()).toEqual(list.items[0]);
    expect(await isLogged()).toBe(true);
    const report = await verify(h);
    expect(report.problems).toEqual([]);
    expect(report.itemsChecked).toBe(2);
  });
});

describe('demo forum posts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
    await seedDemoSections(h.db, h.clock.now());
    await seedDemoForumBoards(h.db);
  });
  afterAll(() => h.close());

  it('are committed like real ones, so the demo log verifies their texts', async () => {
    expect(await uncommittedItems(h.db, h.clock.now())).toEqual([]);
    const report = await verify(h);
    expect(report.problems).toEqual([]);
    // two threads and four replies
    expect(report.itemsChecked).toBe(6);
  });
});
