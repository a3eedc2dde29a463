import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rotateSalts } from '../../src/features/ratelimit/salts.service.js';
import { DAY, HOUR } from '../../src/platform/clock.js';
import { fromBase64Url, normaliseGroupedBase32 } from '../../src/platform/crypto/encoding.js';
import { keyedHash } from '../../src/platform/crypto/hash.js';
import { dumpDatabaseFile, rawFileText } from '../helpers/db-file.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { errorOf, fetchTokens, postTokenRequest } from '../helpers/wallet.js';

const EARLIER_ADDRESS = '203.0.113.7';
const LATER_ADDRESS = '198.51.100.23';

/**
 * The keys a counter could be stored under for the known identities, computed as salts.service.ts
 * `saltedKey` does: HMAC-SHA-256(salt, purpose, ...identity) with length-prefixed parts. Issuance keys
 * failed attempts by ('issuance', address) and budgets by the worker's subject (`code:<code hash>`).
 */
function candidateKeys(
  h: Harness,
  salts: { purpose: string; key: string }[],
  addresses: string[],
  codes: string[],
) {
  const subjects = codes.map(
    (c) => `code:${keyedHash(h.secrets.codeKey, 'enrollment-code', normaliseGroupedBase32(c))}`,
  );
  const out = new Set<string>();
  for (const s of salts) {
    const key = fromBase64Url(s.key);
    for (const a of addresses) out.add(keyedHash(key, s.purpose, 'issuance', a));
    for (const sub of subjects) out.add(keyedHash(key, s.purpose, sub));
  }
  return out;
}

async function stored(h: Harness) {
  const dump = await dumpDatabaseFile(h.dbFile);
  return {
    salts: dump
      .get('salts')!
      .rows.map((r) => ({ purpose: String(r.purpose), epoch: Number(r.epoch), key: String(r.key) })),
    counters: dump.get('counters')!.rows.map((r) => String(r.key_hash)),
  };
}

describe('salted counters: rotation destroys the link between identities and counters', () => {
  let h: Harness;
  let address = EARLIER_ADDRESS;
  beforeEach(async () => {
    address = EARLIER_ADDRESS;
    h = await createHarness({ clientAddress: () => address });
  });
  afterEach(() => h.close());

  const failOnce = () =>
    postTokenRequest(h.request, '/token-request', 'NOT-A-REAL-CODE', {
      contentType: 'application/private-token-request',
      body: new Uint8Array(259),
    });

  it('after two rate-limit epochs and a budget period, HMACs under every remaining salt match no row', async () => {
    const [earlier, later] = (await h.codes(2)) as [string, string];
    for (let i = 0; i < 3; i++) expect((await errorOf(await failOnce())).code).toBe('CODE_UNKNOWN');
    await fetchTokens(h.request, earlier, 2);
    const before = await stored(h);
    // positive control: the framing above is the one the code uses — today's identities match today's rows
    const today = candidateKeys(h, before.salts, [EARLIER_ADDRESS], [earlier]);
    expect(before.counters.filter((k) => today.has(k))).toHaveLength(2);

    h.clock.advance(2 * h.config.SALT_EPOCH_HOURS * HOUR + h.config.TOKEN_BUDGET_PERIOD_DAYS * DAY);
    // someone else is active in the new epochs, so there are live salts and counters to test against
    address = LATER_ADDRESS;
    await failOnce();
    await fetchTokens(h.request, later, 1);
    await rotateSalts(h.db, h.config, h.clock.now());

    const after = await stored(h);
    const oldKeys = new Set(before.salts.map((s) => s.key));
    expect(after.salts.filter((s) => oldKeys.has(s.key))).toEqual([]);
    expect(after.salts.length).toBeGreaterThan(0);
    const stale = candidateKeys(h, after.salts, [EARLIER_ADDRESS], [earlier]);
    expect(after.counters.filter((k) => stale.has(k))).toEqual([]);
    // the old counters went with their salts: under the destroyed salts nothing matches either
    const gone = candidateKeys(h, before.salts, [EARLIER_ADDRESS, LATER_ADDRESS], [earlier, later]);
    expect(after.counters.filter((k) => gone.has(k))).toEqual([]);
    // control again: the later identities do match under the live salts
    const live = candidateKeys(h, after.salts, [LATER_ADDRESS], [later]);
    expect(after.counters.filter((k) => live.has(k))).toHaveLength(2);
  });

  it('destroyed salts leave no copy in the database file or its WAL', async () => {
    await failOnce();
    const [code] = (await h.codes(1)) as [string];
    await fetchTokens(h.request, code, 1);
    const before = await stored(h);
    expect(before.salts).toHaveLength(2);
    expect(rawFileText(h.dbFile)).toContain(before.salts[0]!.key);
    h.clock.advance(h.config.TOKEN_BUDGET_PERIOD_DAYS * DAY + DAY);
    expect(await rotateSalts(h.db, h.config, h.clock.now())).toBe(2);
    const raw = rawFileText(h.dbFile);
    for (const s of before.salts) expect(raw.includes(s.key), `${s.purpose} salt`).toBe(false);
    for (const k of before.counters) expect(raw.includes(k), 'counter key').toBe(false);
  });

  it('an on-demand rotation replaces the current rate-limit salt at once (budgets keep theirs)', async () => {
    for (let i = 0; i < 3; i++) await failOnce();
    const [code] = (await h.codes(1)) as [string];
    await fetchTokens(h.request, code, 1);
    const before = await stored(h);
    await rotateSalts(h.db, h.config, h.clock.now(), { now: true });
    const after = await stored(h);
    expect(after.salts.map((s) => s.purpose)).toEqual(['budget']);
    expect(after.counters.filter((k) => candidateKeys(h, before.salts, [address], []).has(k))).toEqual([]);
    expect(after.counters.filter((k) => candidateKeys(h, after.salts, [], [code]).has(k))).toHaveLength(1);
  });
});

describe('failed issuance attempts are throttled per address, under the salt', () => {
  it('after 50 failures from one address → 429 RATE_LIMITED; another address is unaffected', async () => {
    let address = EARLIER_ADDRESS;
    const h = await createHarness({ clientAddress: () => address });
    try {
      const [code] = (await h.codes(1)) as [string];
      const attempt = (credential: string) =>
        postTokenRequest(h.request, '/token-request', credential, {
          contentType: 'application/private-token-request',
          body: new Uint8Array(259),
        });
      for (let i = 0; i < 50; i++)
        expect((await errorOf(await attempt(`WRONG-${i}`))).code).toBe('CODE_UNKNOWN');
      expect(await errorOf(await attempt('WRONG-51'))).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
      // blocked before the credential is even looked at, so a guess that happens to be right is blocked too
      expect((await errorOf(await attempt(code))).code).toBe('RATE_LIMITED');
      address = LATER_ADDRESS;
      expect((await errorOf(await attempt('WRONG-X'))).code).toBe('CODE_UNKNOWN');
      expect(await fetchTokens(h.request, code, 1)).toHaveLength(1);
      // the limit is per epoch: two epochs later the first address may try again
      address = EARLIER_ADDRESS;
      h.clock.advance(2 * h.config.SALT_EPOCH_HOURS * HOUR);
      expect((await errorOf(await attempt('WRONG-Y'))).code).toBe('CODE_UNKNOWN');
    } finally {
      h.close();
    }
  });
});
