import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

const ORIGIN = 'http://zhitong.test';
const worker = exports.default;

/** The posting page and the URL of the wallet bundle's entry script it loads. */
async function postingPage() {
  const res = await worker.fetch(`${ORIGIN}/post`);
  const html = await res.text();
  expect(res.status, html.slice(0, 300)).toBe(200);
  const src = /<script type="module" src="(\/assets\/app\.[^"]+\.js)"/.exec(html)?.[1];
  expect(src, 'the page loads the wallet bundle').toBeDefined();
  return { res, src: src! };
}

/** The bundle on Workers: built into dist/client by global-setup.ts, as wrangler's [build] does. */
describe('the browser bundle on Workers', () => {
  it('the posting page references a script the worker serves as immutable JavaScript', async () => {
    const { res, src } = await postingPage();
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const js = await worker.fetch(`${ORIGIN}${src}`);
    const body = await js.text();
    expect(js.status, body.slice(0, 200)).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(body).toMatch(/\bimport\b|\bexport\b/);
  });

  it('sends the gzip written at build time to a browser that accepts it', async () => {
    const { src } = await postingPage();
    const plain = await worker.fetch(`${ORIGIN}${src}`);
    expect(plain.status).toBe(200);
    const zipped = await worker.fetch(`${ORIGIN}${src}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const unzipped = zipped.body!.pipeThrough(new DecompressionStream('gzip'));
    const bytes = new Uint8Array(await new Response(unzipped).arrayBuffer());
    expect(bytes).toEqual(new Uint8Array(await plain.arrayBuffer()));
  });

  it('answers 404 for a bundle file that was never built', async () => {
    const res = await worker.fetch(`${ORIGIN}/assets/app.NOTBUILT.js`);
    await res.arrayBuffer();
    expect(res.status).toBe(404);
  });
});
