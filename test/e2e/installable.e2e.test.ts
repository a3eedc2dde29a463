import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, startE2e, watchedPage } from './e2e-harness.js';

type E2e = Awaited<ReturnType<typeof startE2e>>;

/** The app can go on the home screen, and without a network a page shows the offline page. */
describe('installable web app', () => {
  let e: E2e;
  beforeAll(async () => {
    e = await startE2e();
  });
  afterAll(async () => {
    await e?.close();
  });

  it('has a manifest Chromium accepts and a service worker that shows the offline page', async () => {
    const context = await e.browser.newContext(PHONE);
    const { page, expectClean } = await watchedPage(context);
    await page.goto(`${e.origin}/wallet`);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${e.origin}/`);

    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(manifest.url).toBe(`${e.origin}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    // a Playwright context is an incognito profile, where Chromium never installs; nothing else may be missing
    expect(installabilityErrors.map((x) => x.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

    await context.setOffline(true);
    await page.goto(`${e.origin}/appeals`);
    expect(await page.locator('h1').textContent()).toBe('无网络连接');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('WenQuanYi');
    await context.setOffline(false);
    // Chromium reports the failed network fetch the worker fell back from
    expectClean([/ERR_INTERNET_DISCONNECTED|Failed to fetch/]);
    await context.close();
  });
});
