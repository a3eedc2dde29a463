import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { errorOf, fetchTokens } from '../../helpers/wallet.js';

const valid = {
  title: '解读',
  summary: '摘要',
  body: '正文',
  effectiveOn: '2026-03-01',
  categoryIds: [3],
  departmentId: 4,
};

describe('explainers: bad input and missing things', () => {
  let h: Harness;
  let admin: Awaited<ReturnType<Harness['signIn']>>;
  let explainerId: number;
  beforeAll(async () => {
    h = await createHarness();
    admin = await h.signIn(await h.createStaff({ role: 'admin' }));
    const res = await admin.json('POST', '/api/v1/staff/explainers', valid);
    explainerId = ((await res.json()) as { id: number }).id;
  }, 120_000);
  afterAll(() => h.close());

  it.each([
    ['an empty title', { title: '  ' }],
    ['a missing summary', { summary: undefined }],
    ['an impossible date', { effectiveOn: '2026-02-30' }],
    ['a date with a time', { effectiveOn: '2026-03-01T00:00:00Z' }],
    ['a body over 50,000 characters', { body: 'x'.repeat(50_001) }],
    ['eleven categories', { categoryIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }],
    ['a negative department', { departmentId: -1 }],
  ])('%s → 422 VALIDATION_FAILED', async (_, over) => {
    const res = await admin.json('POST', '/api/v1/staff/explainers', { ...valid, ...over });
    expect(await errorOf(res)).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
  });

  it('a body over the request limit → 413; unknown category or department → 422 with its code', async () => {
    const huge = await admin.json('POST', '/api/v1/staff/explainers', { ...valid, body: 'x'.repeat(70_000) });
    expect(await errorOf(huge)).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
    const category = await admin.json('POST', '/api/v1/staff/explainers', { ...valid, categoryIds: [999] });
    expect(await errorOf(category)).toMatchObject({ status: 422, code: 'CATEGORY_NOT_FOUND' });
    const dept = await admin.json('POST', '/api/v1/staff/explainers', { ...valid, departmentId: 999 });
    expect(await errorOf(dept)).toMatchObject({ status: 422, code: 'DEPARTMENT_NOT_FOUND' });
  });

  it('an edit of a stale version → 409; of an unknown explainer → 404; linking an unknown appeal → 422', async () => {
    const edit = (baseVersion: number, id = explainerId) =>
      admin.json('PUT', `/api/v1/staff/explainers/${id}`, { ...valid, baseVersion });
    expect((await edit(1)).status).toBe(200);
    expect(await errorOf(await edit(1))).toMatchObject({ status: 409, code: 'EXPLAINER_VERSION_CONFLICT' });
    expect(await errorOf(await edit(1, 999))).toMatchObject({ status: 404, code: 'EXPLAINER_NOT_FOUND' });
    const link = await admin.json('POST', `/api/v1/staff/explainers/${explainerId}/answered-appeals`, {
      appealIds: [424242],
    });
    expect(await errorOf(link)).toMatchObject({ status: 422, code: 'EXPLAINER_APPEAL_NOT_FOUND' });
    const none = await admin.json('POST', `/api/v1/staff/explainers/${explainerId}/answered-appeals`, {
      appealIds: [],
    });
    expect(await errorOf(none)).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
  });

  it('unknown explainer, version or bad id → 404/422; a question under an unknown explainer keeps the token', async () => {
    expect(await errorOf(await h.request('/api/v1/explainers/999'))).toMatchObject({ status: 404 });
    expect(await errorOf(await h.request('/api/v1/explainer-versions/999'))).toMatchObject({ status: 404 });
    expect(await errorOf(await h.request('/api/v1/explainers/abc'))).toMatchObject({ status: 422 });
    expect((await h.request('/explainers/999')).status).toBe(404);
    const [token] = (await fetchTokens(h.request, (await h.codes(1))[0]!, 1)) as [string];
    const question = { title: '问题', body: '内容' };
    const missing = await h.postJson('/api/v1/explainers/999/questions', question, { authorization: token });
    expect(await errorOf(missing)).toMatchObject({ status: 404, code: 'EXPLAINER_NOT_FOUND' });
    const empty = await h.postJson(
      `/api/v1/explainers/${explainerId}/questions`,
      { title: ' ', body: '内容' },
      { authorization: token },
    );
    expect(await errorOf(empty)).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
    const ok = await h.postJson(`/api/v1/explainers/${explainerId}/questions`, question, {
      authorization: token,
    });
    expect(ok.status, 'the token was not spent by the failed attempts').toBe(201);
  });
});
