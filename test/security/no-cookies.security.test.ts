import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateIssuerKeys } from '../../src/features/tokens/index.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { blindRequests, errorOf, fetchTokens, readChallenge } from '../helpers/wallet.js';

// Routes for named staff, the API and the console pages (sign-in sets their cookie by design); anything
// else found answering with a staff error code is skipped as well.
const STAFF_PATH = /^(\/api\/v1\/(staff|admin|moderation)|\/staff)(\/|$)/;
const STAFF_CODES = new Set([
  'STAFF_AUTH_REQUIRED',
  'STAFF_FORBIDDEN',
  'CSRF_FAILED',
  'PASSWORD_CHANGE_REQUIRED',
]);

// What a phone might carry: cookies from elsewhere on the domain, a stale staff cookie, credentials,
// forwarding headers and a fingerprintable user agent.
const HEADER_SETS: Record<string, string>[] = [
  {},
  { cookie: 'zt_staff=forged.session.token; _ga=GA1.2.345; theme=dark' },
  {
    cookie: 'sid=worker-7',
    authorization: 'Bearer 7F3A-K9QD-0000-0000-0000-0000',
    'x-forwarded-for': '203.0.113.7',
    'user-agent': 'Mozilla/5.0 (Linux; Android 14; HUAWEI P60)',
    'accept-language': 'en-GB,en;q=0.8',
    'if-none-match': '"abc"',
    origin: 'https://evil.example',
  },
];

describe('anonymous routes never set a cookie', () => {
  let h: Harness;
  let appealId = 0;
  let code = '';
  beforeAll(async () => {
    h = await createHarness();
    [code] = (await h.codes(1)) as [string];
    const [authorization] = (await fetchTokens(h.request, code, 1)) as [string];
    const res = await h.postJson(
      '/api/v1/appeals',
      { title: '更衣室', body: '更衣室没有暖气', categoryId: 7 },
      { authorization },
    );
    appealId = ((await res.json()) as { id: number }).id;
  });
  afterAll(() => h.close());

  /** A request each route accepts (with a fresh token or blinded request where one is needed). */
  async function validRequest(
    method: string,
    path: string,
    headers: Record<string, string>,
  ): Promise<RequestInit> {
    if (path === '/token-request') {
      const { challenge, tokenKey } = await readChallenge(h.request);
      const blinded = await blindRequests(challenge, tokenKey);
      return {
        method,
        headers: { ...headers, 'content-type': blinded.contentType, authorization: `Bearer ${code}` },
        body: blinded.body as BodyInit,
      };
    }
    if (method === 'POST' && path === '/api/v1/appeals') {
      const [authorization] = (await fetchTokens(h.request, code, 1)) as [string];
      return {
        method,
        headers: { ...headers, 'content-type': 'application/json', authorization },
        body: JSON.stringify({ title: '班车', body: '末班车太早', categoryId: 2 }),
      };
    }
    if (method === 'GET' || method === 'HEAD') return { method, headers };
    return { method, headers: { ...headers, 'content-type': 'application/json' }, body: '{}' };
  }

  it('every route in h.app.routes except staff ones: no Set-Cookie, with or without cookies, valid or not', async () => {
    const routes = [
      ...new Map(
        h.app.routes.filter((r) => r.method !== 'ALL').map((r) => [`${r.method} ${r.path}`, r]),
      ).values(),
    ];
    const visited: string[] = [];
    const succeeded = new Set<string>();
    for (const { method, path } of routes) {
      if (STAFF_PATH.test(path)) continue;
      const url = path.replace(/:id\b/g, String(appealId)).replace(/:[A-Za-z]+/g, '1');
      const probe = await h.request(url, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      });
      if (probe.status >= 400 && STAFF_CODES.has((await errorOf(probe)).code)) continue;
      expect(probe.headers.getSetCookie(), `${method} ${path} (bare)`).toEqual([]);
      for (const headers of HEADER_SETS) {
        for (const init of [await validRequest(method, path, headers), { method, headers }]) {
          const res = await h.request(url, init);
          expect(res.status, `${method} ${path}`).toBeLessThan(500);
          expect(res.headers.getSetCookie(), `${method} ${path} ${res.status}`).toEqual([]);
          expect(res.headers.has('set-cookie')).toBe(false);
          if (res.status < 300) succeeded.add(`${method} ${path}`);
        }
      }
      visited.push(`${method} ${path}`);
    }
    expect(visited.length).toBeGreaterThanOrEqual(6);
    // the success paths were exercised too, not only refusals
    expect([...succeeded]).toEqual(
      expect.arrayContaining([
        'GET /.well-known/private-token-issuer-directory',
        'POST /token-request',
        'POST /api/v1/appeals',
        'GET /api/v1/appeals/:id',
        'GET /healthz',
      ]),
    );
  });

  it('the issuer directory is byte-identical (body and headers) whatever the request carries', async () => {
    // two live keys, as during a rotation, so there is something a per-client answer could vary
    await rotateIssuerKeys(h.db, h.secrets, h.clock.now(), h.config.ISSUER_KEY_GRACE_DAYS);
    h.clock.advance(60_000);
    const snapshot = async (headers: Record<string, string>) => {
      const res = await h.request('/.well-known/private-token-issuer-directory', { headers });
      return {
        body: Buffer.from(await res.arrayBuffer()).toString('base64'),
        headers: [...res.headers.entries()].sort(),
      };
    };
    const reference = await snapshot({});
    expect(JSON.parse(Buffer.from(reference.body, 'base64').toString())['token-keys']).toHaveLength(2);
    for (const headers of [
      ...HEADER_SETS,
      { authorization: 'PrivateToken token="AAAA"' },
      {
        cookie: `zt_staff=${'x'.repeat(200)}`,
        'x-real-ip': '198.51.100.9',
        'cf-connecting-ip': '198.51.100.9',
      },
      { accept: 'application/json', 'accept-encoding': 'gzip, br', dnt: '1', 'sec-gpc': '1' },
    ]) {
      expect(await snapshot(headers), JSON.stringify(headers)).toEqual(reference);
    }
  });
});
