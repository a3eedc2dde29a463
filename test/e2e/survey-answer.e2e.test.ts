import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { publishedSurvey } from '../features/surveys/survey-phone.js';
import { type E2e, onPhone, SHOTS, watchedPage } from './e2e-harness.js';
import { enrollInBrowser } from './worker-phone.js';

/** A worker answers a survey from the phone with the survey's own token; a second answer is refused. */
describe('answering a survey in the browser', () => {
  let e: E2e;
  let context: BrowserContext;

  onPhone((s) => ({ e, context } = s));

  it('answers once with the enrolled code, and cannot answer twice', async () => {
    const id = await publishedSurvey(e.h);
    const { page, expectClean } = await watchedPage(context);
    await enrollInBrowser(page, e.origin, (await e.h.codes(1))[0]!);
    await page.goto(`${e.origin}/surveys/${id}`);
    await expect.poll(() => page.locator('#survey-form').isVisible()).toBe(true);
    expect(await page.locator('#survey-code-field').isHidden(), 'the wallet already has the code').toBe(true);
    await page.getByLabel('偶尔晚点').check();
    await page.getByLabel('夜班').check();
    await page.getByLabel('4', { exact: true }).check();
    await page.getByLabel('其他建议').fill('希望增加夜班车次');
    await page.getByRole('button', { name: '匿名提交回答' }).click();
    await expect
      .poll(() => page.locator('#survey-status').textContent(), { timeout: 30_000 })
      .toContain('已提交');
    await page.screenshot({ path: `${SHOTS}/survey-answered.png`, fullPage: true });

    await page.reload();
    await page.getByLabel('准点').check();
    await page.getByRole('button', { name: '匿名提交回答' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 }).toContain('已领取过');
    expectClean([/status of 429/]);
  });
});
