import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyticsAlerts, analyticsTopics } from '../../../db/schema/index.js';
import { analyse } from '../../../src/features/analytics/index.js';
import { HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { insertAppeals, stream } from './fixtures/appeal-stream.js';

describe('who may see and act on alerts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('refuses anyone without a staff session', async () => {
    expect((await h.request('/api/v1/staff/alerts')).status).toBe(401);
    const res = await h.postJson(
      '/api/v1/staff/alerts/1/assignment',
      { departmentId: 1 },
      { origin: ORIGIN },
    );
    expect(res.status).toBe(401);
  });

  it.each(['responder', 'moderator', 'dispatcher'] as const)('refuses a %s', async (role) => {
    const staff = await h.signIn(await h.createStaff({ role, departmentIds: [1] }));
    expect((await staff.request('/api/v1/staff/alerts')).status).toBe(403);
    expect((await staff.json('POST', '/api/v1/staff/alerts/analysis', {})).status).toBe(403);
  });

  it.each(['analyst', 'admin'] as const)('lets an %s in', async (role) => {
    const staff = await h.signIn(await h.createStaff({ role }));
    expect((await staff.request('/api/v1/staff/alerts')).status).toBe(200);
  });

  it('refuses a cross-site write even with a session', async () => {
    const analyst = await h.signIn(await h.createStaff({ role: 'analyst' }));
    const res = await analyst.request('/api/v1/staff/alerts/analysis', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
  });
});

describe('no alert or topic view rests on fewer than five items', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(() => h.close());

  const quiet = (now: number) => stream({ now, days: 30, perDay: 3, seed: 5 });

  it('raises no alert for a sudden group of four posts', async () => {
    const now = h.clock.now();
    const four = [
      '体检中心搬迁后太远',
      '体检中心新址太远了',
      '搬迁后的体检中心离段里太远',
      '体检中心搬太远，不方便',
    ];
    await insertAppeals(h.db, [
      ...quiet(now),
      ...four.map((text, i) => ({ text, category: 'medical-insurance', at: now - i * HOUR })),
    ]);
    await analyse(h.db, now);
    expect(await h.db.select().from(analyticsAlerts)).toEqual([]);
  });

  it('counts pasted copies once: six pastes of one text raise no alert', async () => {
    const now = h.clock.now();
    const pasted = Array.from({ length: 6 }, (_, i) => ({
      text: i % 2 ? '体检中心搬迁后太远！' : '体检中心搬迁后太远',
      category: 'medical-insurance',
      at: now - i * HOUR,
    }));
    await insertAppeals(h.db, [...quiet(now), ...pasted]);
    await analyse(h.db, now);
    const alerts = await h.db.select().from(analyticsAlerts);
    expect(alerts.filter((a) => a.groupKind === 'topic')).toEqual([]);
    for (const a of alerts) expect(a.distinctCount).toBeGreaterThanOrEqual(5);
  });

  it('leaves topics of fewer than five items off the public hot-topics page', async () => {
    const now = h.clock.now();
    const four = [
      '体检中心搬迁后太远',
      '体检中心新址太远了',
      '搬迁后的体检中心离段里太远',
      '体检中心搬太远，不方便',
    ];
    await insertAppeals(h.db, [
      ...quiet(now),
      ...four.map((text, i) => ({ text, category: 'medical-insurance', at: now - i * HOUR })),
    ]);
    await analyse(h.db, now);
    const small = (await h.db.select().from(analyticsTopics)).filter((t) => t.itemCount < 5);
    expect(small.length, 'the store has small topics…').toBeGreaterThan(0);
    for (const period of ['week', 'month']) {
      const res = await h.request(`/api/v1/hot-topics?period=${period}&limit=50`);
      const { topics } = (await res.json()) as { topics: { key: number; volume: number }[] };
      const shown = new Set(topics.map((t) => t.key));
      for (const t of small)
        expect(shown.has(t.key), `…but topic ${t.label.join('·')} is not shown`).toBe(false);
      for (const t of topics) expect(t.volume).toBeGreaterThanOrEqual(5);
    }
  });
});
