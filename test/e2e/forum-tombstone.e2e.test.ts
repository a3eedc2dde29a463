import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { moderatedTypes } from '../../src/features/moderation/index.js';
import { fetchTokens } from '../helpers/wallet.js';
import { type E2e, onPhone, SHOTS, watchedPage } from './e2e-harness.js';
import { staffJson } from './staff-session.js';
import { enrollInBrowser } from './worker-phone.js';

// moderation must know forum replies before one can be flagged and hidden
const forumModerated = (moderatedTypes as readonly string[]).includes('forum_reply');

/** The forum from a phone: start a thread and reply under the same name; a hidden reply shows as a tombstone. */
describe('forum in the browser', () => {
  let e: E2e;
  let context: BrowserContext;
  let threadId: number;
  let replyId: number;

  onPhone((s) => ({ e, context } = s));

  it('starts a thread, replies under the starter’s name and agrees, each spending a token', async () => {
    const { page, expectClean } = await watchedPage(context);
    await enrollInBrowser(page, e.origin, (await e.h.codes(1))[0]!);
    await page.goto(`${e.origin}/forum`);
    await page.getByLabel('标题').fill('夜班后怎么回家？');
    await page.getByLabel('内容').fill('有没有拼车的？');
    await page.getByRole('button', { name: '匿名发布' }).click();
    await page.waitForURL(/\/forum\/threads\/\d+/, { timeout: 30_000 });
    threadId = Number(/threads\/(\d+)/.exec(page.url())?.[1]);
    await expect.poll(() => page.locator('h1').textContent()).toBe('夜班后怎么回家？');

    await page.getByLabel('回复内容').fill('我先说：我骑电动车。');
    await page.getByRole('button', { name: '匿名发布' }).click();
    await expect
      .poll(() => page.locator('#forum-status').textContent(), { timeout: 30_000 })
      .toMatch(/已发送/);
    await page.reload();
    const reply = page.locator('ol.replies > li').first();
    await expect.poll(() => reply.textContent()).toContain('我先说：我骑电动车。');
    expect(await reply.locator('.badge').textContent(), 'the starter is marked on the reply').toContain(
      '楼主',
    );
    replyId = Number((await reply.getAttribute('id'))?.replace('reply-', ''));
    await reply.getByRole('button', { name: '赞同（0）' }).click();
    await expect
      .poll(() => page.locator('#forum-status').textContent(), { timeout: 30_000 })
      .toBe('已赞同。');
    await page.reload();
    await expect.poll(() => reply.getByRole('button', { name: '赞同（1）' }).count()).toBe(1);
    await page.goto(`${e.origin}/wallet`);
    await expect.poll(() => page.locator('#stock').textContent()).toBe('可用凭证：7 枚');
    expectClean();
  });

  it.skipIf(!forumModerated)('shows a reply hidden by a moderator as a tombstone', async () => {
    const [token] = await fetchTokens(e.h.request, (await e.h.codes(1))[0]!, 1);
    const flag = await e.h.postJson(
      '/api/v1/flags',
      { itemType: 'forum_reply', itemId: replyId, reason: 'spam' },
      { authorization: token! },
    );
    expect(flag.status, await flag.clone().text()).toBe(201);
    const moderator = await e.h.createStaff({ role: 'moderator' });
    const hide = await staffJson(
      e,
      moderator,
      'POST',
      `/api/v1/staff/moderation/items/forum_reply/${replyId}/hide`,
      {
        reason: 'spam',
        note: '广告内容',
      },
    );
    expect(hide.status, await hide.clone().text()).toBe(200);
    const { page, expectClean } = await watchedPage(context);
    await page.goto(`${e.origin}/forum/threads/${threadId}`);
    const tombstone = page.locator(`#reply-${replyId} .tombstone`);
    await expect
      .poll(() => tombstone.textContent())
      .toMatch(/^已被审核隐藏 — 垃圾信息：广告内容 — \d{4}-\d{2}-\d{2} — 审核员$/);
    expect(await page.content()).not.toContain('我先说：我骑电动车。');
    await page.screenshot({ path: `${SHOTS}/forum-tombstone.png`, fullPage: true });
    expectClean();
  });
});
