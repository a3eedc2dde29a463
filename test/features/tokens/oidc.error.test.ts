import { exportJWK, exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { type OidcIssuer, startOidcIssuer } from '../../helpers/oidc-issuer.js';
import { blindRequests, errorOf, postTokenRequest, readChallenge } from '../../helpers/wallet.js';

/**
 * Every ID token here is refused with 401 CREDENTIAL_INVALID and `details.reason` naming the check.
 * The provider is a real HTTP server with a real JWKS; times come from the harness clock.
 */
describe('ID tokens that must not buy tokens', () => {
  let idp: OidcIssuer;
  let h: Harness;
  let now: number;
  beforeAll(async () => {
    idp = await startOidcIssuer();
    h = await createHarness({ env: idp.env() });
  });
  beforeEach(() => {
    now = h.clock.now();
  });
  afterAll(async () => {
    h.close();
    await idp.close();
  });

  async function refusal(idToken: string) {
    const { challenge, tokenKey } = await readChallenge(h.request);
    const res = await postTokenRequest(
      h.request,
      '/token-request',
      idToken,
      await blindRequests(challenge, tokenKey),
    );
    if (res.status === 200) return { status: 200 };
    const { status, code, details } = await errorOf(res);
    return { status, code, reason: (details as { reason?: string } | undefined)?.reason };
  }
  const refused = (reason: string) => ({ status: 401, code: 'CREDENTIAL_INVALID', reason });
  const sec = (ms: number) => Math.floor(ms / 1000);

  it('the control: a fresh, well-formed token from the provider is accepted', async () => {
    expect(await refusal(await idp.sign({ sub: 'w1' }, now))).toEqual({ status: 200 });
  });

  it('expired (exp a few minutes ago, beyond the 60 s tolerance) → reason expired', async () => {
    const t = await idp.sign({ sub: 'w1', iat: sec(now) - 400, exp: sec(now) - 120 }, now);
    expect(await refusal(t)).toEqual(refused('expired'));
  });

  it('too old: issued longer ago than OIDC_MAX_AGE_SECONDS, though not expired → reason too_old', async () => {
    const iat = sec(now) - h.config.OIDC_MAX_AGE_SECONDS - 120;
    const t = await idp.sign({ sub: 'w1', iat, exp: sec(now) + 3600 }, now);
    expect(await refusal(t)).toEqual(refused('too_old'));
  });

  it('wrong audience → reason audience; wrong issuer → reason issuer', async () => {
    expect(await refusal(await idp.sign({ sub: 'w1', aud: 'payroll-app' }, now))).toEqual(
      refused('audience'),
    );
    const foreign = await idp.sign({ sub: 'w1', iss: 'https://login.evil.example' }, now);
    expect(await refusal(foreign)).toEqual(refused('issuer'));
  });

  it('alg "none" (an unsigned token) → reason algorithm', async () => {
    const t = new UnsecuredJWT({ sub: 'w1', iss: idp.issuer, aud: idp.audience, iat: sec(now) })
      .setExpirationTime(sec(now) + 600)
      .encode();
    expect(t.split('.')[2]).toBe('');
    expect(await refusal(t)).toEqual(refused('algorithm'));
  });

  it('HS256 with the provider’s RSA public key as the HMAC secret (alg confusion) → reason algorithm', async () => {
    const pem = await exportSPKI(idp.key.publicKey);
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    for (const secret of [new TextEncoder().encode(pem), new Uint8Array(der)]) {
      const t = await new SignJWT({ sub: 'w1', iss: idp.issuer, aud: idp.audience, iat: sec(now) })
        .setProtectedHeader({ alg: 'HS256', kid: idp.kid })
        .setExpirationTime(sec(now) + 600)
        .sign(secret);
      expect(await refusal(t)).toEqual(refused('algorithm'));
    }
  });

  it('a token that carries its own key (jwk, jku or x5c header) → reason header_key', async () => {
    const attacker = await generateKeyPair('RS256', { extractable: true });
    const jwk = await exportJWK(attacker.publicKey);
    for (const header of [{ jwk }, { jku: 'https://evil.example/jwks' }, { x5c: ['MIIB'] }]) {
      const t = await idp.sign({ sub: 'w1' }, now, { key: attacker.privateKey, header });
      expect(await refusal(t), Object.keys(header)[0]).toEqual(refused('header_key'));
    }
  });

  it('signed by a key not in the JWKS (another kid, or the provider’s kid) → reason signature', async () => {
    const attacker = await generateKeyPair('RS256');
    const otherKid = await idp.sign({ sub: 'w1' }, now, { key: attacker.privateKey, header: { kid: 'x' } });
    expect(await refusal(otherKid)).toEqual(refused('signature'));
    const sameKid = await idp.sign({ sub: 'w1' }, now, { key: attacker.privateKey });
    expect(await refusal(sameKid)).toEqual(refused('signature'));
  });

  it('missing sub, iat in the future, or garbage → reason claims / malformed', async () => {
    expect(await refusal(await idp.sign({}, now))).toEqual(refused('claims'));
    const future = await idp.sign({ sub: 'w1', iat: sec(now) + 600, exp: sec(now) + 1200 }, now);
    expect(await refusal(future)).toEqual(refused('claims'));
    expect(await refusal('a.b.c')).toEqual(refused('malformed'));
  });

  it('a provider that cannot be reached → reason unreachable', async () => {
    const closed = await startOidcIssuer();
    await closed.close();
    const lonely = await createHarness({ env: closed.env() });
    try {
      const t = await closed.sign({ sub: 'w1' }, lonely.clock.now());
      const { challenge, tokenKey } = await readChallenge(lonely.request);
      const res = await postTokenRequest(
        lonely.request,
        '/token-request',
        t,
        await blindRequests(challenge, tokenKey),
      );
      expect(await errorOf(res)).toMatchObject({
        code: 'CREDENTIAL_INVALID',
        details: { reason: 'unreachable' },
      });
    } finally {
      lonely.close();
    }
  });
});
