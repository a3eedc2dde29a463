import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAppeals } from '../../../db/seed/demo-appeals.js';
import { HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';

interface Page {
  items: { id: number; status: string; overdue: boolean }[];
  nextCursor: string | null;
}

describe('demo appeals: a newcomer sees a living platform', () => {
  let h: Harness;
  let seeded: number;
  beforeAll(async () => {
    h = await createHarness();
    seeded = await seedDemoAppeals(h.db, h.clock.now());
  });
  afterAll(() => h.close());

  it('seeds a few dozen appeals in every public status, through the services', async () => {
    expect(seeded).toBeGreaterThanOrEqual(30);
    const res = await h.request('/api/v1/appeals?limit=50');
    const page = (await res.json()) as Page;
    expect(page.items).toHaveLength(seeded);
    const statuses = new Set(page.items.map((a) => a.status));
    for (const s of ['published', 'assigned', 'answered', 'closed', 'reopened', 'withdrawn'])
      expect(statuses, s).toContain(s);
    expect(page.items.some((a) => a.overdue)).toBe(true);
  });

  it('has answers of all three kinds, commitments in every state, co-signs and escalations', async () => {
    const kinds = await h.db.all<{ kind: string }>(sql`SELECT DISTINCT kind FROM appeal_answers`);
    expect(kinds.map((k) => k.kind).sort()).toEqual(['not_yet_solvable', 'outside_policy', 'solvable']);
    const outcomes = await h.db.all<{ o: string | null }>(sql`SELECT DISTINCT outcome AS o FROM commitments`);
    expect(outcomes.map((o) => o.o)).toEqual(expect.arrayContaining([null, 'kept', 'partly_kept']));
    const events = await h.db.all<{ kind: string }>(sql`SELECT DISTINCT kind FROM appeal_events`);
    for (const k of [
      'escalated',
      'deadline_missed',
      'reassigned',
      'verdict',
      'reopened',
      'closed',
      'commitment_overdue',
    ])
      expect(
        events.map((e) => e.kind),
        k,
      ).toContain(k);
    const [auto] = await h.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM appeal_events WHERE kind = 'closed' AND data LIKE '%auto%'`,
    );
    expect(auto!.n).toBeGreaterThan(0);
  });

  it('keeps the invariants of real posts: random receipt hashes, whole-hour worker times', async () => {
    const rows = await h.db.all<{ receipt_hash: string; created_at: number; publish_at: number }>(
      sql`SELECT receipt_hash, created_at, publish_at FROM appeals`,
    );
    expect(new Set(rows.map((r) => r.receipt_hash)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.receipt_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.created_at % HOUR).toBe(0);
      expect(r.publish_at % HOUR).toBe(0);
    }
    const authorTimes = await h.db.all<{ at: number }>(
      sql`SELECT at FROM appeal_events WHERE kind IN ('submitted', 'verdict', 'withdrawn', 'author_added')`,
    );
    for (const e of authorTimes) expect(e.at % HOUR).toBe(0);
  });
});
