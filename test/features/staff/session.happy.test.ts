import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';

describe('staff sessions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('signs in with a Secure, HttpOnly, SameSite=Strict cookie scoped to staff paths only', async () => {
    const admin = await h.createStaff({ role: 'admin' });
    const res = await h.postJson('/api/v1/staff/session', admin, { origin: 'http://zhitong.test' });
    expect(res.status, await res.clone().text()).toBe(200);
    const cookies = res.headers.getSetCookie();
    expect(cookies.map((c) => /Path=([^;]+)/.exec(c)?.[1]).sort()).toEqual(['/api/v1/staff', '/staff']);
    for (const c of cookies) {
      expect(c).toMatch(/; Secure/);
      expect(c).toMatch(/; HttpOnly/);
      expect(c).toMatch(/; SameSite=Strict/);
    }
  });

  it('keeps a used session alive and ends an idle one (injected clock)', async () => {
    const s = await h.signIn(await h.createStaff({ role: 'analyst' }));
    for (let i = 0; i < 4; i++) {
      h.clock.advance(20 * MINUTE);
      expect((await s.request('/api/v1/staff/me')).status).toBe(200);
    }
    h.clock.advance(h.config.STAFF_IDLE_MINUTES * MINUTE + MINUTE);
    const idle = await s.request('/api/v1/staff/me');
    expect(idle.status).toBe(401);
    expect(((await idle.json()) as { error: { code: string } }).error.code).toBe('STAFF_AUTH_REQUIRED');
  });

  it('refuses a signed-out (revoked) session even though its token still verifies', async () => {
    const s = await h.signIn(await h.createStaff({ role: 'moderator' }));
    const stolen = s.cookie;
    expect((await s.json('DELETE', '/api/v1/staff/session')).status).toBe(200);
    const replay = await h.request('/api/v1/staff/me', { headers: { cookie: stolen } });
    expect(replay.status).toBe(401);
  });

  it('refuses cross-site writes (CSRF) and wrong passwords with codes', async () => {
    const who = await h.createStaff({ role: 'admin' });
    const s = await h.signIn(who);
    const cross = await s.request('/api/v1/staff/password', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ currentPassword: who.password, newPassword: 'a-new-long-password' }),
    });
    expect(cross.status).toBe(403);
    expect(((await cross.json()) as { error: { code: string } }).error.code).toBe('CSRF_FAILED');
    const wrong = await h.postJson(
      '/api/v1/staff/session',
      { username: who.username, password: 'nope' },
      { origin: 'http://zhitong.test' },
    );
    expect(wrong.status).toBe(401);
  });
});
