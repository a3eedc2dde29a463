import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../../src/features/staff/sessions.service.js';
import { MINUTE } from '../../../src/platform/clock.js';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';
import { call, publicLog, type StaffClient, staffClient, verify } from '../audit/audit-fixture.js';

describe('admin API: staff, settings, rotations, enrollment codes — each on the public log', () => {
  let h: Harness;
  let admin: StaffClient;
  const lastEntry = async (kind: string) => (await publicLog(h)).filter((e) => e.kind === kind).at(-1);

  beforeAll(async () => {
    h = await createHarness();
    admin = await staffClient(h, 'admin');
  });
  afterAll(() => h.close());

  it('creates an account with a one-time password that must be changed at first sign-in', async () => {
    const created = await call<{ id: number; oneTimePassword: string }>(
      admin,
      'POST',
      '/api/v1/staff/admin/staff',
      { username: 'mod.wang', displayName: '王审核', role: 'moderator' },
      201,
    );
    expect(created.oneTimePassword).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    const signIn = await h.postJson(
      '/api/v1/staff/session',
      { username: 'mod.wang', password: created.oneTimePassword },
      { origin: ORIGIN },
    );
    expect(signIn.status, await signIn.clone().text()).toBe(200);
    expect(((await signIn.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    expect(await lastEntry('staff.create')).toMatchObject({
      actor: { role: 'admin', username: admin.username },
      data: { username: 'mod.wang', role: 'moderator' },
    });
    const list = await call<{ staff: { username: string }[] }>(
      admin,
      'GET',
      '/api/v1/staff/admin/staff',
      undefined,
    );
    expect(list.staff.map((s) => s.username)).toContain('mod.wang');
    const again = await admin.json('POST', '/api/v1/staff/admin/staff', {
      username: 'mod.wang',
      displayName: 'x',
      role: 'analyst',
    });
    expect(again.status).toBe(409);
    const noDept = await admin.json('POST', '/api/v1/staff/admin/staff', {
      username: 'resp.x',
      displayName: 'x',
      role: 'responder',
    });
    expect(noDept.status).toBe(422);
  });

  it('changes a role (ending their sessions) and disables an account (sessions refused at once)', async () => {
    const target = await staffClient(h, 'analyst');
    const held = await startSession(h.db, h.secrets, target.id, h.clock.now(), 30 * MINUTE);
    const me = () => h.request('/api/v1/staff/me', { headers: { cookie: `zt_staff=${held}` } });
    expect((await me()).status).toBe(200);
    await call(admin, 'PATCH', `/api/v1/staff/admin/staff/${target.id}`, {
      role: 'responder',
      departmentIds: [2],
    });
    expect(await lastEntry('staff.update')).toMatchObject({
      data: {
        username: target.username,
        changes: { role: { from: 'analyst', to: 'responder' }, departmentIds: { from: [], to: [2] } },
      },
    });
    expect((await me()).status, 'a role change ends the sessions the member had').toBe(401);
    await call(admin, 'POST', `/api/v1/staff/admin/staff/${target.id}/disable`, {});
    expect((await target.json('GET', '/api/v1/staff/me')).status).toBe(401);
    expect(await lastEntry('staff.disable')).toMatchObject({ data: { username: target.username } });
    const self = await admin.json('POST', `/api/v1/staff/admin/staff/${admin.id}/disable`, {});
    expect(self.status).toBe(409);
    const demoteSelf = await admin.json('PATCH', `/api/v1/staff/admin/staff/${admin.id}`, {
      role: 'analyst',
    });
    expect(demoteSelf.status).toBe(409);
  });

  it('resets a password to a new one-time password, logged', async () => {
    const target = await staffClient(h, 'dispatcher');
    const { oneTimePassword } = await call<{ oneTimePassword: string }>(
      admin,
      'POST',
      `/api/v1/staff/admin/staff/${target.id}/reset-password`,
      {},
    );
    expect(oneTimePassword).toBeTruthy();
    const signIn = await h.postJson(
      '/api/v1/staff/session',
      { username: target.username, password: oneTimePassword },
      { origin: ORIGIN },
    );
    expect(((await signIn.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    expect(await lastEntry('staff.reset-password')).toMatchObject({ data: { username: target.username } });
  });

  it('changes settings and logs each change with its old and new value', async () => {
    const view = await call<{ settings: Record<string, unknown> }>(
      admin,
      'GET',
      '/api/v1/staff/admin/settings',
      undefined,
    );
    expect(view.settings).toMatchObject({ autoHideWeight: null, totpRequiredRoles: [] });
    await call(admin, 'PUT', '/api/v1/staff/admin/settings', { autoHideWeight: 6 });
    expect(await lastEntry('settings.update')).toMatchObject({
      actor: { role: 'admin', username: admin.username },
      data: { changes: { autoHideWeight: { from: null, to: 6 } } },
    });
    const bad = await admin.json('PUT', '/api/v1/staff/admin/settings', { autoHideWeight: 0 });
    expect(bad.status).toBe(422);
    await call(admin, 'PUT', '/api/v1/staff/admin/settings', { autoHideWeight: null });
  });

  it('rotates salts and issuer keys, logged with the key ids', async () => {
    await call(admin, 'POST', '/api/v1/staff/admin/salts/rotate', {});
    expect(await lastEntry('salts.rotate')).toMatchObject({ actor: { username: admin.username } });
    const r = await call<{ created: string }>(admin, 'POST', '/api/v1/staff/admin/issuer-keys/rotate', {});
    expect(r.created).toBeTruthy();
    expect(await lastEntry('issuer-keys.rotate')).toMatchObject({ data: { created: r.created } });
  });

  it('creates and revokes enrollment-code batches; the log never holds a code', async () => {
    const { batchId, codes } = await call<{ batchId: number; codes: string[] }>(
      admin,
      'POST',
      '/api/v1/staff/admin/code-batches',
      { count: 3, label: '机务段 2026 春' },
      201,
    );
    expect(codes).toHaveLength(3);
    expect(await fetchTokens(h.request, codes[0]!, 1)).toHaveLength(1);
    await call(admin, 'POST', '/api/v1/staff/admin/codes/revoke', { code: codes[0] });
    expect(await call(admin, 'POST', `/api/v1/staff/admin/code-batches/${batchId}/revoke`, {})).toEqual({
      count: 2,
    });
    await expect(fetchTokens(h.request, codes[1]!, 1)).rejects.toThrow(/401/);
    const batches = await call<{ batches: { id: number; revoked: number }[] }>(
      admin,
      'GET',
      '/api/v1/staff/admin/code-batches',
      undefined,
    );
    expect(batches.batches.find((b) => b.id === batchId)?.revoked).toBe(3);
    expect((await admin.json('POST', '/api/v1/staff/admin/code-batches/99999/revoke', {})).status).toBe(404);
    const log = JSON.stringify(await publicLog(h));
    for (const c of codes) expect(log).not.toContain(c);
    expect(await lastEntry('codes.create')).toMatchObject({ data: { batchId, count: 3 } });
    expect((await verify(h)).problems).toEqual([]);
  });
});
