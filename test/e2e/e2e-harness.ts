import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

export { CHROMIUM, PHONE, SHOTS, startE2e } from './e2e-server.js';

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
