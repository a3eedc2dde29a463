import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealAnswers } from '../../db/schema/index.js';
import { store } from '../features/appeals/appeals-fixture.js';
import { PHONE, startE2e, watchedPage } from './e2e-harness.js';

type E2e = Awaited<ReturnType<typeof startE2e>>;

// each payload, if it ever ran, would set a window flag, open a dialog or log an error
const corpus: { title: string; body: string }[] = [
  { title: '<script>window.__xss=1</script>', body: '<script>alert(1)</script>\n第二行' },
  { title: '<img src=x onerror="window.__xss=2">', body: '<img src=x onerror=alert(2)>' },
  { title: '"><svg onload=window.__xss=3>', body: '\'"><svg/onload=alert(3)>' },
  {
    title: '<a href="javascript:window.__xss=4">点我</a>',
    body: '[链接](javascript:alert(4)) javascript:alert(4)',
  },
  {
    title: '</textarea></title><script>window.__xss=5</script>',
    body: '</div></main><script>alert(5)</script>',
  },
  {
    title: '\u202E工资 gpj.exe\u202C 下一段',
    body: '\u2067مرحبا\u2069 \u202Dleft\u202C \u202Eright-to-left override\n后面的文字',
  },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, meant literally
  { title: "{{constructor.constructor('window.__xss=7')()}}", body: '${alert(7)} {{7*7}}' },
  { title: '<style>body{display:none}</style>样式', body: '<iframe src="javascript:alert(8)"></iframe>' },
  { title: '&lt;script&gt; &amp; &quot;', body: '&#60;script&#62;alert(9)&#60;/script&#62;' },
  { title: '零宽\u200B字符\u200D与换行', body: '  前导空格\n\n\t制表符 <b>不加粗</b>  ' },
];

async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  const injected = await page.evaluate(() => ({
    scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src')),
    handlers: document.querySelectorAll(
      'main [onerror], main [onload], main iframe, main style, main svg:not(.chart)',
    ).length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
  }));
  for (const src of injected.scripts)
    expect(src, 'only our own bundle may be a script').toMatch(/^\/assets\/app\.[A-Z0-9]+\.js$/);
  expect(injected.handlers).toBe(0);
  expect(injected.jsLinks).toBe(0);
}

/** Worker text is shown exactly as written and never runs: detail, list, and the posting preview. */
describe('hostile titles and bodies render as text', () => {
  let e: E2e;
  let context: BrowserContext;
  const ids: number[] = [];

  beforeAll(async () => {
    e = await startE2e();
    for (const a of corpus) ids.push((await store(e.h, { ...a, category: 'pay' })).id);
    // an answer whose policy link is a javascript: URL (the API refuses it; the page must not trust that)
    await e.h.db.insert(appealAnswers).values({
      appealId: ids[0]!,
      round: 1,
      departmentId: 2,
      responderRole: 'responder',
      kind: 'outside_policy',
      content: {
        kind: 'outside_policy',
        explanation: '<b>按规定</b>',
        policyUrl: 'javascript:window.__xss=99',
      },
      at: e.h.clock.now(),
    });
    context = await e.browser.newContext(PHONE);
  });
  afterAll(async () => {
    await context?.close();
    await e?.close();
  });

  it('on each appeal page: the title and body verbatim, no script, no handler, no dialog', async () => {
    const { page, expectClean } = await watchedPage(context);
    for (const [i, a] of corpus.entries()) {
      await page.goto(`${e.origin}/appeals/${ids[i]}`);
      expect(await page.locator('h1').textContent()).toBe(a.title);
      expect(await page.locator('.appeal-body').textContent()).toBe(a.body);
      expect(await page.title()).toBe(`${a.title} · 直通`);
      await expectInert(page);
    }
    await page.goto(`${e.origin}/appeals/${ids[0]}`);
    expect(await page.locator('.answer').textContent()).toContain('javascript:window.__xss=99');
    expect(await page.locator('.answer').textContent()).toContain('<b>按规定</b>');
    expectClean();
  });

  it('isolates bidi overrides so they cannot reorder the text around them', async () => {
    const { page } = await watchedPage(context);
    await page.goto(`${e.origin}/appeals/${ids[5]}`);
    const styles = await page.evaluate(() => ({
      title: getComputedStyle(document.querySelector('h1 bdi')!).unicodeBidi,
      body: getComputedStyle(document.querySelector('.appeal-body')!).unicodeBidi,
      dir: document.querySelector('.appeal-body')!.getAttribute('dir'),
    }));
    expect(styles).toEqual({ title: 'isolate', body: 'plaintext', dir: 'auto' });
    await page.goto(`${e.origin}/appeals`);
    const cardTitle = page.locator('.card h3 bdi').filter({ hasText: '工资 gpj.exe' });
    expect(await cardTitle.evaluate((n) => getComputedStyle(n).unicodeBidi)).toBe('isolate');
  });

  it('on the list: every title as text, nothing runs', async () => {
    const { page, expectClean } = await watchedPage(context);
    await page.goto(`${e.origin}/appeals`);
    const titles = await page.locator('.card h3').allTextContents();
    for (const a of corpus) expect(titles).toContain(a.title);
    await expectInert(page);
    expectClean();
  });

  it('in the posting preview, built in the browser from what was typed', async () => {
    const { page, expectClean } = await watchedPage(context);
    await page.goto(`${e.origin}/post`);
    await page.getByLabel('工资待遇').check();
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByLabel('标题').fill(corpus[1]!.title);
    await page.getByLabel('内容').fill(corpus[4]!.body);
    await page.locator('[data-step="write"]').getByRole('button', { name: '下一步' }).click();
    await page.locator('[data-step="check"]').getByRole('button', { name: '下一步' }).click();
    expect(await page.locator('#preview-title').textContent()).toBe(corpus[1]!.title);
    expect(await page.locator('#preview-body').textContent()).toBe(corpus[4]!.body);
    await expectInert(page);
    expectClean();
  });
});
