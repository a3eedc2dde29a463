import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';

/** The OpenAPI document is generated from the validators the appeals routes use. */
describe('appeals in /api/v1/openapi.json', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('documents every appeals route, and the three answer kinds with their required fields', async () => {
    const doc = (await (await h.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { required?: string[]; oneOf?: unknown[] }> };
    };
    const expected = [
      ['post', '/api/v1/appeals'],
      ['get', '/api/v1/appeals'],
      ['get', '/api/v1/appeals/{id}'],
      ['post', '/api/v1/appeals/{id}/cosigns'],
      ['post', '/api/v1/appeals/{id}/information'],
      ['post', '/api/v1/appeals/{id}/verdict'],
      ['post', '/api/v1/appeals/{id}/withdraw'],
      ['get', '/api/v1/stats'],
      ['post', '/api/v1/staff/appeals/{id}/assignment'],
      ['post', '/api/v1/staff/appeals/{id}/answers'],
      ['post', '/api/v1/staff/commitments/{id}/outcome'],
      ['get', '/api/v1/staff/inbox'],
      ['get', '/api/v1/staff/queue'],
      ['post', '/api/v1/staff/deadlines/run'],
      ['post', '/api/v1/staff/routing-rules'],
      ['put', '/api/v1/staff/calendar/{date}'],
      ['post', '/api/v1/staff/webhooks'],
    ];
    for (const [method, path] of expected)
      expect(doc.paths[path!]?.[method!], `${method} ${path}`).toBeDefined();
    const s = doc.components.schemas;
    expect(s.AnswerInput!.oneOf).toHaveLength(3);
    expect(s.SolvableAnswer!.required!.sort()).toEqual(['dueDate', 'kind', 'measures', 'ownerDepartmentId']);
    expect(s.NotYetSolvableAnswer!.required!.sort()).toEqual([
      'investigation',
      'kind',
      'nextUpdate',
      'reason',
    ]);
    expect(s.OutsidePolicyAnswer!.required!.sort()).toEqual(['explanation', 'kind']);
  });
});
