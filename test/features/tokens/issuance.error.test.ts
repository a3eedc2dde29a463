import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revokeCode } from '../../../src/features/tokens/index.js';
import { DAY } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import {
  blindRequests,
  errorOf,
  fetchTokens,
  issuerPath,
  postTokenRequest,
  readChallenge,
} from '../../helpers/wallet.js';

describe('issuance refuses with a code that says why', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ env: { TOKEN_BUDGET: '3', TOKEN_BATCH_MAX: '10' } });
  });
  afterEach(() => h.close());

  /** Asks for `count` tokens (a generic batch when count > 1) and returns the raw response. */
  async function ask(credential: string, count = 1, batch = count > 1) {
    const { challenge, tokenKey } = await readChallenge(h.request);
    const blinded = await blindRequests(challenge, tokenKey, { count, batch });
    return postTokenRequest(h.request, await issuerPath(h.request), credential, blinded);
  }

  it('over budget (TOKEN_BUDGET=3): the 4th token → 429 TOKEN_BUDGET_EXCEEDED; renewed next period', async () => {
    const [code] = (await h.codes(1)) as [string];
    expect(await fetchTokens(h.request, code, 3)).toHaveLength(3);
    expect(await errorOf(await ask(code))).toMatchObject({ status: 429, code: 'TOKEN_BUDGET_EXCEEDED' });
    // another worker's budget is their own
    const [other] = (await h.codes(1)) as [string];
    expect(await fetchTokens(h.request, other, 1)).toHaveLength(1);
    h.clock.advance(h.config.TOKEN_BUDGET_PERIOD_DAYS * DAY);
    expect(await fetchTokens(h.request, code, 3)).toHaveLength(3);
    expect((await errorOf(await ask(code))).code).toBe('TOKEN_BUDGET_EXCEEDED');
  });

  it('a batch larger than what is left of the budget is refused whole, nothing counted', async () => {
    const [code] = (await h.codes(1)) as [string];
    await fetchTokens(h.request, code, 1);
    expect(await errorOf(await ask(code, 3))).toMatchObject({ status: 429, code: 'TOKEN_BUDGET_EXCEEDED' });
    expect(await fetchTokens(h.request, code, 2, { batch: true })).toHaveLength(2);
  });

  it('a batch over TOKEN_BATCH_MAX → 400 TOKEN_BATCH_TOO_LARGE, nothing counted', async () => {
    await h.close();
    h = await createHarness({ env: { TOKEN_BUDGET: '20', TOKEN_BATCH_MAX: '4' } });
    const [code] = (await h.codes(1)) as [string];
    expect(await errorOf(await ask(code, 5))).toMatchObject({ status: 400, code: 'TOKEN_BATCH_TOO_LARGE' });
    const [rows] = await h.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM counters WHERE purpose = 'budget'`,
    );
    expect(rows!.n).toBe(0);
    expect(await fetchTokens(h.request, code, 4, { batch: true })).toHaveLength(4);
  });

  it('a revoked code → 401 CODE_REVOKED; the rest of its batch still works', async () => {
    const [gone, stays] = (await h.codes(2)) as [string, string];
    expect(await revokeCode(h.db, h.secrets, gone, h.clock.now())).toBe(true);
    expect(await errorOf(await ask(gone))).toMatchObject({ status: 401, code: 'CODE_REVOKED' });
    // typed by hand: lower case, no dashes, still recognised (and still revoked)
    expect((await errorOf(await ask(gone.toLowerCase().replace(/-/g, '')))).code).toBe('CODE_REVOKED');
    expect(await fetchTokens(h.request, stays, 1)).toHaveLength(1);
  });

  it('an expired code → 401 CODE_EXPIRED', async () => {
    const [code] = (await h.codes(1, 30)) as [string];
    expect(await fetchTokens(h.request, code, 1)).toHaveLength(1);
    h.clock.advance(30 * DAY);
    expect(await errorOf(await ask(code))).toMatchObject({ status: 401, code: 'CODE_EXPIRED' });
  });

  it('an unknown code → 401 CODE_UNKNOWN; no credential → 401 CREDENTIAL_REQUIRED', async () => {
    expect(await errorOf(await ask('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF'))).toMatchObject({
      status: 401,
      code: 'CODE_UNKNOWN',
    });
    const res = await h.request('/token-request', {
      method: 'POST',
      headers: { 'content-type': 'application/private-token-request' },
      body: new Uint8Array(259),
    });
    expect(await errorOf(res)).toMatchObject({ status: 401, code: 'CREDENTIAL_REQUIRED' });
  });

  it('an ID token while no OIDC provider is configured → 401 OIDC_NOT_CONFIGURED', async () => {
    expect(await errorOf(await ask('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'))).toMatchObject({
      status: 401,
      code: 'OIDC_NOT_CONFIGURED',
    });
  });

  it('malformed requests: wrong media type 415, bad bytes 400 TOKEN_REQUEST_INVALID, unknown key 401', async () => {
    const [code] = (await h.codes(1)) as [string];
    const send = (contentType: string, body: Uint8Array) =>
      postTokenRequest(h.request, '/token-request', code, { contentType, body });
    expect((await errorOf(await send('application/octet-stream', new Uint8Array(259)))).status).toBe(415);
    const { challenge, tokenKey } = await readChallenge(h.request);
    const good = await blindRequests(challenge, tokenKey);
    const short = good.body.subarray(0, 200);
    expect(await errorOf(await send(good.contentType, short))).toMatchObject({
      status: 400,
      code: 'TOKEN_REQUEST_INVALID',
    });
    const wrongType = good.body.slice();
    wrongType[1] = 0x01;
    expect((await errorOf(await send(good.contentType, wrongType))).code).toBe('TOKEN_REQUEST_INVALID');
    // a blinded message ≥ the modulus cannot be signed
    const huge = good.body.slice();
    huge.fill(0xff, 3);
    expect((await errorOf(await send(good.contentType, huge))).code).toBe('TOKEN_REQUEST_INVALID');
    const otherKey = good.body.slice();
    otherKey[2] = otherKey[2]! ^ 0xff; // truncated token key id of no live key
    expect(await errorOf(await send(good.contentType, otherKey))).toMatchObject({
      status: 401,
      code: 'TOKEN_UNKNOWN_KEY',
    });
    // none of these cost the worker a token of their budget
    expect(await fetchTokens(h.request, code, 3)).toHaveLength(3);
  });
});
