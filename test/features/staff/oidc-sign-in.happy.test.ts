import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../../src/platform/crypto/totp.js';
import { type OidcIssuer, startOidcIssuer } from '../../helpers/oidc-issuer.js';
import { call, publicLog, type StaffClient, staffClient } from '../audit/audit-fixture.js';
import { enrolTotp, oidcSignIn, refusal, staffOidcHarness } from './oidc-fixture.js';

describe('staff sign-in through the company OIDC provider (a real in-process issuer)', () => {
  let idp: OidcIssuer;
  let h: Awaited<ReturnType<typeof staffOidcHarness>>;
  let admin: StaffClient;
  beforeAll(async () => {
    idp = await startOidcIssuer('zhitong-staff');
    h = await staffOidcHarness(idp);
    admin = await staffClient(h, 'admin');
  });
  afterAll(async () => {
    h.close();
    await idp.close();
  });

  it('an account an admin created for a company subject signs in with an ID token: the same staff cookie', async () => {
    const created = await call<{ id: number; oneTimePassword?: string }>(
      admin,
      'POST',
      '/api/v1/staff/admin/staff',
      { username: 'disp.li', displayName: '李调度', role: 'dispatcher', oidcSubject: 'E1024' },
      201,
    );
    expect(created.oneTimePassword, 'OIDC-only: no password to hand out').toBeUndefined();
    const res = await oidcSignIn(h, { idToken: await idp.sign({ sub: 'E1024' }, h.clock.now()) });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({
      username: 'disp.li',
      role: 'dispatcher',
      mustChangePassword: false,
    });
    const cookies = res.headers.getSetCookie();
    expect(cookies.map((c) => /Path=([^;]+)/.exec(c)?.[1]).sort()).toEqual(['/api/v1/staff', '/staff']);
    for (const c of cookies) {
      for (const attribute of ['; Secure', '; HttpOnly', '; SameSite=Strict']) expect(c).toContain(attribute);
    }
    const me = await h.request('/api/v1/staff/me', { headers: { cookie: cookies[0]!.split(';')[0]! } });
    expect(me.status).toBe(200);
    const entry = (await publicLog(h)).find(
      (e) => e.kind === 'staff.create' && e.data.username === 'disp.li',
    );
    expect(JSON.stringify(entry), 'the log says an account is bound, not which').not.toContain('E1024');
  });

  it('an admin binds a subject to an existing account; its unused one-time password lapses; logged', async () => {
    const { id, oneTimePassword } = await call<{ id: number; oneTimePassword: string }>(
      admin,
      'POST',
      '/api/v1/staff/admin/staff',
      { username: 'ana.zhao', displayName: '赵分析', role: 'analyst' },
      201,
    );
    await call(admin, 'PATCH', `/api/v1/staff/admin/staff/${id}`, { oidcSubject: 'E2048' });
    const entry = (await publicLog(h)).filter((e) => e.kind === 'staff.update').at(-1);
    expect(entry?.data).toMatchObject({
      username: 'ana.zhao',
      changes: { oidc: { from: null, to: 'bound' } },
    });
    const ok = await oidcSignIn(h, { idToken: await idp.sign({ sub: 'E2048' }, h.clock.now()) });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(((await ok.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(false);
    const withPassword = await h.postJson(
      '/api/v1/staff/session',
      { username: 'ana.zhao', password: oneTimePassword },
      { origin: 'http://zhitong.test' },
    );
    expect((await refusal(withPassword, 401)).code).toBe('SIGNIN_FAILED');
    const listed = await call<{ staff: { username: string; oidcSubject: string | null }[] }>(
      admin,
      'GET',
      '/api/v1/staff/admin/staff',
      undefined,
    );
    expect(listed.staff.find((s) => s.username === 'ana.zhao')?.oidcSubject).toBe('E2048');
  });

  it('TOTP is still enforced: an enrolled member needs a code; a role that requires it must enrol', async () => {
    const { id } = await call<{ id: number }>(
      admin,
      'POST',
      '/api/v1/staff/admin/staff',
      { username: 'mod.sun', displayName: '孙审核', role: 'moderator', oidcSubject: 'E4096' },
      201,
    );
    const token = () => idp.sign({ sub: 'E4096' }, h.clock.now());
    await call(admin, 'PUT', '/api/v1/staff/admin/settings', { totpRequiredRoles: ['moderator'] });
    expect((await refusal(await oidcSignIn(h, { idToken: await token() }), 401)).code).toBe(
      'TOTP_ENROLMENT_REQUIRED',
    );
    const secret = await enrolTotp(h, id);
    expect((await refusal(await oidcSignIn(h, { idToken: await token() }), 401)).code).toBe('TOTP_REQUIRED');
    const withCode = await oidcSignIn(h, { idToken: await token(), totp: totpCode(secret, h.clock.now()) });
    expect(withCode.status, await withCode.clone().text()).toBe(200);
    await call(admin, 'PUT', '/api/v1/staff/admin/settings', { totpRequiredRoles: [] });
  });
});
