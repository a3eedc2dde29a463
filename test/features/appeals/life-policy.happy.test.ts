import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * "Outside policy": the author adds information with the receipt, workers co-sign, the canteen explains
 * the policy with a link to the explainer, and the satisfied author closes it. A second appeal is
 * withdrawn by its author, after which nothing more is owed.
 */
describe('life of an appeal: outside policy, co-signed, satisfied; and a withdrawn one', () => {
  let h: Harness;
  let canteen: StaffClient;
  let tokens: string[];
  let id: number;
  let receipt: string;

  beforeAll(async () => {
    h = await createHarness();
    canteen = await staffMember(h, { role: 'responder', departmentIds: [await deptId(h, 'canteen')] });
    tokens = await fetchTokens(h.request, (await h.codes(1))[0]!, 5);
    ({ id, receipt } = await post(h, tokens[0]!, {
      title: '食堂价格上涨但分量变少',
      body: '一份菜涨了两块钱。',
      categoryId: await categoryId(h, 'canteen'),
    }));
  });
  afterAll(() => h.close());

  const detail = () => getJson<PublicAppeal>(h, `/api/v1/appeals/${id}`);

  it('the author adds information with the receipt; it shows on the timeline exactly as written', async () => {
    const res = await h.postJson(`/api/v1/appeals/${id}/information`, {
      receipt,
      text: '上周三中午的红烧肉 <b>只有四块</b>',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const a = await detail();
    expect(a.timeline.at(-1)).toMatchObject({
      kind: 'author_added',
      data: { text: '上周三中午的红烧肉 <b>只有四块</b>' },
    });
    expect(a.body).toBe('一份菜涨了两块钱。');
  });

  it('"me too": each co-sign spends one token, and a token co-signs once', async () => {
    for (const t of [tokens[1]!, tokens[2]!]) {
      const res = await h.request(`/api/v1/appeals/${id}/cosigns`, {
        method: 'POST',
        headers: { authorization: t, 'content-type': 'application/json' },
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const again = await h.request(`/api/v1/appeals/${id}/cosigns`, {
      method: 'POST',
      headers: { authorization: tokens[1]!, 'content-type': 'application/json' },
    });
    expect(again.status).toBe(409);
    expect((await detail()).cosignCount).toBe(2);
    const sorted = await getJson<{ items: { id: number; cosignCount: number }[] }>(
      h,
      '/api/v1/appeals?sort=cosigned',
    );
    expect(sorted.items[0]).toMatchObject({ id, cosignCount: 2 });
  });

  it('is explained as outside policy, with a link to the explainer, signed by department and role', async () => {
    await call(
      canteen,
      'POST',
      `/api/v1/staff/appeals/${id}/answers`,
      {
        kind: 'outside_policy',
        explanation: '伙食价格按成本核算，成本已公示。',
        policyUrl: '/policies/canteen-prices',
      },
      201,
    );
    const a = await detail();
    expect(a.status).toBe('answered');
    expect(a.answers[0]).toMatchObject({
      kind: 'outside_policy',
      responderRole: 'responder',
      commitments: [],
    });
    expect(a.answers[0]!.content).toEqual({
      kind: 'outside_policy',
      explanation: '伙食价格按成本核算，成本已公示。',
      policyUrl: '/policies/canteen-prices',
    });
    // signed with department and role; who the responder is stays in the staff audit trail
    expect(JSON.stringify(a)).not.toMatch(/staffId|actorStaffId|username|displayName/);
  });

  it('the satisfied author closes it', async () => {
    const res = await h.postJson(`/api/v1/appeals/${id}/verdict`, { receipt, verdict: 'satisfied' });
    expect(await res.json()).toMatchObject({ status: 'closed', round: 1 });
    expect(kinds(await detail()).slice(-2)).toEqual(['verdict', 'closed']);
  });

  it('a withdrawn appeal stays public, stops its deadline and takes no more answers', async () => {
    const other = await post(h, tokens[3]!, {
      title: '医保卡在段里药店不能用',
      body: '只能去很远的地方买药。',
      categoryId: await categoryId(h, 'medical-insurance'),
    });
    const res = await h.postJson(`/api/v1/appeals/${other.id}/withdraw`, {
      receipt: other.receipt,
      reason: '已解决',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const a = await getJson<PublicAppeal>(h, `/api/v1/appeals/${other.id}`);
    expect(a).toMatchObject({ status: 'withdrawn', title: '医保卡在段里药店不能用', answerOverdue: false });
    const waiting = await getJson<{ items: { id: number }[] }>(h, '/api/v1/appeals?sort=waiting');
    expect(waiting.items.map((i) => i.id)).not.toContain(other.id);
  });
});
