import type { IssuerConfig } from '@cloudflare/privacypass-ts';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rotateIssuerKeys } from '../../../src/features/tokens/index.js';
import { DAY } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { errorOf, fetchTokens } from '../../helpers/wallet.js';

describe('issuance: batches, budgets and key rotation', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ env: { TOKEN_BUDGET: '6' } });
  });
  afterEach(() => h.close());

  const post = (authorization: string, title = '倒班表') =>
    h.postJson('/api/v1/appeals', { title, body: '下月排班何时公布', categoryId: 6 }, { authorization });

  it('a generic batch of 5 (privacypass-ts genericBatched classes) gives 5 tokens and counts 5', async () => {
    const [code] = (await h.codes(1)) as [string];
    const tokens = await fetchTokens(h.request, code, 5, { batch: true });
    expect(tokens).toHaveLength(5);
    expect(new Set(tokens).size).toBe(5);
    for (const [i, t] of tokens.entries()) expect((await post(t, `倒班表 ${i}`)).status).toBe(201);
    // budget 6: one more single token, then the period is used up
    expect(await fetchTokens(h.request, code, 1)).toHaveLength(1);
    const over = await fetchTokens(h.request, code, 1).catch((e: { response: Response }) => e.response);
    expect(await errorOf(over as Response)).toMatchObject({ status: 429, code: 'TOKEN_BUDGET_EXCEEDED' });
  });

  it('the budget counter is one row per worker and period, holding only a count', async () => {
    const [a, b] = (await h.codes(2)) as [string, string];
    await fetchTokens(h.request, a, 2, { batch: true });
    await fetchTokens(h.request, b, 1);
    await fetchTokens(h.request, a, 1);
    const rows = await h.db.all<{ count: number }>(
      sql`SELECT count FROM counters WHERE purpose = 'budget' ORDER BY count`,
    );
    expect(rows.map((r) => r.count)).toEqual([1, 3]);
  });

  it('directory lists at most two keys through a rotation; then the new key issues and old tokens are refused', async () => {
    const directory = async () =>
      ((await (await h.request('/.well-known/private-token-issuer-directory')).json()) as IssuerConfig)[
        'token-keys'
      ];
    const [code] = (await h.codes(1)) as [string];
    expect(await directory()).toHaveLength(1);
    const [before] = (await fetchTokens(h.request, code, 1)) as [string];
    const grace = h.config.ISSUER_KEY_GRACE_DAYS;
    await rotateIssuerKeys(h.db, h.secrets, h.clock.now(), grace);
    h.clock.advance(60_000); // past the key ring's cache
    const during = await directory();
    expect(during).toHaveLength(2);
    expect(during[1]!['not-before']).toBe(Math.floor((h.clock.now() - 60_000 + grace * DAY) / 1000));
    expect(new Set(during.map((k) => k['token-key'].slice(-8))).size).toBe(2);
    h.clock.advance(grace * DAY);
    await rotateIssuerKeys(h.db, h.secrets, h.clock.now(), grace);
    const after = await directory();
    expect(after).toHaveLength(1);
    expect(after[0]!['token-key']).toBe(during[1]!['token-key']);
    const [next] = (await fetchTokens(h.request, code, 1)) as [string];
    expect((await post(next)).status).toBe(201);
    expect((await errorOf(await post(before))).code).toBe('TOKEN_UNKNOWN_KEY');
  });
});
