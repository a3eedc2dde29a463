import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appeals, type StaffRole } from '../../../db/schema/index.js';
import { normaliseForSearch } from '../../../src/features/appeals/search-index.js';
import type { RoleGuard } from '../../../src/features/staff/index.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import {
  deptId,
  getJson,
  type PublicAppeal,
  row,
  type StaffClient,
  staffMember,
  store,
} from './appeals-fixture.js';

const TITLE = '夜班补贴标准多年未调整';
const BODY = '我们车间夜班补贴还是每晚 25 元，请问今年有没有调整计划？';
const HACK = '（已被修改）';

/** Every staff route, as method and path pattern, with the roles its guard admits. */
function staffRoutes(h: Harness) {
  const byKey = new Map<string, { method: string; path: string; roles: readonly StaffRole[] | null }>();
  for (const r of h.app.routes) {
    if (!r.path.startsWith('/api/v1/staff/') || r.method === 'ALL') continue;
    const key = `${r.method} ${r.path}`;
    const guard = (r.handler as Partial<RoleGuard>).roles;
    const seen = byKey.get(key);
    byKey.set(key, { method: r.method, path: r.path, roles: guard ?? seen?.roles ?? null });
  }
  return [...byKey.values()];
}

/**
 * 不改动: whatever a staff member sends to whichever staff route, a worker's words stay as written. The
 * test walks h.app.routes, so a staff route added later by any feature is tried too.
 */
describe('no staff route can change the text of a worker’s appeal', () => {
  let h: Harness;
  let id: number;
  let clients: Map<StaffRole, StaffClient>;

  beforeAll(async () => {
    h = await createHarness();
    ({ id } = await store(h, { title: TITLE, body: BODY, category: 'pay' }));
    // the routed department and the one a dispatcher route may reassign it to
    const depts = [(await row(h, id)).departmentId!, await deptId(h, 'personnel')];
    clients = new Map();
    for (const role of ['admin', 'moderator', 'dispatcher', 'responder', 'analyst'] as const)
      clients.set(role, await staffMember(h, { role, departmentIds: depts }));
  });
  afterAll(() => h.close());

  it('every staff route except sign-in and sign-out declares the roles it admits', () => {
    const routes = staffRoutes(h);
    expect(routes.length).toBeGreaterThan(15);
    const unguarded = routes.filter((r) => r.roles === null).map((r) => `${r.method} ${r.path}`);
    expect(unguarded.sort()).toEqual([
      'DELETE /api/v1/staff/session',
      'POST /api/v1/staff/session',
      'POST /api/v1/staff/session/oidc',
    ]);
  });

  it('tries every staff route with bodies that carry a new title and body; the stored text is unchanged', async () => {
    const dept = await deptId(h, 'labour-wages');
    const attempts = [
      { title: HACK, body: HACK },
      { title: HACK, body: HACK, text: HACK, content: HACK, appealId: id, id },
      // well-formed for the appeal routes, plus the text fields
      { kind: 'outside_policy', explanation: '说明', title: HACK, body: HACK },
      { kind: 'outside_policy', explanation: HACK },
      { departmentId: await deptId(h, 'personnel'), reason: HACK },
      { outcome: 'kept', text: HACK },
      { categoryId: 1, keywords: [HACK], departmentId: dept },
    ];
    const tried: string[] = [];
    for (const r of staffRoutes(h)) {
      if (r.path === '/api/v1/staff/session') continue;
      const path = r.path
        .replace(':id', String(id))
        .replace(':date', '2026-01-10')
        .replace(':type', 'appeal')
        .replace(/:[a-z]+/gi, 'edit');
      const who = clients.get(r.roles?.[0] ?? 'admin')!;
      for (const body of r.method === 'GET' || r.method === 'DELETE' ? [undefined] : attempts) {
        const res = await who.json(r.method, path, body);
        expect(res.status, `${r.method} ${path}`).toBeLessThan(500);
      }
      tried.push(`${r.method} ${r.path}`);
    }
    expect(tried).toEqual(
      expect.arrayContaining([
        'POST /api/v1/staff/appeals/:id/answers',
        'POST /api/v1/staff/appeals/:id/assignment',
      ]),
    );
    const stored = await row(h, id);
    expect([stored.title, stored.body]).toEqual([TITLE, BODY]);
    const shown = await getJson<PublicAppeal>(h, `/api/v1/appeals/${id}`);
    expect([shown.title, shown.body]).toEqual([TITLE, BODY]);
    // some of those requests were valid and took effect (an answer, a reassignment): text still as written
    expect(shown.answers.length).toBeGreaterThan(0);
    const indexed = await h.db.all<{ title: string; body: string }>(
      sql`SELECT title, body FROM appeal_search_trigram WHERE rowid = ${id}`,
    );
    expect(indexed).toEqual([{ title: normaliseForSearch(TITLE), body: normaliseForSearch(BODY) }]);
  });

  it('the database itself refuses to update the text, whatever code path tries', async () => {
    await expect(h.db.update(appeals).set({ title: HACK }).where(eq(appeals.id, id))).rejects.toThrow();
    await expect(h.db.update(appeals).set({ body: HACK }).where(eq(appeals.id, id))).rejects.toThrow();
    const [answers] = await h.db.all<{ n: number }>(sql`SELECT count(*) AS n FROM appeal_answers`);
    expect(answers!.n).toBeGreaterThan(0);
    await expect(h.db.run(sql`UPDATE appeal_answers SET content = '{}'`)).rejects.toThrow();
    expect((await row(h, id)).title).toBe(TITLE);
  });
});
