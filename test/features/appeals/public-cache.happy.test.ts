import { sql } from 'drizzle-orm';
import Database from 'libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosignStatement } from '../../../src/features/appeals/cosign.service.js';
import { bufferViews, countView, flushViews } from '../../../src/features/appeals/page-views.js';
import { cachePublicReads } from '../../../src/features/appeals/public-cache.node.js';
import { DAY } from '../../../src/platform/clock.js';
import { type ChangeWatch, watchChanges } from '../../../src/platform/db/change-watch.node.js';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { store } from './appeals-fixture.js';

/** The Node entry's cache of public appeal answers: the same bytes as the app, never older than the data. */
describe('public response cache', () => {
  let h: Harness;
  let watch: ChangeWatch;
  let fetch: ReturnType<typeof cachePublicReads<[]>>;
  let id: number;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(new Request(`${ORIGIN}${path}`, { headers }));
    return { status: res.status, body: await res.text(), headers: Object.fromEntries(res.headers) };
  };
  const views = async (page: string) =>
    (
      await h.db.all<{ n: number }>(
        sql`SELECT coalesce(sum(count), 0) AS n FROM page_views WHERE page = ${page}`,
      )
    )[0]!.n;

  beforeAll(async () => {
    h = await createHarness();
    // as in the Node entry: a read that wrote its view count at once would be a commit, dropping the cache
    bufferViews(h.db);
    watch = watchChanges(h.config.DATABASE_URL)!;
    fetch = cachePublicReads((r: Request) => h.app.fetch(r), {
      db: h.db,
      clock: h.clock,
      log: h.log,
      watch,
      maxBytes: 1 << 20,
    });
    id = (await store(h, { title: '宿舍热水不够用', body: '晚上十点以后没有热水', category: 'housing' })).id;
  });
  afterAll(() => {
    watch.close();
    h.close();
  });

  it('answers a repeated read from memory with the same status, headers and body, and still counts it', async () => {
    const before = fetch.served();
    const first = await get(`/appeals/${id}`);
    const second = await get(`/appeals/${id}`);
    expect(first.status).toBe(200);
    expect(second).toEqual(first);
    expect(fetch.served()).toBe(before + 1);
    await flushViews(h.db);
    expect(await views(`appeal:${id}`)).toBe(2);
  });

  it('logs answers served from memory as one count, not a line each', async () => {
    await get(`/appeals/${id}`);
    fetch.logServed();
    const lines = () => h.log.lines.filter((l) => l.includes('served from memory'));
    const before = lines().length;
    await get(`/appeals/${id}`);
    await get(`/appeals/${id}`);
    fetch.logServed();
    fetch.logServed();
    expect(
      lines()
        .slice(before)
        .map((l) => JSON.parse(l).count),
    ).toEqual([2]);
  });

  it('keeps languages apart', async () => {
    const zh = await get(`/appeals/${id}`, { 'accept-language': 'zh-CN' });
    const en = await get(`/appeals/${id}`, { 'accept-language': 'en' });
    expect(en.body).not.toBe(zh.body);
    expect(en.headers['content-language']).toBe('en');
  });

  it('drops everything at the next commit: a co-sign shows at once', async () => {
    const before = JSON.parse((await get(`/api/v1/appeals/${id}`)).body).cosignCount as number;
    await cosignStatement(h.db, id, h.clock.now(), 3);
    const after = JSON.parse((await get(`/api/v1/appeals/${id}`)).body).cosignCount as number;
    expect(after).toBe(before + 3);
  });

  it('drops everything when a deadline passes without any commit', async () => {
    const first = JSON.parse((await get(`/api/v1/appeals/${id}`)).body);
    expect(first.overdue).toBe(false);
    h.clock.set(Date.parse(first.answerDueAt) + 1);
    const later = JSON.parse((await get(`/api/v1/appeals/${id}`)).body);
    expect(later.overdue).toBe(true);
    h.clock.advance(-DAY);
  });

  it('passes requests with credentials and other routes straight to the app', async () => {
    const before = fetch.served();
    await get(`/appeals/${id}`, { cookie: 'x=1' });
    await get(`/appeals/${id}`, { cookie: 'x=1' });
    await get(`/api/v1/appeals/${id}`, { authorization: 'PrivateToken token=abc' });
    await get(`/api/v1/appeals/${id}`, { authorization: 'PrivateToken token=abc' });
    await get('/healthz');
    await get('/healthz');
    expect(fetch.served()).toBe(before);
  });

  it('buffers view counts in memory until flushed, then writes their sum', async () => {
    const page = `appeal:${id}`;
    await flushViews(h.db);
    const had = await views(page);
    for (let i = 0; i < 3; i++) await countView(h.db, page, id, h.clock.now());
    expect(await views(page)).toBe(had);
    await flushViews(h.db);
    expect(await views(page)).toBe(had + 3);
  });

  it('keeps its answers across a quiet view flush, which still writes the counts', async () => {
    const page = `appeal:${id}`;
    const had = await views(page);
    await get(`/appeals/${id}`);
    const before = fetch.served();
    await flushViews(h.db, watch);
    await get(`/appeals/${id}`);
    expect(fetch.served()).toBe(before + 1);
    await flushViews(h.db, watch);
    expect(await views(page)).toBe(had + 2);
  });

  it('still drops its answers when another connection committed before a quiet flush', async () => {
    await get(`/api/v1/appeals/${id}`);
    const other = new Database(h.config.DATABASE_URL.slice('file:'.length));
    other.prepare('UPDATE appeals SET cosign_count = cosign_count + 5 WHERE id = ?').run(id);
    other.close();
    await countView(h.db, 'list', null, h.clock.now());
    // nobody read the version between that commit and the flush: the flush must not swallow it
    await flushViews(h.db, watch);
    const before = JSON.parse((await get(`/api/v1/appeals/${id}`)).body).cosignCount as number;
    const fresh = (await (await h.app.request(`/api/v1/appeals/${id}`)).json()) as { cosignCount: number };
    expect(before).toBe(fresh.cosignCount);
  });
});
