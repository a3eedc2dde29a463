import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../db/schema/index.js';
import { staffRoles } from '../../db/schema/index.js';
import { type StaffClient, staffClient } from '../features/audit/audit-fixture.js';
import { createHarness, type Harness } from '../helpers/harness.js';

const ALL = [...staffRoles];
const MOD: StaffRole[] = ['moderator', 'admin'];
const ADMIN: StaffRole[] = ['admin'];

// method, a concrete path, the route pattern, the roles that may use it
const ROUTES: [string, string, string, StaffRole[]][] = [
  ['GET', '/api/v1/staff/moderation/queue', '/api/v1/staff/moderation/queue', MOD],
  [
    'POST',
    '/api/v1/staff/moderation/items/appeal/999999/keep',
    '/api/v1/staff/moderation/items/:type/:id/:decision',
    MOD,
  ],
  ['GET', '/api/v1/staff/admin/staff', '/api/v1/staff/admin/staff', ADMIN],
  ['POST', '/api/v1/staff/admin/staff', '/api/v1/staff/admin/staff', ADMIN],
  ['PATCH', '/api/v1/staff/admin/staff/999999', '/api/v1/staff/admin/staff/:id', ADMIN],
  ['POST', '/api/v1/staff/admin/staff/999999/disable', '/api/v1/staff/admin/staff/:id/:action', ADMIN],
  ['GET', '/api/v1/staff/admin/settings', '/api/v1/staff/admin/settings', ADMIN],
  ['PUT', '/api/v1/staff/admin/settings', '/api/v1/staff/admin/settings', ADMIN],
  ['POST', '/api/v1/staff/admin/salts/rotate', '/api/v1/staff/admin/salts/rotate', ADMIN],
  ['POST', '/api/v1/staff/admin/issuer-keys/rotate', '/api/v1/staff/admin/issuer-keys/rotate', ADMIN],
  ['GET', '/api/v1/staff/admin/code-batches', '/api/v1/staff/admin/code-batches', ADMIN],
  ['POST', '/api/v1/staff/admin/code-batches', '/api/v1/staff/admin/code-batches', ADMIN],
  [
    'POST',
    '/api/v1/staff/admin/code-batches/999999/revoke',
    '/api/v1/staff/admin/code-batches/:id/revoke',
    ADMIN,
  ],
  ['POST', '/api/v1/staff/admin/codes/revoke', '/api/v1/staff/admin/codes/revoke', ADMIN],
  ['GET', '/api/v1/staff/admin/departments', '/api/v1/staff/admin/departments', ADMIN],
  ['POST', '/api/v1/staff/admin/departments', '/api/v1/staff/admin/departments', ADMIN],
  ['PATCH', '/api/v1/staff/admin/departments/999999', '/api/v1/staff/admin/departments/:id', ADMIN],
  ['DELETE', '/api/v1/staff/admin/departments/999999', '/api/v1/staff/admin/departments/:id', ADMIN],
  ['GET', '/api/v1/staff/admin/categories', '/api/v1/staff/admin/categories', ADMIN],
  ['POST', '/api/v1/staff/admin/categories', '/api/v1/staff/admin/categories', ADMIN],
  ['PATCH', '/api/v1/staff/admin/categories/999999', '/api/v1/staff/admin/categories/:id', ADMIN],
  ['POST', '/api/v1/staff/totp', '/api/v1/staff/totp', ALL],
  ['POST', '/api/v1/staff/totp/confirm', '/api/v1/staff/totp/confirm', ALL],
];

type Handler = { roles?: readonly string[] };

describe('every staff route declares its roles', () => {
  let h: Harness;
  let clients: Map<StaffRole, StaffClient>;
  beforeAll(async () => {
    h = await createHarness();
    clients = new Map();
    for (const role of staffRoles)
      clients.set(role, await staffClient(h, role, role === 'responder' ? [1] : []));
  });
  afterAll(() => h.close());

  const guardOf = (method: string, path: string) =>
    h.app.routes
      .filter((r) => r.method === method && r.path === path)
      .map((r) => (r.handler as Handler).roles)
      .find((roles) => Array.isArray(roles));

  it('enumerates all /api/v1/staff routes (except sign-in and sign-out) and finds a role guard on each', () => {
    const routes = new Set(
      h.app.routes
        .filter((r) => r.path.startsWith('/api/v1/staff') && !r.path.endsWith('*'))
        .filter((r) => !(r.path === '/api/v1/staff/session' && ['POST', 'DELETE'].includes(r.method)))
        .filter((r) => !(r.path === '/api/v1/staff/session/oidc' && r.method === 'POST'))
        .map((r) => `${r.method} ${r.path}`),
    );
    expect(routes.size).toBeGreaterThanOrEqual(ROUTES.length);
    const unguarded = [...routes].filter((key) => {
      const [method, path] = key.split(' ') as [string, string];
      const roles = guardOf(method, path);
      return !roles || roles.length === 0;
    });
    expect(unguarded, 'staff routes without requireStaff(...roles)').toEqual([]);
  });

  it('declares exactly the intended roles on the moderation, admin and TOTP routes', () => {
    for (const [method, , pattern, roles] of ROUTES) {
      expect([...(guardOf(method, pattern) ?? [])].sort(), `${method} ${pattern}`).toEqual([...roles].sort());
    }
  });

  it('lets allowed roles through and refuses the others with 403; no session gives 401', async () => {
    for (const [method, path, , allowed] of ROUTES) {
      const body = method === 'GET' ? undefined : {};
      for (const role of staffRoles) {
        const res = await clients.get(role)!.json(method, path, body);
        const code = ((await res.clone().json()) as { error?: { code: string } }).error?.code;
        if (allowed.includes(role)) {
          expect(res.status, `${role} ${method} ${path}: ${code}`).not.toBe(401);
          expect(code, `${role} ${method} ${path}`).not.toBe('STAFF_FORBIDDEN');
        } else {
          expect(res.status, `${role} ${method} ${path}`).toBe(403);
          expect(code).toBe('STAFF_FORBIDDEN');
        }
      }
      const anonymous = await h.request(path, {
        method,
        headers: { origin: 'http://zhitong.test', 'content-type': 'application/json' },
        body: body === undefined ? undefined : '{}',
      });
      expect(anonymous.status, `anonymous ${method} ${path}`).toBe(401);
    }
  });

  it('refuses cross-site writes (CSRF) on every state-changing route, before anything happens', async () => {
    const admin = clients.get('admin')!;
    for (const [method, path] of ROUTES.filter(([m]) => m !== 'GET')) {
      const cross = await admin.json(method, path, {}, { origin: 'https://evil.example' });
      expect(cross.status, `${method} ${path}`).toBe(403);
      expect(((await cross.json()) as { error: { code: string } }).error.code).toBe('CSRF_FAILED');
      const noOrigin = await admin.json(method, path, {}, { origin: '', 'sec-fetch-site': 'cross-site' });
      expect(noOrigin.status, `${method} ${path} without Origin`).toBe(403);
    }
  });
});
