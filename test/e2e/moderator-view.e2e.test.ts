import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { store } from '../features/appeals/appeals-fixture.js';
import { flagAppeals } from '../features/console/console-fixture.js';
import { startE2e, watchedPage } from './e2e-harness.js';

type E2e = Awaited<ReturnType<typeof startE2e>>;

// what a worker might post to attack the moderators who review it; each would set a flag, open a
// dialog, fetch a foreign URL or restyle the page if it were ever interpreted
const hostile: { title: string; body: string }[] = [
  { title: '<script>window.__pwned=1</script>工资', body: '<script>alert(1)</script>' },
  {
    title: '<img src=x onerror="window.__pwned=2">',
    body: '<img src="https://evil.example/p.gif" onerror=alert(2)>',
  },
  { title: '<svg onload="window.__pwned=3">', body: '"><svg/onload=alert(3)><body onload=alert(3)>' },
  {
    title: '<a href="javascript:window.__pwned=4">补贴领取</a>',
    body: 'javascript:alert(4) [点我](javascript:alert(4))',
  },
  {
    title: '<style>body{display:none}</style>样式',
    body: '<div style="position:fixed;inset:0;background:url(https://evil.example/x)">覆盖</div><link rel=stylesheet href=https://evil.example/s.css>',
  },
  {
    title: '\u202Eexe.资工\u202C 右到左覆盖',
    body: '\u2067مرحبا\u2069 \u202Dleft\u202C \u202Eright-to-left\n后面的文字',
  },
  {
    title: '</textarea></form><form action=https://evil.example>',
    body: '<iframe src="javascript:alert(6)"></iframe><meta http-equiv=refresh content="0;url=https://evil.example">',
  },
  {
    title: "{{constructor.constructor('window.__pwned=7')()}}",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, meant literally
    body: '${alert(7)} &lt;b&gt; &#60;script&#62;',
  },
];

async function expectNothingRan(page: Page, foreign: string[]) {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: number }).__pwned,
    csp: (window as unknown as { __csp: string[] }).__csp,
    scripts: document.querySelectorAll('script').length,
    handlers: document.querySelectorAll(
      'main [onerror], main [onload], main iframe, main style, main img, main [style]',
    ).length,
    jsLinks: document.querySelectorAll('a[href^="javascript:" i], form[action^="https://evil" i]').length,
    bodyShown: getComputedStyle(document.body).display !== 'none',
  }));
  expect(state).toEqual({ pwned: undefined, csp: [], scripts: 0, handlers: 0, jsLinks: 0, bodyShown: true });
  expect(foreign, 'requests outside our origin').toEqual([]);
}

/** Issue #5: the moderation queue shows hostile worker text as text, in real Chromium, and hiding works. */
describe('moderator view in Chromium', () => {
  let e: E2e;
  let context: BrowserContext;
  const ids: number[] = [];

  beforeAll(async () => {
    e = await startE2e();
    for (const a of hostile) ids.push((await store(e.h, { ...a, category: 'pay' })).id);
    await flagAppeals(e.h, ids);
    context = await e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (ev) => w.__csp.push(ev.violatedDirective));
    });
  });
  afterAll(async () => {
    await context?.close();
    await e?.close();
  });

  it('renders every hostile title and body literally, runs nothing, and hides one leaving a public tombstone', async () => {
    const { page, expectClean } = await watchedPage(context);
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(e.origin)) foreign.push(r.url());
    });
    const who = await e.h.createStaff({ role: 'moderator' });
    await page.goto(`${e.origin}/staff/sign-in`);
    await page.getByLabel('用户名').fill(who.username);
    await page.getByLabel('密码', { exact: true }).fill(who.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/staff\/moderation$/);

    for (const [i, a] of hostile.entries()) {
      const card = page.locator(`#item-appeal-${ids[i]}`);
      const texts = await card.locator('.user-text').allTextContents();
      expect(texts, a.title).toEqual([a.title, a.body]);
      const bidi = await card
        .locator('.user-text')
        .first()
        .evaluate((n) => [n.getAttribute('dir'), getComputedStyle(n).unicodeBidi]);
      expect(bidi, 'direction isolated').toEqual(['auto', 'plaintext']);
    }
    await expectNothingRan(page, foreign);

    const target = page.locator(`#item-appeal-${ids[0]}`);
    const hide = target.locator('form', { has: page.locator('select[name=reason]') });
    await hide.getByLabel('隐藏原因').selectOption('personal-attack');
    await hide.getByLabel('说明（公开）').fill('含攻击性代码');
    await hide.getByRole('button', { name: '隐藏' }).click();
    await page.waitForURL(/done=1/);
    expect(await page.getByRole('status').textContent()).toContain('已处理并记入公开日志');
    await expectNothingRan(page, foreign);

    await page.goto(`${e.origin}/appeals/${ids[0]}`);
    const heading = await page.locator('h1').textContent();
    expect(heading).toContain('已被审核隐藏');
    expect(heading).toContain('含攻击性代码');
    expect(await page.content()).not.toContain('window.__pwned=1');
    expectClean();
  });
});
