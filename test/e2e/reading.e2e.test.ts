import { mkdirSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAppeals } from '../../db/seed/demo-appeals.js';
import { PHONE, SHOTS, startE2e, watchedPage } from './e2e-harness.js';

type E2e = Awaited<ReturnType<typeof startE2e>>;

/** Reading needs no JavaScript: lists, filters, pages of results, an appeal, statistics, both languages. */
describe('reading with JavaScript disabled', () => {
  let e: E2e;
  let noJs: BrowserContext;

  beforeAll(async () => {
    e = await startE2e();
    // the demo bureau's appeals, lived through answers, promises, deadlines and verdicts
    await seedDemoAppeals(e.h.db, e.h.clock.now());
    noJs = await e.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await noJs?.close();
    await e?.close();
  });

  it('home → list → filters → next page → an appeal with answers and timeline, in Chinese', async () => {
    const { page, expectClean } = await watchedPage(noJs);
    await page.goto(`${e.origin}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toBe('说出你的问题，责任部门公开答复');
    expect(await page.locator('section[aria-labelledby="answered-h"] .card').count()).toBeGreaterThan(0);
    expect(await page.locator('section[aria-labelledby="overdue-h"] .card').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/home-zh.png`, fullPage: true });

    await page.getByRole('link', { name: '浏览全部诉求' }).click();
    expect(await page.locator('.card').count()).toBe(20);
    const firstPage = await page.locator('.card h3').allTextContents();
    await page.getByRole('link', { name: /下一页/ }).click();
    const secondPage = await page.locator('.card h3').allTextContents();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((t) => firstPage.includes(t))).toEqual([]);
    await page.getByRole('link', { name: '回到第一页' }).click();
    expect(await page.locator('.card h3').allTextContents()).toEqual(firstPage);

    await page.getByLabel('状态').selectOption('answered');
    await page.getByRole('button', { name: '筛选' }).click();
    expect(new URL(page.url()).searchParams.get('status')).toBe('answered');
    const badges = await page.locator('.card .badge:first-child').allTextContents();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['已答复']));

    await page.goto(`${e.origin}/appeals`);
    await page.getByLabel('搜索').fill('班车');
    await page.getByRole('button', { name: '筛选' }).click();
    const found = await page.locator('.card').allTextContents();
    expect(found.length).toBeGreaterThan(0);
    for (const card of found) expect(card).toContain('班车');

    const response = await page.goto(`${e.origin}/appeals?q=${encodeURIComponent('班')}`);
    expect(response?.status()).toBe(422);
    expect(await page.getByRole('alert').textContent()).toContain('搜索词需要 2 到 100 个字。');

    await page.goto(`${e.origin}/appeals?status=closed`);
    await page.locator('.card h3 a').first().click();
    expect(await page.locator('.answer').count()).toBeGreaterThan(0);
    expect(await page.locator('.timeline li').count()).toBeGreaterThan(1);
    await page.screenshot({ path: `${SHOTS}/appeal-zh.png`, fullPage: true });

    const stats = await page.goto(`${e.origin}/stats`);
    expect(stats?.status()).toBe(200);
    expect(await page.locator('table').count()).toBe(2);
    expect(await noJs.cookies()).toEqual([]);
    // the one refusal this test asked for
    expectClean([/status of 422/]);
  });

  it('posting says plainly that it needs JavaScript, and why', async () => {
    const { page } = await watchedPage(noJs);
    await page.goto(`${e.origin}/post`);
    expect(await page.locator('#post-app').isHidden()).toBe(true);
    expect(await page.locator('main').textContent()).toContain('发帖需要启用 JavaScript');
  });

  it('switches to English by link (kept on every link, no cookie) and by Accept-Language', async () => {
    const { page, expectClean } = await watchedPage(noJs);
    await page.goto(`${e.origin}/appeals`);
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('All appeals');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Public statistics');
    await page.getByRole('link', { name: '中文' }).click();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await noJs.cookies()).toEqual([]);
    expectClean();

    const english = await e.browser.newContext({ ...PHONE, locale: 'en-GB', javaScriptEnabled: false });
    const en = await english.newPage();
    await en.goto(`${e.origin}/`);
    expect(await en.getAttribute('html', 'lang')).toBe('en');
    expect(await en.locator('h1').textContent()).toContain('Say what the problem is');
    await en.screenshot({ path: `${SHOTS}/home-en.png`, fullPage: true });
    await english.close();
  });

  it('is one column on a phone and two on a desk', async () => {
    const desk = await e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    for (const [context, sideBySide] of [
      [noJs, false],
      [desk, true],
    ] as const) {
      const page = await context.newPage();
      await page.goto(`${e.origin}/appeals`);
      const form = (await page.locator('form.filters').boundingBox())!;
      const results = (await page.locator('section[aria-labelledby="results-h"]').boundingBox())!;
      expect(results.x > form.x + form.width - 1, `side by side at ${page.viewportSize()?.width}px`).toBe(
        sideBySide,
      );
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow, 'no horizontal scrolling').toBe(false);
      await page.close();
    }
    await desk.close();
  });
});
