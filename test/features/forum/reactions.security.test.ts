import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';

describe('forum reactions: a count, and nothing else', () => {
  let h: Harness;
  let tokens: string[];
  beforeAll(async () => {
    h = await createHarness();
    tokens = await fetchTokens(h.request, (await h.codes(1))[0]!, 3, { batch: true });
  }, 120_000);
  afterAll(() => h.close());

  /** Row count of every table (FTS shadow tables included). */
  const census = async () => {
    const tables = await h.db.all<{ name: string }>(
      sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
    );
    const out: Record<string, number> = {};
    for (const { name } of tables)
      out[name] = (await h.db.all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM "${name}"`)))[0]!.n;
    return out;
  };

  it('an "agree" adds no row anywhere but the spent nonce, and changes only the post\'s count', async () => {
    const res = await h.postJson(
      '/api/v1/forum/threads',
      { title: '同意吗', body: '正文' },
      { authorization: tokens.pop()! },
    );
    const { id } = (await res.json()) as { id: number };
    const before = await census();
    const [row] = await h.db.all(sql`SELECT * FROM forum_threads WHERE id = ${id}`);
    const agreed = await h.postJson(
      `/api/v1/forum/threads/${id}/agree`,
      {},
      { authorization: tokens.pop()! },
    );
    expect(agreed.status, await agreed.clone().text()).toBe(201);
    const after = await census();
    const grown = Object.keys(after).filter((t) => after[t] !== before[t]);
    expect(grown).toEqual(['spent_nonces']);
    const [changed] = await h.db.all(sql`SELECT * FROM forum_threads WHERE id = ${id}`);
    expect(changed).toEqual({ ...(row as object), agree_count: 1 });
  });
});
