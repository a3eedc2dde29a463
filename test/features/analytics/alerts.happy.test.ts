import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departments, logEntries } from '../../../db/schema/index.js';
import { analyse } from '../../../src/features/analytics/index.js';
import { DAY } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { insertAppeals, stream } from './fixtures/appeal-stream.js';

interface AlertJson {
  id: number;
  groupKind: string;
  label: string;
  status: string;
  suggestedDepartmentId: number | null;
  evidence: {
    observed: number;
    distinctItems: number;
    growth: number;
    pValue: number;
    sampleAppealIds: number[];
  };
  response: { kind: string; note: string; url: string | null } | null;
  afterClose: { fell: boolean } | null;
}

describe('early warning through the HTTP app', () => {
  let h: Harness;
  let analyst: Awaited<ReturnType<Harness['signIn']>>;
  let analystLogin: { username: string; password: string };
  let busTeam: number;

  beforeAll(async () => {
    h = await createHarness();
    const now = h.clock.now();
    // five weeks of ordinary posts, then two days in which the early shuttle bus is on everyone's mind
    await insertAppeals(
      h.db,
      stream({ now, days: 35, perDay: 6, burst: { concern: 'bus-early', perDay: 10, days: 2 } }),
    );
    analystLogin = await h.createStaff({ role: 'analyst' });
    analyst = await h.signIn(analystLogin);
    const [team] = await h.db.select().from(departments).where(eq(departments.slug, 'commuter-bus'));
    busTeam = team!.id;
  });
  afterAll(() => h.close());

  const alerts = async (query = '') => {
    const res = await analyst.request(`/api/v1/staff/alerts${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return ((await res.json()) as { items: AlertJson[] }).items;
  };

  it('raises an alert for the rising topic, with its evidence and the department to answer', async () => {
    const res = await analyst.json('POST', '/api/v1/staff/alerts/analysis', {});
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as { alertsOpened: number }).alertsOpened).toBeGreaterThan(0);
    const topic = (await alerts()).find((a) => a.groupKind === 'topic');
    expect(topic, 'a topic alert').toBeDefined();
    expect(topic!.label).toContain('班车');
    expect(topic!.status).toBe('open');
    expect(topic!.suggestedDepartmentId).toBe(busTeam);
    expect(topic!.evidence.distinctItems).toBeGreaterThanOrEqual(5);
    expect(topic!.evidence.growth).toBeGreaterThanOrEqual(2);
    expect(topic!.evidence.pValue).toBeLessThan(0.001);
    expect(topic!.evidence.sampleAppealIds.length).toBeGreaterThan(0);
  });

  it('raises nothing about the concerns that stayed flat', async () => {
    for (const a of await alerts()) {
      const aboutTheBus =
        (a.groupKind === 'topic' && a.label.includes('班车')) ||
        (a.groupKind === 'category' && a.label === '通勤班车') ||
        (a.groupKind === 'department' && a.label === '通勤班车队');
      expect(aboutTheBus, `${a.groupKind} ${a.label}`).toBe(true);
    }
  });

  it('is idempotent: running again opens nothing new', async () => {
    const before = await alerts();
    const again = await analyse(h.db, h.clock.now());
    expect(again.alertsOpened).toBe(0);
    expect(again.alertsUpdated).toBe(before.length);
    expect((await alerts()).map((a) => a.id)).toEqual(before.map((a) => a.id));
  });

  it('assigns, records the response, closes, and logs both steps publicly', async () => {
    const [alert] = (await alerts()).filter((a) => a.groupKind === 'topic');
    const assigned = await analyst.json('POST', `/api/v1/staff/alerts/${alert!.id}/assignment`, {
      departmentId: busTeam,
    });
    expect(assigned.status, await assigned.clone().text()).toBe(200);
    expect(((await assigned.json()) as AlertJson).status).toBe('assigned');
    expect((await alerts('?status=assigned')).map((a) => a.id)).toContain(alert!.id);

    const closed = await analyst.json('POST', `/api/v1/staff/alerts/${alert!.id}/closure`, {
      responseKind: 'notice',
      note: '班车队调整早班发车时间，推迟二十分钟',
      url: 'http://zhitong.test/notices/1',
    });
    expect(closed.status, await closed.clone().text()).toBe(200);
    const body = (await closed.json()) as AlertJson;
    expect(body.status).toBe('closed');
    expect(body.response).toEqual({
      kind: 'notice',
      note: '班车队调整早班发车时间，推迟二十分钟',
      url: 'http://zhitong.test/notices/1',
    });
    const kinds = (await h.db.select().from(logEntries)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['analytics-alert.assign', 'analytics-alert.close']));
  });

  it('shows a week after closing whether the volume fell', async () => {
    h.clock.advance(9 * DAY);
    await insertAppeals(h.db, stream({ now: h.clock.now(), days: 8, perDay: 6, seed: 9 }));
    await analyse(h.db, h.clock.now());
    // the idle session ended during the nine days
    analyst = await h.signIn(analystLogin);
    const closed = (await alerts('?status=closed')).find((a) => a.groupKind === 'topic');
    expect(closed?.afterClose, 'follow-up figures').not.toBeNull();
    expect(closed!.afterClose!.fell).toBe(true);
  });

  it('lists the rising concern on the public hot-topics page', async () => {
    const res = await h.request('/api/v1/hot-topics?period=month');
    expect(res.status, await res.clone().text()).toBe(200);
    const { topics } = (await res.json()) as { topics: { label: string[]; volume: number }[] };
    expect(topics.length).toBeGreaterThan(0);
    expect(topics[0]!.label).toContain('班车');
    for (const t of topics) expect(t.volume).toBeGreaterThanOrEqual(5);
  });
});
