import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { call, deptId, type StaffClient, staffMember, store } from './appeals-fixture.js';

type ErrorBody = { error: { code: string; details?: { path: string }[] } };

/** What is refused, with which status and code. */
describe('appeals: refusals', () => {
  let h: Harness;
  let pay: StaffClient;
  let other: StaffClient;
  let admin: StaffClient;
  let id: number;
  let receipt: string;
  const answer = (who: StaffClient, appeal: number, body: unknown) =>
    who.json('POST', `/api/v1/staff/appeals/${appeal}/answers`, body);
  const code = async (res: Response) => ((await res.json()) as ErrorBody).error;

  beforeAll(async () => {
    h = await createHarness();
    pay = await staffMember(h, { role: 'responder', departmentIds: [await deptId(h, 'labour-wages')] });
    other = await staffMember(h, { role: 'responder', departmentIds: [await deptId(h, 'canteen')] });
    admin = await staffMember(h, { role: 'admin' });
    ({ id, receipt } = await store(h, { title: '夜班补贴', body: '多年未调整', category: 'pay' }));
  });
  afterAll(() => h.close());

  it('requires each answer kind’s fields, and nothing else (422 naming the fields)', async () => {
    const cases: [unknown, string][] = [
      [{ kind: 'solvable', measures: '措施', ownerDepartmentId: 2 }, 'dueDate'],
      [{ kind: 'not_yet_solvable', reason: '原因', nextUpdate: '2026-02-01' }, 'investigation'],
      [{ kind: 'outside_policy' }, 'explanation'],
      [{ kind: 'outside_policy', explanation: '说明', dueDate: '2026-02-01' }, ''],
      [{ kind: 'outside_policy', explanation: '说明', policyUrl: 'javascript:alert(1)' }, 'policyUrl'],
      [{ kind: 'solvable', measures: '措施', ownerDepartmentId: 2, dueDate: '2026-02-30' }, 'dueDate'],
      [{ kind: 'maybe', text: '?' }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const res = await answer(pay, id, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      const err = await code(res);
      expect(err.code).toBe('VALIDATION_FAILED');
      if (field) expect(err.details!.map((d) => d.path).join(' '), JSON.stringify(body)).toContain(field);
    }
  });

  it('refuses a promise dated in the past, an answer from another department, an unassigned appeal', async () => {
    const past = await answer(pay, id, {
      kind: 'solvable',
      measures: '措施',
      ownerDepartmentId: 2,
      dueDate: '2026-01-04',
    });
    expect([past.status, (await code(past)).code]).toEqual([422, 'DATE_IN_PAST']);
    const foreign = await answer(other, id, { kind: 'outside_policy', explanation: '说明' });
    expect([foreign.status, (await code(foreign)).code]).toEqual([403, 'NOT_RESPONSIBLE']);
    const unrouted = await store(h, { title: '未分派', body: '内容', category: 'other', unrouted: true });
    const res = await answer(admin, unrouted.id, { kind: 'outside_policy', explanation: '说明' });
    expect(res.status).toBe(403); // admins are not responders
    const dispatcherless = await answer(pay, unrouted.id, { kind: 'outside_policy', explanation: '说明' });
    expect([dispatcherless.status, (await code(dispatcherless)).code]).toEqual([409, 'APPEAL_NOT_ASSIGNED']);
    expect((await answer(pay, 99999, { kind: 'outside_policy', explanation: '说明' })).status).toBe(404);
  });

  it('settles a commitment once; a second outcome is refused', async () => {
    const { commitmentId } = await call<{ commitmentId: number }>(
      pay,
      'POST',
      `/api/v1/staff/appeals/${id}/answers`,
      {
        kind: 'solvable',
        measures: '调整标准',
        ownerDepartmentId: await deptId(h, 'labour-wages'),
        dueDate: '2026-03-01',
      },
      201,
    );
    await call(
      other,
      'POST',
      `/api/v1/staff/commitments/${commitmentId}/outcome`,
      { outcome: 'kept', text: '完成' },
      403,
    );
    await call(
      pay,
      'POST',
      `/api/v1/staff/commitments/${commitmentId}/outcome`,
      { outcome: 'kept', text: '完成' },
      200,
    );
    const again = await pay.json('POST', `/api/v1/staff/commitments/${commitmentId}/outcome`, {
      outcome: 'not_kept',
      text: '改口',
    });
    expect([again.status, (await code(again)).code]).toEqual([409, 'COMMITMENT_SETTLED']);
    await call(
      pay,
      'POST',
      '/api/v1/staff/commitments/99999/outcome',
      { outcome: 'kept', text: '完成' },
      404,
    );
  });

  it('follow-up needs the right receipt, the right state and one verdict per round', async () => {
    const wrong = await h.postJson(`/api/v1/appeals/${id}/verdict`, {
      receipt: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
      verdict: 'satisfied',
    });
    expect([wrong.status, (await code(wrong)).code]).toEqual([403, 'RECEIPT_INVALID']);
    const fresh = await store(h, { title: '新的', body: '内容', category: 'pay' });
    const early = await h.postJson(`/api/v1/appeals/${fresh.id}/verdict`, {
      receipt: fresh.receipt,
      verdict: 'satisfied',
    });
    expect([early.status, (await code(early)).code]).toEqual([409, 'APPEAL_STATE_CONFLICT']);
    const mine = await h.postJson(`/api/v1/appeals/${fresh.id}/verdict`, { receipt, verdict: 'satisfied' });
    expect(mine.status).toBe(403); // a receipt opens its own appeal only
    expect(
      (await h.postJson(`/api/v1/appeals/${id}/verdict`, { receipt, verdict: 'partly_satisfied' })).status,
    ).toBe(422);
    expect(
      (await h.postJson(`/api/v1/appeals/${id}/verdict`, { receipt, verdict: 'satisfied' })).status,
    ).toBe(200);
    const twice = await h.postJson(`/api/v1/appeals/${id}/verdict`, { receipt, verdict: 'satisfied' });
    expect(twice.status).toBe(409);
    const gone = await h.postJson(`/api/v1/appeals/${fresh.id}/withdraw`, { receipt: fresh.receipt });
    expect(gone.status).toBe(200);
    const late = await answer(pay, fresh.id, { kind: 'outside_policy', explanation: '说明' });
    expect([late.status, (await code(late)).code]).toEqual([409, 'APPEAL_CLOSED']);
    expect(
      (await h.postJson(`/api/v1/appeals/${fresh.id}/withdraw`, { receipt: fresh.receipt })).status,
    ).toBe(409);
  });

  it('guards staff routes by session and role, and co-signs by token', async () => {
    expect((await h.request('/api/v1/staff/inbox')).status).toBe(401);
    expect((await other.json('POST', '/api/v1/staff/deadlines/run', {})).status).toBe(403);
    expect(
      (await other.json('POST', '/api/v1/staff/webhooks', { format: 'wecom', url: 'https://x.example' }))
        .status,
    ).toBe(403);
    await call(admin, 'POST', '/api/v1/staff/webhooks', { format: 'slack', url: 'https://x.example' }, 422);
    await call(admin, 'POST', '/api/v1/staff/webhooks', { format: 'wecom', url: 'ftp://x.example' }, 422);
    const cosign = await h.request(`/api/v1/appeals/${id}/cosigns`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(cosign.status).toBe(401);
    expect(cosign.headers.get('www-authenticate')).toMatch(/^PrivateToken /);
    expect((await h.request('/api/v1/appeals/99999')).status).toBe(404);
  });
});
