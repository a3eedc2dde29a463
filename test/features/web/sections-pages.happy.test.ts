import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moderationItems } from '../../../db/schema/index.js';
import { DAY } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';
import { deptId, store } from '../appeals/appeals-fixture.js';
import { answer, publishedSurvey, surveyToken } from '../surveys/survey-phone.js';

/** The forum, survey, log pages and the appeal follow-up section, through the real app and database. */
describe('section pages', () => {
  let h: Harness;
  let tokens: string[];
  const pay = () => ({ authorization: tokens.pop()! });
  const page = async (path: string) => {
    const res = await h.request(path, { headers: { 'accept-encoding': 'identity' } });
    return { res, html: await res.text() };
  };

  beforeAll(async () => {
    h = await createHarness();
    tokens = await fetchTokens(h.request, (await h.codes(1))[0]!, 10, { batch: true });
  });
  afterAll(() => h.close());

  it('lists forum threads, shows a thread with the starter marked, quotes, and hidden replies as tombstones', async () => {
    const started = await h.postJson(
      '/api/v1/forum/threads',
      { title: '夜班通勤', body: '怎么回家？' },
      pay(),
    );
    expect(started.status, await started.clone().text()).toBe(201);
    const thread = (await started.json()) as { id: number; receipt: string; pseudonym: string };
    const first = await h.postJson(`/api/v1/forum/threads/${thread.id}/replies`, { body: '打车' }, pay());
    const firstId = ((await first.json()) as { id: number }).id;
    const quoting = { body: '同意楼上', receipt: thread.receipt, quoteReplyId: firstId };
    expect((await h.postJson(`/api/v1/forum/threads/${thread.id}/replies`, quoting, pay())).status).toBe(201);
    h.clock.advance(DAY);

    const list = await page('/forum?q=夜班');
    expect(list.res.status).toBe(200);
    expect(list.html).toContain(`/forum/threads/${thread.id}`);
    expect(list.html).toContain('id="thread-form"');
    expect(list.html, 'boards to browse and to post in').toContain(
      '<select id="thread-board" name="boardId">',
    );
    expect(list.html).toContain('班车通勤');

    await h.db.insert(moderationItems).values({
      itemType: 'forum_reply',
      itemId: firstId,
      state: 'hidden',
      hiddenReason: 'spam',
      hiddenNote: '广告',
      hiddenAt: h.clock.now(),
      hiddenByRole: 'moderator',
    });
    const { res, html } = await page(`/forum/threads/${thread.id}`);
    expect(res.status, html.slice(0, 400)).toBe(200);
    expect(html).toContain('怎么回家？');
    expect(html).toContain('楼主');
    expect(html).toContain('<blockquote');
    expect(html).toContain('已被审核隐藏 — 垃圾信息：广告');
    expect(html, 'the hidden text is not on the page').not.toContain('打车');
    expect(html).toContain('id="reply-form"');
    expect(html).toContain(`data-agree="/api/v1/forum/threads/${thread.id}/agree"`);
    expect(html).toMatch(/<script type="module" src="[^"]+"|data-app="forum"/);
  });

  it('answers 404 for a thread that does not exist and 422 for a bad cursor, as pages', async () => {
    expect((await page('/forum/threads/12345')).res.status).toBe(404);
    expect((await page('/forum/threads/abc')).res.status).toBe(404);
    const bad = await page('/forum?cursor=%%%');
    expect(bad.res.status).toBeGreaterThanOrEqual(400);
    expect(bad.res.status).toBeLessThan(500);
  });

  it('shows an open survey as a form, and after the close its results with suppressed cells', async () => {
    const id = await publishedSurvey(h);
    const open = await page(`/surveys/${id}`);
    expect(open.res.status).toBe(200);
    expect(open.html).toContain('id="survey-form"');
    expect(open.html).toContain('通勤班车准点吗？');
    expect(open.html).toContain('结果将在调查结束后公布');
    expect((await page('/surveys')).html).toContain(`/surveys/${id}`);

    const codes = await h.codes(10);
    const [a, b] = [await deptId(h, 'canteen'), await deptId(h, 'commuter-bus')];
    for (const [i, code] of codes.entries()) {
      const body = { departmentId: i < 5 ? a : b, answers: [i % 2, [0, 2], 4, null] };
      const res = await answer(h, id, await surveyToken(h, id, code), body);
      expect(res.status, await res.clone().text()).toBe(201);
    }
    h.clock.advance(8 * DAY);
    const closed = await page(`/surveys/${id}`);
    expect(closed.html).not.toContain('id="survey-form"');
    expect(closed.html).toContain('共 10 份回答');
    // two departments of 5: their rows show, and every cell under 5 is shown as suppressed
    expect(closed.html).toContain('按部门');
    expect(closed.html).toContain('已隐藏（少于 5 份）');
    expect(closed.html).toContain('职工食堂');
    expect(closed.html).toContain('<table');
    expect((await page('/surveys/999999')).res.status).toBe(404);
  });

  it('shows the log checkpoint, recent entries and the verify command', async () => {
    const { res, html } = await page('/log');
    expect(res.status).toBe(200);
    expect(html).toContain('verify-log --url');
    expect(html).toMatch(/<code class="hash">[0-9a-f]{64}<\/code>/);
  });

  it('puts the follow-up actions on an appeal page, and links every section in the nav', async () => {
    const { id } = await store(h, { title: '食堂', body: '太咸', category: 'commuting' });
    const { html } = await page(`/appeals/${id}`);
    expect(html).toContain(`data-appeal-id="${id}"`);
    expect(html).toContain('id="cosign-form"');
    expect(html).toContain('data-action="withdraw"');
    expect(html).toContain('<noscript>');
    for (const path of ['/forum', '/surveys', '/log', '/explainers', '/ratings'])
      expect(html).toContain(`href="${path}"`);
  });
});
