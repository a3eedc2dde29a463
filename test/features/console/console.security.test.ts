import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moderationItems, type StaffRole, staffRoles } from '../../../db/schema/index.js';
import type { RoleGuard } from '../../../src/features/staff/index.js';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { row, store } from '../appeals/appeals-fixture.js';
import { type ConsoleClient, consoleClient, flagAppeals, html, insertAlert } from './console-fixture.js';

const ALL = [...staffRoles];
const DESK: StaffRole[] = ['responder', 'dispatcher', 'admin'];
const ROUTERS: StaffRole[] = ['dispatcher', 'admin'];
const MODS: StaffRole[] = ['moderator', 'admin'];
const ANALYSTS: StaffRole[] = ['analyst', 'admin'];
// the console routes anyone may reach: the sign-in form and sign-out (which only ends the caller's session)
const OPEN = ['GET /staff/sign-in', 'POST /staff/sign-in', 'POST /staff/sign-out'];

describe('staff console: roles, CSRF and hostile text', () => {
  let h: Harness;
  let appealId: number;
  let alertId: number;
  let clients: Map<StaffRole, ConsoleClient>;
  // method, concrete path, route pattern, allowed roles
  let pages: [string, string, string, StaffRole[]][];

  beforeAll(async () => {
    h = await createHarness();
    ({ id: appealId } = await store(h, {
      title: '<script>alert(1)</script>\u202E工资',
      body: '<img src=x onerror=alert(2)>',
      category: 'pay',
    }));
    await flagAppeals(h, [appealId]);
    const dept = (await row(h, appealId)).departmentId!;
    alertId = await insertAlert(h);
    const victim = (await consoleClient(h, 'analyst')).id;
    clients = new Map();
    for (const role of staffRoles) clients.set(role, await consoleClient(h, role, [dept]));
    pages = [
      ['GET', '/staff', '/staff', ALL],
      ['GET', '/staff/password', '/staff/password', ALL],
      ['GET', '/staff/queue', '/staff/queue', DESK],
      ['GET', '/staff/routing', '/staff/routing', ROUTERS],
      ['GET', `/staff/appeals/${appealId}`, '/staff/appeals/:id', DESK],
      ['POST', `/staff/appeals/${appealId}/answers`, '/staff/appeals/:id/answers', ['responder']],
      ['POST', `/staff/appeals/${appealId}/assignment`, '/staff/appeals/:id/assignment', ROUTERS],
      ['GET', '/staff/moderation', '/staff/moderation', MODS],
      ['POST', `/staff/moderation/appeal/${appealId}/keep`, '/staff/moderation/:type/:id/:decision', MODS],
      ['GET', '/staff/alerts', '/staff/alerts', ANALYSTS],
      ['GET', `/staff/alerts/${alertId}`, '/staff/alerts/:id', ANALYSTS],
      ['POST', `/staff/alerts/${alertId}/assignment`, '/staff/alerts/:id/assignment', ANALYSTS],
      ['POST', `/staff/alerts/${alertId}/closure`, '/staff/alerts/:id/closure', ANALYSTS],
      ['GET', '/staff/log', '/staff/log', ALL],
      ['GET', '/staff/admin', '/staff/admin', ['admin']],
      ['POST', '/staff/admin/staff', '/staff/admin/staff', ['admin']],
      ['POST', `/staff/admin/staff/${victim}/reset-password`, '/staff/admin/staff/:id/:action', ['admin']],
      ['POST', '/staff/admin/salts/rotate', '/staff/admin/salts/rotate', ['admin']],
    ];
  });
  afterAll(() => h.close());

  const consoleRoutes = () => {
    const byKey = new Map<string, readonly StaffRole[] | null>();
    for (const r of h.app.routes) {
      if (
        !(r.path === '/staff' || r.path.startsWith('/staff/')) ||
        r.path.endsWith('*') ||
        r.method === 'ALL'
      )
        continue;
      const key = `${r.method} ${r.path}`;
      byKey.set(key, (r.handler as Partial<RoleGuard>).roles ?? byKey.get(key) ?? null);
    }
    return byKey;
  };

  it('every /staff page and form except sign-in and sign-out declares the roles it admits', () => {
    const routes = consoleRoutes();
    expect(routes.size).toBeGreaterThanOrEqual(pages.length + OPEN.length);
    const unguarded = [...routes].filter(([, roles]) => !roles?.length).map(([k]) => k);
    expect(unguarded.sort()).toEqual([...OPEN].sort());
    for (const [method, , pattern, roles] of pages)
      expect([...(routes.get(`${method} ${pattern}`) ?? [])].sort(), `${method} ${pattern}`).toEqual(
        [...roles].sort(),
      );
  });

  it('lets allowed roles through, refuses the others with a 403 page, and sends strangers to sign in', async () => {
    for (const [method, path, , allowed] of pages) {
      for (const role of staffRoles) {
        const client = clients.get(role)!;
        // an empty form: allowed roles get past the guard (to 422 or a redirect), never 401/403
        const res = method === 'GET' ? await client.get(path) : await client.post(path, {});
        if (allowed.includes(role))
          expect([200, 303, 422], `${role} ${method} ${path}`).toContain(res.status);
        else {
          const page = await html(res, 403);
          expect(page, `${role} ${method} ${path}`).toContain('您的角色无权执行此操作');
        }
      }
      const anonymous = await h.request(path, {
        method,
        headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: method === 'GET' ? undefined : '',
      });
      expect(anonymous.status, `anonymous ${method} ${path}`).toBe(303);
      expect(anonymous.headers.get('location')).toBe('/staff/sign-in');
    }
  });

  it('refuses cross-site form posts (CSRF) on every state-changing console route, before anything happens', async () => {
    const admin = clients.get('admin')!;
    const posts = [...consoleRoutes().keys()].filter((k) => k.startsWith('POST '));
    const concrete = (pattern: string) =>
      pattern
        .replace(':type', 'appeal')
        .replace(':decision', 'hide')
        .replace(':action', 'disable')
        .replace(':id', String(pattern.startsWith('/staff/alerts') ? alertId : appealId));
    for (const key of posts) {
      const path = concrete(key.slice(5));
      const fields = { reason: 'spam', note: 'cross-site', username: 'x', password: 'y' };
      const attempts: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { origin: 'null', 'sec-fetch-site': 'cross-site' },
        { origin: '', 'sec-fetch-site': 'same-site' },
      ];
      for (const headers of attempts) {
        const res = await admin.post(path, fields, headers);
        expect(res.status, `${key} ${JSON.stringify(headers)}`).toBe(403);
        expect(await res.text()).toContain('请求来源不可信');
      }
    }
    const [item] = await h.db.select().from(moderationItems);
    expect(item?.state, 'the cross-site hide did nothing').toBe('visible');
  });

  it('accepts a same-origin form post whose Origin is "null" (Referrer-Policy: no-referrer) by Sec-Fetch-Site', async () => {
    const res = await clients
      .get('moderator')!
      .post(
        `/staff/moderation/appeal/${appealId}/keep`,
        { note: '' },
        { origin: 'null', 'sec-fetch-site': 'same-origin' },
      );
    expect(res.status, 'past the CSRF check, to the form’s own validation').toBe(422);
  });

  it('shows hostile worker text escaped and direction-isolated in the queue and on the appeal page', async () => {
    for (const [client, path] of [
      [clients.get('moderator')!, '/staff/moderation'],
      [clients.get('responder')!, `/staff/appeals/${appealId}`],
    ] as const) {
      const page = await html(await client.get(path), 200);
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(page).toContain('&lt;img src=x onerror=alert(2)&gt;');
      expect(page).not.toMatch(/<script>alert|<img src=x/);
      expect(page).toMatch(/<(bdi|div class="user-text[^"]*" dir="auto")>&lt;script&gt;/);
    }
  });
});
