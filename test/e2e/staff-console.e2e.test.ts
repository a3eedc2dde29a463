import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../src/platform/clock.js';
import { row, store } from '../features/appeals/appeals-fixture.js';
import { startE2e, watchedPage } from './e2e-harness.js';

type E2e = Awaited<ReturnType<typeof startE2e>>;

/** Issue #8: a responder signs in through the console's form and answers an appeal with a commitment. */
describe('staff console in Chromium', () => {
  let e: E2e;
  let context: BrowserContext;
  let appealId: number;
  let who: { username: string; password: string };

  beforeAll(async () => {
    e = await startE2e();
    ({ id: appealId } = await store(e.h, {
      title: '车间更衣室没有暖气',
      body: '冬天换衣服太冷，请尽快修好暖气。',
      category: 'pay',
    }));
    const dept = (await row(e.h, appealId)).departmentId!;
    who = await e.h.createStaff({ role: 'responder', departmentIds: [dept] });
    context = await e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  });
  afterAll(async () => {
    await context?.close();
    await e?.close();
  });

  it('a responder signs in, answers with a commitment, and the public page shows both', async () => {
    const { page, expectClean } = await watchedPage(context);
    await page.goto(`${e.origin}/staff/queue`);
    expect(new URL(page.url()).pathname, 'no session: the sign-in page').toBe('/staff/sign-in');

    await page.getByLabel('用户名').fill(who.username);
    await page.getByLabel('密码', { exact: true }).fill(who.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/staff\/queue$/);
    const row = page.locator('tr', { hasText: '车间更衣室没有暖气' });
    await row.getByRole('link').click();
    await page.waitForURL(new RegExp(`/staff/appeals/${appealId}$`));

    const due = new Date(e.h.clock.now() + 20 * DAY + 8 * HOUR).toISOString().slice(0, 10);
    const form = page.locator('form', { has: page.locator('input[name=kind][value=solvable]') });
    await form.getByLabel('具体措施').fill('本周内更换更衣室暖气片');
    await form.getByLabel('完成日期（公开承诺）').fill(due);
    await form.getByRole('button', { name: '公开发布答复' }).click();
    await page.waitForURL(/done=answered/);
    expect(await page.getByRole('status').textContent()).toContain('答复已公开发布');

    await page.goto(`${e.origin}/appeals/${appealId}`);
    const answer = page.locator('.answer');
    expect(await answer.textContent()).toContain('本周内更换更衣室暖气片');
    const [y, m, d] = due.split('-').map(Number);
    expect(await answer.textContent()).toContain(`承诺于 ${y}年${m}月${d}日 前完成`);
    expectClean();
  });
});
