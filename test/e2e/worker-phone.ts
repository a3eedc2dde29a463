import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Enrolls the browser's wallet with a code on /wallet and waits for the first batch of tokens. */
export async function enrollInBrowser(page: Page, origin: string, code: string) {
  await page.goto(`${origin}/wallet`);
  await page.getByLabel('登记码').fill(code);
  await page.getByRole('button', { name: '登记并领取凭证' }).click();
  await expect.poll(() => page.locator('#stock').textContent(), { timeout: 60_000 }).toBe('可用凭证：10 枚');
}

/** Posts an appeal through the posting flow (category by its label) and returns id and receipt. */
export async function postInBrowser(
  page: Page,
  origin: string,
  appeal: { category: string; title: string; body: string },
) {
  await page.goto(`${origin}/post`);
  await page.getByLabel(appeal.category).check();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('标题').fill(appeal.title);
  await page.getByLabel('内容').fill(appeal.body);
  await page.locator('[data-step="write"]').getByRole('button', { name: '下一步' }).click();
  await page.locator('[data-step="check"]').getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '匿名发出' }).click();
  return shownReceipt(page);
}

/** Waits for the receipt section a post or a question ends with; returns the new appeal's id and receipt. */
export async function shownReceipt(page: Page) {
  await expect.poll(() => page.locator('#post-done').isVisible(), { timeout: 30_000 }).toBe(true);
  const receipt = (await page.locator('#done-receipt').textContent()) ?? '';
  const href = (await page.locator('#done-link').getAttribute('href')) ?? '';
  return { id: Number(/\/appeals\/(\d+)/.exec(href)?.[1]), receipt };
}
