import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { store } from '../appeals/appeals-fixture.js';

const PAGES = [
  '/',
  '/appeals',
  '/post',
  '/wallet',
  '/privacy',
  '/stats',
  '/offline',
  '/forum',
  '/surveys',
  '/log',
];

/** The public pages through the real app: language, headers, lists with cursors, error pages, assets. */
describe('web pages', () => {
  let h: Harness;
  const ids: number[] = [];
  const page = async (path: string, headers: Record<string, string> = {}) => {
    const res = await h.request(path, { headers: { 'accept-encoding': 'identity', ...headers } });
    return { res, html: await res.text() };
  };

  beforeAll(async () => {
    h = await createHarness();
    for (let i = 0; i < 25; i++)
      ids.push((await store(h, { title: `班车问题${i}`, body: `第${i}条`, category: 'commuting' })).id);
  });
  afterAll(() => h.close());

  it('every page is HTML in Chinese by default, with no cookie, no inline script or style, and the CSP', async () => {
    for (const path of PAGES) {
      const { res, html } = await page(path);
      expect(res.status, `${path}: ${html.slice(0, 300)}`).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(html.startsWith('<!doctype html><html lang="zh-CN">'), path).toBe(true);
      expect(res.headers.get('content-language')).toBe('zh-CN');
      expect(res.headers.get('vary')).toMatch(/Accept-Language/);
      expect(res.headers.getSetCookie(), path).toEqual([]);
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(html, `${path}: inline script`).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html, `${path}: inline style`).not.toMatch(/<style|\sstyle=/);
    }
  });

  it('picks English from ?lang= or Accept-Language (by q-value), and keeps ?lang= on links', async () => {
    const cases: [string, Record<string, string>, string][] = [
      ['/appeals', { 'accept-language': 'en-GB,en;q=0.9' }, 'en'],
      ['/appeals', { 'accept-language': 'fr;q=1, en;q=0.8, zh;q=0.5' }, 'en'],
      ['/appeals', { 'accept-language': 'en;q=0.3, zh-TW;q=0.9' }, 'zh-CN'],
      ['/appeals?lang=en', { 'accept-language': 'zh-CN' }, 'en'],
      ['/appeals?lang=zh', { 'accept-language': 'en' }, 'zh-CN'],
      ['/appeals?lang=xx', {}, 'zh-CN'],
    ];
    for (const [path, headers, lang] of cases) {
      const { html } = await page(path, headers);
      expect(html, `${path} ${JSON.stringify(headers)}`).toContain(`<html lang="${lang}">`);
    }
    const { html } = await page('/appeals?lang=en');
    expect(html).toContain('href="/stats?lang=en"');
    expect(html).toContain('href="/appeals?lang=zh"');
    const { html: negotiated } = await page('/appeals', { 'accept-language': 'en' });
    expect(negotiated).toContain('href="/stats"');
  });

  it('lists 20 appeals a page with a cursor link to the next, and each appeal has its page', async () => {
    const first = await page('/appeals');
    expect(first.html.match(/class="card"/g)).toHaveLength(20);
    const next = /<a rel="next" href="([^"]+)"/.exec(first.html)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toMatch(/^\/appeals\?cursor=/);
    const second = await page(next!);
    expect(second.html.match(/class="card"/g)).toHaveLength(5);
    expect(second.html).not.toContain('rel="next"');
    expect(second.html).toContain('班车问题0');
    const detail = await page(`/appeals/${ids[3]}`);
    expect(detail.res.status).toBe(200);
    expect(detail.html).toContain('<h1 id="appeal-title"><bdi>班车问题3</bdi></h1>');
  });

  it('answers a missing appeal, a bad id and a bad cursor with an HTML page in the reader’s language', async () => {
    const missing = await page('/appeals/999999');
    expect(missing.res.status).toBe(404);
    expect(missing.html).toContain('诉求不存在');
    const bad = await page('/appeals/abc', { 'accept-language': 'en' });
    expect(bad.res.status).toBe(404);
    expect(bad.html).toContain('No such appeal');
    const cursor = await page('/appeals?cursor=nonsense');
    expect(cursor.res.status).toBe(422);
    expect(cursor.html).toContain('role="alert"');
  });

  it('serves the stylesheet and icons under versioned URLs with a year-long cache, and the manifest', async () => {
    const { html } = await page('/');
    const css = /href="(\/assets\/site\.[a-z0-9]+\.css)"/.exec(html)?.[1];
    const icon = /href="(\/assets\/icon\.[a-z0-9]+\.svg)"/.exec(html)?.[1];
    for (const path of [css, icon]) {
      const res = await h.request(path!);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await h.request('/assets/site.000000.css')).status).toBe(404);
    const manifest = (await (await h.request('/manifest.webmanifest')).json()) as {
      icons: { src: string }[];
      lang: string;
    };
    expect(manifest.lang).toBe('zh-CN');
    for (const i of manifest.icons) expect((await h.request(i.src)).status).toBe(200);
    const sw = await h.request('/sw.js');
    expect(sw.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await sw.text()).toContain("caches.match('/offline')");
  });

  it('says on the posting page that this deployment has no browser bundle when there is none', async () => {
    const { html } = await page('/post');
    expect(html).toContain('此站点暂未提供发帖所需的脚本');
    expect(html).not.toContain('<script');
  });
});
