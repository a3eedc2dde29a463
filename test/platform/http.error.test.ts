import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.js';

type ErrorBody = { error: { code: string; message: string } };

describe('bad input gets a 4xx with a stable code, never a 500, and nothing is stored', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const cases: [string, () => Response | Promise<Response>, number, string][] = [
    [
      'malformed JSON',
      () =>
        h.request('/api/v1/appeals', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"title": "x",',
        }),
      400,
      'MALFORMED_JSON',
    ],
    [
      'wrong content type',
      () =>
        h.request('/api/v1/appeals', {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: 'hello',
        }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'no content type',
      () => h.request('/api/v1/appeals', { method: 'POST', body: '{}' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'oversized body',
      () => h.postJson('/api/v1/appeals', { title: 'x', body: '长'.repeat(70_000), categoryId: 1 }),
      413,
      'BODY_TOO_LARGE',
    ],
    ['missing fields', () => h.postJson('/api/v1/appeals', { title: '' }), 422, 'VALIDATION_FAILED'],
    [
      'wrong types',
      () => h.postJson('/api/v1/appeals', { title: 1, body: [], categoryId: 'pay' }),
      422,
      'VALIDATION_FAILED',
    ],
    [
      'JSON that is not an object',
      () => h.postJson('/api/v1/appeals', 'just a string'),
      422,
      'VALIDATION_FAILED',
    ],
    ['unknown path', () => h.request('/api/v1/nothing-here'), 404, 'NOT_FOUND'],
    ['unknown appeal', () => h.request('/api/v1/appeals/999999'), 404, 'APPEAL_NOT_FOUND'],
    ['non-numeric id', () => h.request('/api/v1/appeals/abc'), 422, 'VALIDATION_FAILED'],
    ['wrong method', () => h.request('/api/v1/categories', { method: 'DELETE' }), 405, 'METHOD_NOT_ALLOWED'],
    [
      'token request with a wrong media type',
      () =>
        h.request('/token-request', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'token request with garbage bytes',
      () =>
        h.request('/token-request', {
          method: 'POST',
          headers: { 'content-type': 'application/private-token-request', authorization: 'Bearer x' },
          body: 'garbage',
        }),
      401,
      'CODE_UNKNOWN',
    ],
    [
      'token request without credential',
      () =>
        h.request('/token-request', {
          method: 'POST',
          headers: { 'content-type': 'application/private-token-request' },
          body: new Uint8Array(259),
        }),
      401,
      'CREDENTIAL_REQUIRED',
    ],
  ];

  for (const [name, send, status, code] of cases) {
    it(`${name} → ${status} ${code}`, async () => {
      const res = await send();
      const body = (await res.json()) as ErrorBody;
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(0);
    });
  }

  it('answers in English when Accept-Language prefers it, in Chinese otherwise', async () => {
    const en = (await (
      await h.request('/api/v1/nope', { headers: { 'accept-language': 'en-GB,en;q=0.9' } })
    ).json()) as ErrorBody;
    const zh = (await (
      await h.request('/api/v1/nope', { headers: { 'accept-language': 'zh-CN' } })
    ).json()) as ErrorBody;
    expect(en.error.message).toBe('No such page or resource');
    expect(zh.error.message).toBe('找不到该页面或资源');
  });

  it('405 names the allowed methods', async () => {
    const res = await h.request('/api/v1/categories', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
  });

  it('none of the bad requests stored anything', async () => {
    const res = await h.request('/api/v1/appeals/1');
    expect(res.status).toBe(404);
  });
});

describe('secure headers on every response', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('a strict CSP, Permissions-Policy, no-referrer and a Cache-Control suited to the route', async () => {
    for (const path of [
      '/healthz',
      '/api/v1/categories',
      '/api/v1/nothing',
      '/.well-known/private-token-issuer-directory',
    ]) {
      const res = await h.request(path);
      expect(res.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get('permissions-policy'), path).toContain('camera=()');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('cache-control'), path).toBeTruthy();
    }
    expect((await h.request('/healthz')).headers.get('cache-control')).toBe('no-store');
    expect((await h.request('/api/v1/categories')).headers.get('cache-control')).toContain('public');
  });

  it('healthz reports the database and applied migrations', async () => {
    const body = (await (await h.request('/healthz')).json()) as { status: string; migrations: number };
    expect(body.status).toBe('ok');
    expect(body.migrations).toBeGreaterThan(0);
  });

  it('the OpenAPI document describes the routes from their validators', async () => {
    const doc = (await (await h.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/appeals', '/api/v1/categories', '/api/v1/departments']),
    );
  });
});
