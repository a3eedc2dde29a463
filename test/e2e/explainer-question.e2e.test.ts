import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/platform/clock.js';
import { categoryId, deptId } from '../features/appeals/appeals-fixture.js';
import { type E2e, onPhone, PHONE, SHOTS, watchedPage } from './e2e-harness.js';
import { staffJson } from './staff-session.js';
import { enrollInBrowser, shownReceipt } from './worker-phone.js';

/** A worker asks under a policy explainer from the phone; the question is an appeal listed under it. */
describe('asking a question under an explainer in the browser', () => {
  let e: E2e;
  let context: BrowserContext;
  let explainerId: number;

  onPhone((s) => ({ e, context } = s));

  it('spends a token, shows the receipt, keeps it under my posts, and lists the question once published', async () => {
    const housing = await deptId(e.h, 'housing');
    const responder = await e.h.createStaff({ role: 'responder', departmentIds: [housing] });
    const published = await staffJson(e, responder, 'POST', '/api/v1/staff/explainers', {
      title: '单身公寓租金调整解读',
      summary: '租金按面积分档，老职工不变。',
      body: '## 标准\n\n每平方米 **8 元**。',
      effectiveOn: '2026-03-01',
      categoryIds: [await categoryId(e.h, 'housing')],
      departmentId: housing,
    });
    expect(published.status, await published.clone().text()).toBe(201);
    const { id } = (await published.json()) as { id: number };
    explainerId = id;

    const { page, expectClean } = await watchedPage(context);
    await page.goto(`${e.origin}/explainers/${id}`);
    expect(await page.locator('#question-form').isVisible(), 'the bundle shows the form').toBe(true);
    await enrollInBrowser(page, e.origin, (await e.h.codes(1))[0]!);
    await page.goto(`${e.origin}/explainers/${id}`);
    const title = '租金分档按建筑面积还是使用面积？';
    await page.getByLabel('问题标题').fill(title);
    await page.getByLabel('问题内容').fill('通知里没有写清楚按哪种面积计算。');
    await page.getByRole('button', { name: '匿名提问' }).click();
    const { id: appealId, receipt } = await shownReceipt(page);
    expect(await page.locator('#question-form').isHidden()).toBe(true);
    expect(receipt.length).toBeGreaterThan(10);
    expect(appealId).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/explainer-question.png`, fullPage: true });

    await page.goto(`${e.origin}/wallet`);
    await expect.poll(() => page.locator('#my-posts').textContent()).toContain(title);
    expect(await page.locator('#stock').textContent()).toBe('可用凭证：9 枚');

    e.h.clock.advance(DAY);
    await page.goto(`${e.origin}/explainers/${id}`);
    const link = page.locator(`a[href^="/appeals/${appealId}"]`);
    expect(await link.textContent()).toContain(title);
    await link.click();
    await page.waitForURL(`**/appeals/${appealId}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(title);
    expectClean();
  });

  it('without JavaScript the page says asking needs the wallet, and shows no form', async () => {
    const plain = await e.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    try {
      const page = await plain.newPage();
      await page.goto(`${e.origin}/explainers/${explainerId}`);
      // Chromium parses <noscript> as text even with scripts turned off, so read it rather than look
      expect(await page.locator('section[aria-labelledby="ask-h"] noscript').textContent()).toContain(
        '提问要用本机钱包里的匿名凭证',
      );
      expect(await page.locator('#question-form').isHidden()).toBe(true);
    } finally {
      await plain.close();
    }
  });
});
