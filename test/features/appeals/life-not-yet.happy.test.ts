import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';
import {
  call,
  categoryId,
  deptId,
  getJson,
  kinds,
  type PublicAppeal,
  post,
  type StaffClient,
  staffMember,
} from './appeals-fixture.js';

/**
 * "Not solvable yet" with a tracked investigation; the author, unsatisfied, reopens it once: round 2 goes
 * to the parent department, whose new answer is the update the first promise asked for. Unsatisfied again,
 * it closes for good.
 */
describe('life of an appeal: not solvable yet, unsatisfied author reopens, second round at the parent', () => {
  let h: Harness;
  let housing: StaffClient;
  let bureau: StaffClient;
  let id: number;
  let receipt: string;
  let dept: { housing: number; bureau: number };

  beforeAll(async () => {
    h = await createHarness();
    dept = { housing: await deptId(h, 'housing'), bureau: await deptId(h, 'bureau') };
    housing = await staffMember(h, { role: 'responder', departmentIds: [dept.housing] });
    bureau = await staffMember(h, { role: 'responder', departmentIds: [dept.bureau] });
    const [token] = await fetchTokens(h.request, (await h.codes(1))[0]!, 1);
    ({ id, receipt } = await post(h, token!, {
      title: '单身公寓排队三年还没轮到',
      body: '排名每年都在变，想知道排队规则。',
      categoryId: await categoryId(h, 'housing'),
    }));
  });
  afterAll(() => h.close());

  const detail = () => getJson<PublicAppeal>(h, `/api/v1/appeals/${id}`);
  const verdict = (body: Record<string, unknown>) =>
    h.postJson(`/api/v1/appeals/${id}/verdict`, { receipt, ...body });

  it('is answered "not solvable yet" with a reason, an investigation and a next-update date', async () => {
    expect((await detail()).answerDueAt).toBe('2026-01-19T16:00:00.000Z'); // 10 working days for housing
    h.clock.advance(2 * DAY);
    await call(
      housing,
      'POST',
      `/api/v1/staff/appeals/${id}/answers`,
      {
        kind: 'not_yet_solvable',
        reason: '公寓房源不足',
        investigation: '正在统计排队人数',
        nextUpdate: '2026-02-06',
      },
      201,
    );
    const a = await detail();
    expect(a.answers[0]!.commitments[0]).toMatchObject({
      kind: 'next_update',
      dueDate: '2026-02-06',
      outcome: null,
    });
  });

  it('the unsatisfied author must give a reason, then reopens it once: round 2 at the parent, fresh deadline', async () => {
    const noReason = await verdict({ verdict: 'unsatisfied' });
    expect(noReason.status).toBe(422);
    const res = await verdict({ verdict: 'unsatisfied', reason: '没有回答排队规则' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'reopened', round: 2 });
    const a = await detail();
    expect(a).toMatchObject({
      status: 'reopened',
      round: 2,
      departmentId: dept.bureau,
      answerOverdue: false,
    });
    expect(a.answerDueAt).toBe('2026-01-21T16:00:00.000Z'); // 10 working days from Wednesday the 7th
    expect(kinds(a).slice(-3)).toEqual(['verdict', 'reopened', 'escalated']);
    expect(a.timeline.at(-3)!.data).toMatchObject({
      verdict: 'unsatisfied',
      reason: '没有回答排队规则',
      round: 1,
    });
    const notes = await call<{ kind: string }[]>(bureau, 'GET', '/api/v1/staff/inbox', undefined, 200);
    expect(notes.map((n) => n.kind)).toContain('reopened');
  });

  it('round 2 belongs to the parent; its answer settles the open next-update promise as kept', async () => {
    const answer = {
      kind: 'solvable',
      measures: '公布排队规则和名次查询方式',
      ownerDepartmentId: dept.housing,
      dueDate: '2026-01-30',
    };
    expect((await housing.json('POST', `/api/v1/staff/appeals/${id}/answers`, answer)).status).toBe(403);
    await call(bureau, 'POST', `/api/v1/staff/appeals/${id}/answers`, answer, 201);
    const a = await detail();
    expect(a.status).toBe('answered');
    expect(a.answers.map((x) => [x.kind, x.departmentId])).toEqual([
      ['not_yet_solvable', dept.housing],
      ['solvable', dept.bureau],
    ]);
    expect(a.answers[0]!.commitments[0]).toMatchObject({ outcome: 'kept', overdue: false });
    expect(a.timeline.find((e) => e.kind === 'commitment_outcome')!.actorRole).toBe('system');
  });

  it('unsatisfied again in round 2 is final: the appeal closes and cannot be reopened', async () => {
    const res = await verdict({ verdict: 'unsatisfied', reason: '还是不清楚名次' });
    expect(await res.json()).toMatchObject({ status: 'closed', round: 2 });
    const a = await detail();
    expect(a.status).toBe('closed');
    expect(kinds(a).slice(-2)).toEqual(['verdict', 'closed']);
    expect((await verdict({ verdict: 'satisfied' })).status).toBe(409);
  });
});
