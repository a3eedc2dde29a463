import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, ORIGIN } from '../../helpers/harness.js';
import { type OidcIssuer, startOidcIssuer } from '../../helpers/oidc-issuer.js';
import { call, staffClient } from '../audit/audit-fixture.js';
import { oidcSignIn, refusal, staffOidcHarness } from './oidc-fixture.js';

describe('staff OIDC sign-in refuses with a code that says why', () => {
  let idp: OidcIssuer;
  let h: Awaited<ReturnType<typeof staffOidcHarness>>;
  beforeAll(async () => {
    idp = await startOidcIssuer('zhitong-staff');
    h = await staffOidcHarness(idp);
    const admin = await staffClient(h, 'admin');
    await call(
      admin,
      'POST',
      '/api/v1/staff/admin/staff',
      {
        username: 'resp.wu',
        displayName: '吴答复',
        role: 'responder',
        departmentIds: [2],
        oidcSubject: 'E7',
      },
      201,
    );
  });
  afterAll(async () => {
    h.close();
    await idp.close();
  });

  it('wrong audience (e.g. a worker ID token for token issuance) → 401 STAFF_OIDC_INVALID (audience)', async () => {
    const idToken = await idp.sign({ sub: 'E7', aud: 'zhitong' }, h.clock.now());
    expect(await refusal(await oidcSignIn(h, { idToken }), 401)).toEqual({
      code: 'STAFF_OIDC_INVALID',
      reason: 'audience',
    });
  });

  it('expired → 401 STAFF_OIDC_INVALID (expired)', async () => {
    const idToken = await idp.sign({ sub: 'E7' }, h.clock.now());
    h.clock.advance(11 * 60_000);
    expect(await refusal(await oidcSignIn(h, { idToken }), 401)).toMatchObject({
      code: 'STAFF_OIDC_INVALID',
      reason: 'expired',
    });
  });

  it('a valid token of a subject no admin bound → 401 STAFF_OIDC_UNBOUND, and no cookie', async () => {
    const res = await oidcSignIn(h, { idToken: await idp.sign({ sub: 'E8' }, h.clock.now()) });
    expect(res.headers.getSetCookie()).toEqual([]);
    expect((await refusal(res, 401)).code).toBe('STAFF_OIDC_UNBOUND');
  });

  it('a token from another origin’s page → 403 CSRF_FAILED; a malformed body → 422', async () => {
    const idToken = await idp.sign({ sub: 'E7' }, h.clock.now());
    const cross = await oidcSignIn(h, { idToken }, { origin: 'https://evil.example' });
    expect((await refusal(cross, 403)).code).toBe('CSRF_FAILED');
    expect((await refusal(await oidcSignIn(h, { token: idToken }), 422)).code).toBe('VALIDATION_FAILED');
  });

  it('a subject bound twice → 409 OIDC_SUBJECT_TAKEN; once unbound, sessions end and sign-in → STAFF_OIDC_UNBOUND', async () => {
    const admin = await staffClient(h, 'admin');
    const taken = await admin.json('POST', '/api/v1/staff/admin/staff', {
      username: 'twin',
      displayName: 'twin',
      role: 'analyst',
      oidcSubject: 'E7',
    });
    expect((await refusal(taken, 409)).code).toBe('OIDC_SUBJECT_TAKEN');
    const { id } = await call<{ id: number }>(
      admin,
      'POST',
      '/api/v1/staff/admin/staff',
      { username: 'leaver', displayName: 'leaver', role: 'analyst', oidcSubject: 'E9' },
      201,
    );
    const signedIn = await oidcSignIn(h, { idToken: await idp.sign({ sub: 'E9' }, h.clock.now()) });
    const cookie = signedIn.headers.getSetCookie()[0]!.split(';')[0]!;
    await call(admin, 'PATCH', `/api/v1/staff/admin/staff/${id}`, { oidcSubject: null });
    const me = await h.request('/api/v1/staff/me', { headers: { cookie } });
    expect(me.status, 'unbinding ends the sessions it gave').toBe(401);
    const again = await oidcSignIn(h, { idToken: await idp.sign({ sub: 'E9' }, h.clock.now()) });
    expect((await refusal(again, 401)).code).toBe('STAFF_OIDC_UNBOUND');
  });

  it('failures are throttled per address: after 10 in an epoch → 429 RATE_LIMITED, even a good token', async () => {
    const bad = await idp.sign({ sub: 'E7', aud: 'elsewhere' }, h.clock.now());
    // the earlier tests of this file failed 4 times already
    for (let i = 0; i < 6; i++) await oidcSignIn(h, { idToken: bad });
    const good = await idp.sign({ sub: 'E7' }, h.clock.now());
    expect((await refusal(await oidcSignIn(h, { idToken: good }), 429)).code).toBe('RATE_LIMITED');
  });
});

describe('staff OIDC sign-in when STAFF_OIDC_ISSUER is not set', () => {
  it('→ 401 OIDC_NOT_CONFIGURED, even with the workers’ provider configured', async () => {
    const idp = await startOidcIssuer();
    const h = await createHarness({ env: idp.env() });
    try {
      const idToken = await idp.sign({ sub: 'E7' }, h.clock.now());
      const res = await h.postJson('/api/v1/staff/session/oidc', { idToken }, { origin: ORIGIN });
      expect((await refusal(res, 401)).code).toBe('OIDC_NOT_CONFIGURED');
    } finally {
      h.close();
      await idp.close();
    }
  });
});
