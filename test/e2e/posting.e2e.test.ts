import { mkdirSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, SHOTS, startE2e, watchedPage } from './e2e-harness.js';

type E2e = Awaited<ReturnType<typeof startE2e>>;

/**
 * A worker on a phone: enrolls with a code (the wallet blinds and finalizes a batch of tokens in the
 * browser), writes an appeal, is warned about identifying details, previews, sends, keeps the receipt.
 */
describe('posting from a phone', () => {
  let e: E2e;
  let context: BrowserContext;
  const title = '夜班后没有通勤车';
  const body = '我叫张三，工号 123456，电话 13812345678。\n夜班 2 点下班，只能打车回家。';

  beforeAll(async () => {
    e = await startE2e();
    context = await e.browser.newContext(PHONE);
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await e?.close();
  });

  it('enrolls with a code and receives a batch of tokens into IndexedDB', async () => {
    const [code] = (await e.h.codes(1)) as [string];
    const { page, expectClean } = await watchedPage(context);
    await page.goto(`${e.origin}/wallet`);
    await expect.poll(() => page.locator('#stock').textContent()).toContain('本机还没有登记');
    await page.getByLabel('登记码').fill(code.toLowerCase());
    await page.getByRole('button', { name: '登记并领取凭证' }).click();
    await expect
      .poll(() => page.locator('#stock').textContent(), { timeout: 60_000 })
      .toBe('可用凭证：10 枚');
    await expect.poll(() => page.locator('#wallet-note').textContent()).toBe('登记成功，已领取 10 枚凭证。');
    const stored = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('zhitong-wallet');
          open.onsuccess = () => {
            const req = open.result.transaction('tokens').objectStore('tokens').getAll();
            req.onsuccess = () => resolve(req.result.map((t: { header: string }) => t.header));
          };
        }),
    );
    expect(stored).toHaveLength(10);
    for (const header of stored) expect(header).toMatch(/^PrivateToken token="[A-Za-z0-9_-]+"$/);
    expect(new Set(stored).size).toBe(10);
    expect(await context.cookies(), 'anonymous pages set no cookie').toEqual([]);
    expectClean();
    await page.close();
  });

  it('walks category → write → identifying-details hint → preview → send, and shows the receipt', async () => {
    const { page, expectClean } = await watchedPage(context);
    await page.goto(`${e.origin}/post`);
    await expect.poll(() => page.locator('#wallet-status').textContent()).toBe('可用凭证：10 枚');
    await page.getByRole('button', { name: '下一步' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('请选择一个类别。');
    await page.getByLabel('通勤班车').check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('内容').fill(body);
    await page.locator('[data-step="write"]').getByRole('button', { name: '下一步' }).click();

    const hints = page.locator('#hint-findings li');
    await expect.poll(() => hints.count()).toBeGreaterThanOrEqual(3);
    const found = (await hints.allTextContents()).join('\n');
    for (const part of ['姓名：', '我叫张三', '电话号码：', '13812345678', '工号或长数字：', '123456']) {
      expect(found, found).toContain(part);
    }
    await page.screenshot({ path: `${SHOTS}/post-hint.png`, fullPage: true });

    await page.locator('[data-step="check"]').getByRole('button', { name: '下一步' }).click();
    expect(await page.locator('#preview-title').textContent()).toBe(title);
    expect(await page.locator('#preview-body').textContent()).toBe(body);
    expect(await page.locator('#preview-category').textContent()).toBe('通勤班车');
    await page.getByRole('button', { name: '匿名发出' }).click();

    await expect.poll(() => page.locator('#post-done').isVisible(), { timeout: 30_000 }).toBe(true);
    const receipt = (await page.locator('#done-receipt').textContent()) ?? '';
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    expect(await page.locator('#done-pseudonym').textContent()).toMatch(/^职工·[0-9A-Z]{4}$/);
    await page.screenshot({ path: `${SHOTS}/post-done.png`, fullPage: true });

    await page.getByRole('link', { name: '查看帖子' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('.appeal-body').textContent()).toBe(body);
    expectClean();

    // "my posts" on the phone keeps the receipt; one token was spent
    await page.goto(`${e.origin}/wallet`);
    await expect.poll(() => page.locator('#stock').textContent()).toBe('可用凭证：9 枚');
    await expect.poll(() => page.locator('#my-posts li a').textContent()).toBe(title);
    expect(await page.locator('#my-posts code.receipt').textContent()).toBe(receipt);
    await page.getByRole('button', { name: '显示备份码' }).click();
    await expect.poll(() => page.locator('#backup-code').textContent()).toContain(receipt);
    expect(await context.cookies()).toEqual([]);
    expectClean();
  });

  it('keeps a draft on the phone when the page is left half-written', async () => {
    const { page, expectClean } = await watchedPage(context);
    await page.goto(`${e.origin}/post`);
    await page.getByLabel('食堂餐饮').check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('标题').fill('草稿标题');
    await page.waitForTimeout(800);
    await page.reload();
    await page.getByRole('button', { name: '下一步' }).click();
    expect(await page.getByLabel('标题').inputValue()).toBe('草稿标题');
    expectClean();
  });
});
