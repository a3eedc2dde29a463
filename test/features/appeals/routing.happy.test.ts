import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import {
  call,
  categoryId,
  deptId,
  getJson,
  type PublicAppeal,
  row,
  type StaffClient,
  staffMember,
  store,
} from './appeals-fixture.js';

/** Routing rules (category, optionally keywords → department) and a dispatcher's reassignment with a reason. */
describe('routing and reassignment', () => {
  let h: Harness;
  let dispatcher: StaffClient;
  let d: Record<string, number>;

  beforeAll(async () => {
    h = await createHarness();
    dispatcher = await staffMember(h, { role: 'dispatcher' });
    d = {} as Record<string, number>;
    for (const slug of ['housing', 'trade-union', 'passenger-depot', 'canteen', 'personnel'])
      d[slug] = await deptId(h, slug);
  });
  afterAll(() => h.close());

  it('sends a category to its default department, or by a keyword rule, or to the one the worker named', async () => {
    const other = await categoryId(h, 'other');
    const rule = await call<{ id: number }>(
      dispatcher,
      'POST',
      '/api/v1/staff/routing-rules',
      { categoryId: other, keywords: ['宿舍', '公寓'], departmentId: d.housing },
      201,
    );
    const plain = await store(h, { title: '活动室晚上不开放', body: '倒班职工进不去', category: 'other' });
    const keyword = await store(h, {
      title: '宿舍能否允许家属探亲',
      body: '希望开放探亲房',
      category: 'other',
    });
    const named = await store(h, {
      title: '宿舍问题',
      body: '请工会关注',
      category: 'other',
      departmentId: d['trade-union'],
    });
    expect((await row(h, plain.id)).departmentId).toBe(d['trade-union']);
    expect((await row(h, keyword.id)).departmentId).toBe(d.housing);
    expect((await row(h, named.id)).departmentId).toBe(d['trade-union']);
    const rules = await call<{ id: number; keywords: string[] }[]>(
      dispatcher,
      'GET',
      '/api/v1/staff/routing-rules',
      undefined,
      200,
    );
    expect(rules).toEqual([expect.objectContaining({ id: rule.id, keywords: ['宿舍', '公寓'] })]);
    await call(dispatcher, 'DELETE', `/api/v1/staff/routing-rules/${rule.id}`, undefined, 200);
    const after = await store(h, { title: '宿舍', body: '宿舍', category: 'other' });
    expect((await row(h, after.id)).departmentId).toBe(d['trade-union']);
  });

  it('prefers a keyword rule to a plain one, and a plain rule to the category default', async () => {
    const canteen = await categoryId(h, 'canteen');
    await call(
      dispatcher,
      'POST',
      '/api/v1/staff/routing-rules',
      { categoryId: canteen, departmentId: d['passenger-depot'] },
      201,
    );
    await call(
      dispatcher,
      'POST',
      '/api/v1/staff/routing-rules',
      { categoryId: canteen, keywords: ['清真'], departmentId: d.canteen },
      201,
    );
    const plain = await store(h, { title: '乘务员出乘餐盒', body: '赶不上开饭', category: 'canteen' });
    const keyword = await store(h, {
      title: '希望增加清真窗口',
      body: '少数民族职工不方便',
      category: 'canteen',
    });
    expect((await row(h, plain.id)).departmentId).toBe(d['passenger-depot']);
    expect((await row(h, keyword.id)).departmentId).toBe(d.canteen);
  });

  it('a dispatcher reassigns with a public reason; the deadline clock keeps running', async () => {
    const { id } = await store(h, {
      title: '排班表能否提前一周公布',
      body: '家里有事没法安排',
      category: 'rosters-leave',
    });
    const due = (await row(h, id)).answerDueAt;
    await call(
      dispatcher,
      'POST',
      `/api/v1/staff/appeals/${id}/assignment`,
      { departmentId: d['passenger-depot'] },
      422,
    );
    await call(
      dispatcher,
      'POST',
      `/api/v1/staff/appeals/${id}/assignment`,
      { departmentId: d['passenger-depot'], reason: '排班由客运段编制' },
      200,
    );
    const a = await getJson<PublicAppeal>(h, `/api/v1/appeals/${id}`);
    expect(a.departmentId).toBe(d['passenger-depot']);
    expect(a.timeline.at(-1)).toMatchObject({
      kind: 'reassigned',
      departmentId: d['passenger-depot'],
      actorRole: 'dispatcher',
      data: { from: d.personnel, reason: '排班由客运段编制' },
    });
    expect((await row(h, id)).answerDueAt).toBe(due);
    const depot = await staffMember(h, { role: 'responder', departmentIds: [d['passenger-depot']!] });
    const inbox = await call<{ kind: string; appeal: { id: number } }[]>(
      depot,
      'GET',
      '/api/v1/staff/inbox',
      undefined,
      200,
    );
    expect(inbox.map((n) => [n.kind, n.appeal.id])).toContainEqual(['assigned', id]);
    expect(
      (
        await depot.json('POST', `/api/v1/staff/appeals/${id}/assignment`, {
          departmentId: d.housing,
          reason: 'x',
        })
      ).status,
    ).toBe(403);
  });

  it('an appeal no rule routes waits for a dispatcher, who sees it in the inbox and assigns it', async () => {
    const { id } = await store(h, {
      title: '职工心理咨询热线',
      body: '希望开通',
      category: 'other',
      unrouted: true,
    });
    expect((await row(h, id)).status).toBe('published');
    const inbox = await call<{ kind: string; appeal: { id: number } }[]>(
      dispatcher,
      'GET',
      '/api/v1/staff/inbox',
      undefined,
      200,
    );
    expect(inbox.map((n) => [n.kind, n.appeal.id])).toContainEqual(['unrouted', id]);
    await call(
      dispatcher,
      'POST',
      `/api/v1/staff/appeals/${id}/assignment`,
      { departmentId: d['trade-union'], reason: '工会负责职工关爱' },
      200,
    );
    const a = await getJson<PublicAppeal>(h, `/api/v1/appeals/${id}`);
    expect(a.status).toBe('assigned');
    expect(a.timeline.at(-1)!.kind).toBe('assigned');
  });
});
