import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { PHONE, startE2e } from './e2e-server.js';

export { CHROMIUM, PHONE, SHOTS, startE2e } from './e2e-server.js';

export type E2e = Awaited<ReturnType<typeof startE2e>>;

/**
 * One app, one Chromium and one phone context for the tests of a `describe`, closed after them.
 * @example let e: E2e; let context: BrowserContext; onPhone((s) => ({ e, context } = s));
 */
export function onPhone(set: (s: { e: E2e; context: BrowserContext }) => void) {
  let s: { e: E2e; context: BrowserContext } | undefined;
  beforeAll(async () => {
    const e = await startE2e();
    s = { e, context: await e.browser.newContext(PHONE) };
    set(s);
  });
  afterAll(async () => {
    await s?.context.close();
    await s?.e.close();
  });
}

/**
 * A page that records what must never happen: console errors (CSP violations land there), uncaught
 * exceptions and dialogs (an injected `alert` would open one). `expectClean()` asserts none happened.
 */
export async function watchedPage(
  context: BrowserContext,
): Promise<{ page: Page; problems: string[]; expectClean(allowed?: RegExp[]): void }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  return {
    page,
    problems,
    expectClean: (allowed = []) =>
      expect(problems.filter((p) => !allowed.some((re) => re.test(p)))).toEqual([]),
  };
}
