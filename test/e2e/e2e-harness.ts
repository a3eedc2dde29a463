import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { buildClientBundle } from '../../src/features/web/client-build.node.js';
import type { ClientBundle } from '../../src/features/web/index.js';
import { createHarness, type Harness } from '../helpers/harness.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where screenshots go (outside the repository). */
export const SHOTS = '/tmp/zhitong-e2e';

/** A cheap phone held upright. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};

let bundle: Promise<ClientBundle> | undefined;

/**
 * The real app (fresh libSQL file, demo bureau, manual clock) served by @hono/node-server on 127.0.0.1
 * with the browser bundle, PUBLIC_ORIGIN set to where it listens, and a headless Chromium.
 */
export async function startE2e(): Promise<{
  h: Harness;
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}> {
  bundle ??= buildClientBundle();
  let app: App | undefined;
  const server = serve({ fetch: (req) => app!.fetch(req), hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const h = await createHarness({ env: { PUBLIC_ORIGIN: origin }, clientBundle: await bundle });
  app = h.app;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    h,
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      h.close();
    },
  };
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
