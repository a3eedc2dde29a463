import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsAlerts } from '../../../db/schema/index.js';
import { createHarness, type Harness } from '../../helpers/harness.js';

describe('alert workflow errors', () => {
  let h: Harness;
  let analyst: Awaited<ReturnType<Harness['signIn']>>;
  let alertId: number;

  beforeAll(async () => {
    h = await createHarness();
    analyst = await h.signIn(await h.createStaff({ role: 'analyst' }));
    const [row] = await h.db
      .insert(analyticsAlerts)
      .values({
        groupKind: 'category',
        groupKey: 'pay',
        label: '工资待遇',
        startDay: 20_000,
        endDay: 20_001,
        observed: 12,
        distinctCount: 12,
        expected: 3,
        growth: 4,
        pValue: 1e-5,
        z: 5.2,
        sampleAppealIds: [],
        departmentIds: [],
        createdAt: h.clock.now(),
        updatedAt: h.clock.now(),
      })
      .returning();
    alertId = row!.id;
  });
  afterAll(() => h.close());

  const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  it('404 for an alert that does not exist', async () => {
    const res = await analyst.json('POST', '/api/v1/staff/alerts/99999/assignment', { departmentId: 1 });
    expect(res.status).toBe(404);
    expect(await code(res)).toBe('ALERT_NOT_FOUND');
  });

  it('422 for a department that does not exist', async () => {
    const res = await analyst.json('POST', `/api/v1/staff/alerts/${alertId}/assignment`, {
      departmentId: 99999,
    });
    expect(res.status).toBe(422);
    expect(await code(res)).toBe('DEPARTMENT_NOT_FOUND');
  });

  it.each([
    ['an unknown response kind', { responseKind: 'tweet', note: '已处理' }],
    ['an empty note', { responseKind: 'notice', note: '   ' }],
    ['a field that is not part of the body', { responseKind: 'notice', note: '已处理', status: 'open' }],
    ['a link that is not a URL', { responseKind: 'explainer', note: '已处理', url: 'not a url' }],
  ])('422 for %s', async (_, body) => {
    const res = await analyst.json('POST', `/api/v1/staff/alerts/${alertId}/closure`, body);
    expect(res.status, await res.clone().text()).toBe(422);
    expect(await code(res)).toBe('VALIDATION_FAILED');
  });

  it('409 when closing or assigning an alert that is already closed', async () => {
    const first = await analyst.json('POST', `/api/v1/staff/alerts/${alertId}/closure`, {
      responseKind: 'meeting',
      note: '劳卫处召开调资说明会',
    });
    expect(first.status, await first.clone().text()).toBe(200);
    const again = await analyst.json('POST', `/api/v1/staff/alerts/${alertId}/closure`, {
      responseKind: 'meeting',
      note: '再开一次',
    });
    expect(again.status).toBe(409);
    expect(await code(again)).toBe('ALERT_CLOSED');
    const assign = await analyst.json('POST', `/api/v1/staff/alerts/${alertId}/assignment`, {
      departmentId: 2,
    });
    expect(assign.status).toBe(409);
  });

  it('422 for a bad status filter or period', async () => {
    expect((await analyst.request('/api/v1/staff/alerts?status=snoozed')).status).toBe(422);
    expect((await h.request('/api/v1/hot-topics?period=year')).status).toBe(422);
  });
});
