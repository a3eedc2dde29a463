import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeadlines } from '../../../src/features/appeals/deadlines.service.js';
import { DAY } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { deptId, row, store } from './appeals-fixture.js';

/** The deadline run as a timer would call it: up the hierarchy to the top, and idempotent under races. */
describe('runDeadlines', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('climbs one level per missed deadline and stays overdue at the top, recording each miss once', async () => {
    const { id } = await store(h, { title: '食堂夜班', body: '饭菜是凉的', category: 'canteen' });
    const chain = [await deptId(h, 'canteen'), await deptId(h, 'logistics'), await deptId(h, 'bureau')];
    const unrouted = await store(h, { title: '无人分派', body: '内容', category: 'other', unrouted: true });
    const departments: (number | null)[] = [];
    for (let i = 0; i < 4; i++) {
      h.clock.advance(10 * DAY);
      await runDeadlines(h.db, h.clock.now());
      departments.push((await row(h, id)).departmentId);
    }
    expect(departments).toEqual([chain[1], chain[2], chain[2], chain[2]]);
    const a = await row(h, id);
    expect(a.overdueSince).not.toBeNull();
    const misses = await h.db.all<{ department_id: number }>(
      sql`SELECT department_id FROM deadline_misses WHERE appeal_id = ${id} ORDER BY id`,
    );
    expect(misses.map((m) => m.department_id)).toEqual(chain);
    // an appeal nobody routed goes to the top when its deadline passes
    expect((await row(h, unrouted.id)).departmentId).toBe(chain[2]);
  });

  it('counts a miss once when two runs race', async () => {
    const { id } = await store(h, { title: '排班', body: '连续夜班', category: 'rosters-leave' });
    h.clock.advance(10 * DAY);
    const runs = await Promise.all([runDeadlines(h.db, h.clock.now()), runDeadlines(h.db, h.clock.now())]);
    expect(runs.map((r) => r.missed).reduce((a, b) => a + b, 0)).toBe(1);
    const events = await h.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM appeal_events WHERE appeal_id = ${id} AND kind = 'escalated'`,
    );
    expect(events[0]!.n).toBe(1);
  });
});
