/** The server and browser for end-to-end runs, with no test-runner import (the screenshots script uses it). */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Browser, type BrowserContextOptions, chromium } from 'playwright-core';
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
  mkdirSync(SHOTS, { recursive: true });
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
