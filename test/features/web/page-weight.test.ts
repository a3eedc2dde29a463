import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClientBundle } from '../../../src/features/web/client-build.node.js';
import { createHarness, type Harness } from '../../helpers/harness.js';

// the whole first load of the posting page on a slow mobile network, compressed, JavaScript included
const BUDGET_BYTES = 80 * 1024;

/** Weighs the first load of /post as sent to a phone that accepts gzip: HTML, CSS, JS, icon, manifest. */
describe('page weight of the posting page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ clientBundle: await buildClientBundle() });
  });
  afterAll(() => h?.close());

  it(`stays within ${BUDGET_BYTES / 1024} KB compressed`, async () => {
    const sent = async (path: string) => {
      const res = await h.request(path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(res.status, path).toBe(200);
      return { res, bytes: (await res.arrayBuffer()).byteLength };
    };
    const page = await sent('/post');
    expect(page.res.headers.get('content-encoding')).toBe('gzip');
    const html = await (await h.request('/post')).text();
    const urls = [
      /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1],
      /<script type="module" src="([^"]+)"/.exec(html)?.[1],
      /<link rel="icon" href="([^"]+)"/.exec(html)?.[1],
      /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1],
    ];
    const rows: [string, number][] = [['/post (HTML)', page.bytes]];
    for (const url of urls) {
      expect(url, html.slice(0, 600)).toBeDefined();
      rows.push([url!, (await sent(url!)).bytes]);
    }
    // the entry's static imports load with it (code split out for other pages is imported dynamically)
    const seen = new Set<string>([urls[1]!]);
    const queue = [urls[1]!];
    while (queue.length) {
      const js = await (await h.request(queue.shift()!)).text();
      for (const [, file] of js.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
        const url = `/assets/${file}`;
        if (seen.has(url)) continue;
        seen.add(url);
        queue.push(url);
        rows.push([url, (await sent(url)).bytes]);
      }
    }
    expect(rows.length, 'the shared chunk is counted').toBeGreaterThan(urls.length + 1);
    const total = rows.reduce((n, [, b]) => n + b, 0);
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    console.log(
      `first load of /post, compressed:\n${rows.map(([u, b]) => `  ${u.padEnd(42)} ${kb(b)}`).join('\n')}\n  ${'total'.padEnd(42)} ${kb(total)} (budget ${kb(BUDGET_BYTES)})`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
