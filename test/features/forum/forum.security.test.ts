import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { errorOf, fetchTokens } from '../../helpers/wallet.js';

interface Created {
  id: number;
  pseudonym: string;
  receipt: string;
  publishAt: string;
}

describe('forum: names never cross threads, receipts never stored', () => {
  let h: Harness;
  let tokens: string[];
  const pay = () => ({ authorization: tokens.pop()! });
  const post = async (path: string, body: unknown) => {
    const res = await h.postJson(path, body, pay());
    return { res, created: res.status === 201 ? ((await res.clone().json()) as Created) : undefined };
  };
  beforeAll(async () => {
    h = await createHarness({ env: { PUBLISH_DELAY_MAX_MINUTES: '60' } });
    tokens = await fetchTokens(h.request, (await h.codes(1))[0]!, 10, { batch: true });
  });
  afterAll(() => h.close());

  it("a receipt from another thread, a borrowed name's reply receipt or a made-up one is refused (403)", async () => {
    const a = (await post('/api/v1/forum/threads', { title: 'A', body: 'a' })).created!;
    const b = (await post('/api/v1/forum/threads', { title: 'B', body: 'b' })).created!;
    h.clock.advance(2 * HOUR); // past the random publication delay
    expect(a.pseudonym).not.toBe(b.pseudonym);
    const crossed = await post(`/api/v1/forum/threads/${b.id}/replies`, { body: 'x', receipt: a.receipt });
    expect(await errorOf(crossed.res)).toMatchObject({ status: 403, code: 'RECEIPT_INVALID' });
    const again = (await post(`/api/v1/forum/threads/${a.id}/replies`, { body: 'y', receipt: a.receipt }))
      .created!;
    const borrowed = await post(`/api/v1/forum/threads/${a.id}/replies`, {
      body: 'z',
      receipt: again.receipt,
    });
    expect(await errorOf(borrowed.res)).toMatchObject({ status: 403, code: 'RECEIPT_INVALID' });
    const invented = await post(`/api/v1/forum/threads/${a.id}/replies`, {
      body: 'w',
      receipt: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
    });
    expect(await errorOf(invented.res)).toMatchObject({ status: 403, code: 'RECEIPT_INVALID' });
  });

  it('new posts wait for their random publication time, stored at hour granularity', async () => {
    const { created } = await post('/api/v1/forum/threads', { title: '延迟', body: '发布' });
    const publishAt = Date.parse(created!.publishAt);
    expect(publishAt % HOUR).toBe(0);
    expect(publishAt).toBeGreaterThan(h.clock.now());
    expect((await h.request(`/api/v1/forum/threads/${created!.id}`)).status).toBe(404);
    h.clock.set(publishAt);
    expect((await h.request(`/api/v1/forum/threads/${created!.id}`)).status).toBe(200);
    const [row] = await h.db.all<{ created_at: number }>(
      sql`SELECT created_at FROM forum_threads WHERE id = ${created!.id}`,
    );
    expect(row!.created_at % HOUR).toBe(0);
  });

  it('forum tables hold only the allowed columns, and no receipt appears anywhere in the database file', async () => {
    const { created } = await post('/api/v1/forum/threads', { title: '回执', body: '不应存储' });
    const columns = async (table: string) =>
      (await h.db.all<{ name: string }>(sql.raw(`PRAGMA table_info(${table})`))).map((c) => c.name).sort();
    expect(await columns('forum_threads')).toEqual(
      [
        'agree_count',
        'board_id',
        'body',
        'created_at',
        'id',
        'publish_at',
        'pseudonym',
        'receipt_hash',
        'title',
      ].sort(),
    );
    expect(await columns('forum_replies')).toEqual(
      [
        'agree_count',
        'body',
        'by_starter',
        'created_at',
        'department_id',
        'id',
        'publish_at',
        'pseudonym',
        'quote_reply_id',
        'receipt_hash',
        'thread_id',
      ].sort(),
    );
    await h.db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
    const file = readFileSync(h.dbFile).toString('latin1');
    const receipt = created!.receipt;
    expect(file.includes(receipt)).toBe(false);
    expect(file.includes(receipt.replace(/-/g, ''))).toBe(false);
  });
});
