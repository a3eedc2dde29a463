import { TOKEN_TYPES, TokenChallenge } from '@cloudflare/privacypass-ts';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeRetiredNonces, rotateIssuerKeys } from '../../../src/features/tokens/index.js';
import { DAY, MINUTE } from '../../../src/platform/clock.js';
import { fromBase64Any, toBase64Url } from '../../../src/platform/crypto/encoding.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { errorOf, fetchTokens } from '../../helpers/wallet.js';

const APPEAL = { title: '宿舍热水', body: '晚上十点后没有热水', categoryId: 3 };

/** Re-encodes a token after `edit` changed its bytes, as an `Authorization` header. */
function tamper(header: string, edit: (bytes: Uint8Array) => void): string {
  const raw = fromBase64Any(/token="([^"]+)"/.exec(header)![1]!);
  edit(raw);
  return `PrivateToken token="${toBase64Url(raw)}"`;
}

describe('redemption refuses every bad token with the code of the check that failed', () => {
  let h: Harness;
  let code: string;
  beforeEach(async () => {
    h = await createHarness();
    [code] = (await h.codes(1)) as [string];
  });
  afterEach(() => h.close());

  const post = (authorization?: string) =>
    h.postJson('/api/v1/appeals', APPEAL, authorization ? { authorization } : {});

  it('no token, or another scheme → 401 TOKEN_REQUIRED with a PrivateToken challenge', async () => {
    for (const authorization of [undefined, 'Bearer abc', 'Basic dTpw']) {
      const res = await post(authorization);
      expect(await errorOf(res)).toMatchObject({ status: 401, code: 'TOKEN_REQUIRED' });
      expect(res.headers.get('www-authenticate')).toMatch(
        /^PrivateToken challenge="[^"]+",\s*token-key="[^"]+"$/,
      );
    }
  });

  it('a token minted by our issuer for another origin (evil.example) → 401 TOKEN_WRONG_CHALLENGE', async () => {
    const evil = new TokenChallenge(TOKEN_TYPES.BLIND_RSA.value, 'evil.example', new Uint8Array(0), [
      'evil.example',
    ]);
    const [foreign] = await fetchTokens(h.request, code, 1, { challenge: evil });
    expect(await errorOf(await post(foreign))).toMatchObject({ status: 401, code: 'TOKEN_WRONG_CHALLENGE' });
    // the same token with a fresh redemption context for our own origin is refused alike
    const ours = new URL(h.config.PUBLIC_ORIGIN).host;
    const withContext = new TokenChallenge(TOKEN_TYPES.BLIND_RSA.value, ours, new Uint8Array(32).fill(7), [
      ours,
    ]);
    const [contextual] = await fetchTokens(h.request, code, 1, { challenge: withContext });
    expect(await errorOf(await post(contextual))).toMatchObject({ code: 'TOKEN_WRONG_CHALLENGE' });
  });

  it('a token of a retired key (two rotations past the grace period) → 401 TOKEN_UNKNOWN_KEY', async () => {
    const [first, second] = (await fetchTokens(h.request, code, 2)) as [string, string];
    const grace = h.config.ISSUER_KEY_GRACE_DAYS;
    expect((await rotateIssuerKeys(h.db, h.secrets, h.clock.now(), grace)).created).toBeTruthy();
    // while the next key waits for its not-before, tokens of the active key still work
    h.clock.advance(DAY);
    expect((await post(first)).status).toBe(201);
    h.clock.advance(grace * DAY);
    expect((await rotateIssuerKeys(h.db, h.secrets, h.clock.now(), grace)).retired).toBeTruthy();
    expect(await errorOf(await post(second))).toMatchObject({ status: 401, code: 'TOKEN_UNKNOWN_KEY' });
    // the retired key's spent nonces go once no instance's key cache can still accept it
    const spent = async () =>
      (await h.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM spent_nonces`))[0]!.n;
    expect(await spent()).toBe(1);
    await purgeRetiredNonces(h.db, h.clock.now() + 11 * MINUTE);
    expect(await spent()).toBe(0);
    const [fresh] = await fetchTokens(h.request, code, 1);
    expect((await post(fresh)).status).toBe(201);
  });

  it('a flipped bit in the authenticator → 401 TOKEN_BAD_SIGNATURE', async () => {
    const [good] = (await fetchTokens(h.request, code, 1)) as [string];
    const forged = tamper(good, (b) => {
      b[b.length - 10]! ^= 0x01;
    });
    expect(await errorOf(await post(forged))).toMatchObject({ status: 401, code: 'TOKEN_BAD_SIGNATURE' });
    // nothing was spent by the forgery: the genuine token still works once
    expect((await post(good)).status).toBe(201);
  });

  it('a forged nonce on a genuine signature → 401 TOKEN_BAD_SIGNATURE', async () => {
    const [good] = (await fetchTokens(h.request, code, 1)) as [string];
    const forged = tamper(good, (b) => {
      b[2]! ^= 0x80; // first byte of the nonce
    });
    expect(await errorOf(await post(forged))).toMatchObject({ code: 'TOKEN_BAD_SIGNATURE' });
  });

  it('another token type (1 = VOPRF, 3 = unknown) → 401 TOKEN_WRONG_TYPE', async () => {
    const [good] = (await fetchTokens(h.request, code, 1)) as [string];
    for (const type of [0x0001, 0x0003, 0xda7a]) {
      const other = tamper(good, (b) => {
        b[0] = type >> 8;
        b[1] = type & 0xff;
      });
      expect(await errorOf(await post(other)), `type ${type}`).toMatchObject({
        status: 401,
        code: 'TOKEN_WRONG_TYPE',
      });
    }
  });

  it('malformed PrivateToken headers → 401 TOKEN_MALFORMED', async () => {
    const [good] = (await fetchTokens(h.request, code, 1)) as [string];
    const raw = fromBase64Any(/token="([^"]+)"/.exec(good)![1]!);
    const cases = [
      'PrivateToken token=""',
      'PrivateToken token="!!!"',
      'PrivateToken nonce="abc"',
      'PrivateToken token="AA"',
      `PrivateToken token="${toBase64Url(raw.subarray(0, raw.length - 1))}"`,
      `PrivateToken token="${toBase64Url(new Uint8Array([...raw, 0]))}"`,
      `${good}, ${good}`,
    ];
    for (const authorization of cases) {
      expect(await errorOf(await post(authorization)), authorization).toMatchObject({
        status: 401,
        code: 'TOKEN_MALFORMED',
      });
    }
  });

  it('double spend: 50 parallel redemptions of one token → exactly one 201 and 49 × 409', async () => {
    const [token] = (await fetchTokens(h.request, code, 1)) as [string];
    const results = await Promise.all(Array.from({ length: 50 }, () => post(token)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const r of results.filter((x) => x.status === 409))
      expect((await errorOf(r)).code).toBe('TOKEN_ALREADY_SPENT');
    const [count] = await h.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM appeals`);
    expect(count!.n).toBe(1);
  });
});
