import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';

/** The notices pages read what the JSON API publishes: Chinese by default, no cookie, text escaped. */
describe('web notices pages', () => {
  let h: Harness;
  let noticeId: number;
  const page = async (path: string) => {
    const res = await h.request(path, { headers: { 'accept-encoding': 'identity' } });
    return { res, html: await res.text() };
  };

  beforeAll(async () => {
    h = await createHarness();
    const admin = await h.signIn(await h.createStaff({ role: 'admin' }));
    const res = await admin.json('POST', '/api/v1/staff/notices', {
      title: '关于<b>班车</b>调整的通知',
      body: '自下周起<script>alert(1)</script>增开早班车。',
      departmentId: 4,
      decidedOn: '2026-03-01',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    noticeId = ((await res.json()) as { id: number }).id;
  });
  afterAll(() => h.close());

  it('lists notices in Chinese with no cookie, escaped, linked from the navigation', async () => {
    const { res, html } = await page('/notices');
    expect(res.status, html.slice(0, 300)).toBe(200);
    expect(html.startsWith('<!doctype html><html lang="zh-CN">')).toBe(true);
    expect(res.headers.getSetCookie()).toEqual([]);
    expect(html).toContain('href="/notices"');
    expect(html).toContain(`href="/notices/${noticeId}"`);
    expect(html).toContain('关于&lt;b&gt;班车&lt;/b&gt;调整的通知');
    expect(html).not.toContain('<b>班车</b>');
  });

  it('shows one notice with its escaped body, and a missing notice is a 404 page', async () => {
    const { res, html } = await page(`/notices/${noticeId}`);
    expect(res.status, html.slice(0, 300)).toBe(200);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    const missing = await page('/notices/999999');
    expect(missing.res.status).toBe(404);
    expect((await page('/notices/abc')).res.status).toBe(404);
  });
});
