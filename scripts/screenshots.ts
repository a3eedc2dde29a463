/**
 * `npm run screenshots`: starts the app with demo content (as the e2e tests do), opens every main page in
 * headless Chromium on a 360×740 phone, in Chinese and English, and writes full-page PNGs to screenshots/
 * (gitignored). CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PHONE, startE2e } from '../test/e2e/e2e-server.js';
import { mainPages } from '../test/e2e/main-pages.js';

const OUT = join(import.meta.dirname, '..', 'screenshots');

const e = await startE2e();
try {
  mkdirSync(OUT, { recursive: true });
  const pages = await mainPages(e.h);
  for (const lang of ['zh', 'en'] as const) {
    const context = await e.browser.newContext({ ...PHONE, locale: lang === 'zh' ? 'zh-CN' : 'en' });
    const page = await context.newPage();
    for (const [name, path] of Object.entries(pages)) {
      await page.goto(`${e.origin}${path}?lang=${lang}`);
      await page.waitForLoadState('networkidle');
      const file = join(OUT, `${name}.${lang}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await e.close();
}
