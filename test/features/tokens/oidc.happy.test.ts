import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { type OidcIssuer, startOidcIssuer } from '../../helpers/oidc-issuer.js';
import { errorOf, fetchTokens } from '../../helpers/wallet.js';

describe('a company ID token (OIDC) is an eligibility credential', () => {
  let idp: OidcIssuer;
  let h: Harness | undefined;
  beforeAll(async () => {
    idp = await startOidcIssuer();
  });
  afterEach(() => h?.close());
  afterAll(() => idp.close());

  it('a valid RS256 ID token from the provider in the JWKS gets tokens, and a token posts', async () => {
    h = await createHarness({ env: idp.env() });
    const idToken = await idp.sign({ sub: 'worker-0417' }, h.clock.now());
    const [authorization] = (await fetchTokens(h.request, idToken, 1)) as [string];
    const res = await h.postJson(
      '/api/v1/appeals',
      { title: '医保报销慢', body: '门诊报销要等两个月', categoryId: 4 },
      { authorization },
    );
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('one budget per person (issuer + sub), whichever of their ID tokens they present', async () => {
    h = await createHarness({ env: { ...idp.env(), TOKEN_BUDGET: '2' } });
    const first = await idp.sign({ sub: 'worker-0417' }, h.clock.now());
    expect(await fetchTokens(h.request, first, 1)).toHaveLength(1);
    h.clock.advance(5 * 60_000);
    const second = await idp.sign({ sub: 'worker-0417' }, h.clock.now());
    expect(await fetchTokens(h.request, second, 1)).toHaveLength(1);
    const over = await fetchTokens(h.request, second, 1).catch((e: { response: Response }) => e.response);
    expect((await errorOf(over as Response)).code).toBe('TOKEN_BUDGET_EXCEEDED');
    const colleague = await idp.sign({ sub: 'worker-0418' }, h.clock.now());
    expect(await fetchTokens(h.request, colleague, 2, { batch: true })).toHaveLength(2);
  });

  it('discovery and the JWKS are both fetched through the injected fetch', async () => {
    const seen: string[] = [];
    const recording: typeof fetch = (input, init) => {
      seen.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
      return fetch(input, init);
    };
    h = await createHarness({ env: idp.env(), fetch: recording });
    const idToken = await idp.sign({ sub: 'worker-0419' }, h.clock.now());
    expect(await fetchTokens(h.request, idToken, 1)).toHaveLength(1);
    expect(seen).toEqual(['/.well-known/openid-configuration', '/jwks']);
  });
});
