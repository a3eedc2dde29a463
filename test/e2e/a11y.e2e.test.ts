import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, startE2e, watchedPage } from './e2e-harness.js';
import { mainPages } from './main-pages.js';

type E2e = Awaited<ReturnType<typeof startE2e>>;
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

// evaluated through the DevTools protocol, so the page's strict CSP stays as it is in production
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core in Chromium on every main page, in both languages: no serious or critical violation. */
describe('accessibility of the main pages', () => {
  let e: E2e;
  let context: BrowserContext;
  let pages: Record<string, string>;

  beforeAll(async () => {
    e = await startE2e();
    context = await e.browser.newContext(PHONE);
    pages = await mainPages(e.h);
  });
  afterAll(async () => {
    await context?.close();
    await e?.close();
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`has no serious or critical axe violations (${lang})`, async () => {
      const { page, expectClean } = await watchedPage(context);
      const found: string[] = [];
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(`${e.origin}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        await page.waitForLoadState('networkidle');
        await page.evaluate(AXE);
        const violations = await page.evaluate(async () => {
          const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
          return (await axe.run()).violations;
        });
        for (const v of violations)
          if (v.impact === 'serious' || v.impact === 'critical')
            found.push(
              `${name} ${path}: ${v.id} (${v.impact}) ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
      }
      expect(found).toEqual([]);
      expectClean();
      await page.close();
    });
  }
});
