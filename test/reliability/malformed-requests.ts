import fc from 'fast-check';

/** One generated request: what the test sends through `app.request`, and the route it aimed at. */
export interface Malformed {
  route: { method: string; path: string };
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array | string;
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** Path segments no route should take for a real one: numbers out of range, broken escapes, traversal. */
const junkSegment = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    '1.5',
    '1e3',
    'NaN',
    'Infinity',
    '99999999999999999999999',
    '0x10',
    '%',
    '%E0%A4%A',
    '%FF%FE',
    '%00',
    '..%2F..%2Fetc%2Fpasswd',
    '%2e%2e',
    'null',
    'undefined',
    '__proto__',
    'constructor',
    '%20',
    '%F0%9F%98',
    '2026-13-45',
    'x'.repeat(5000),
  ),
  fc.string({ minLength: 1, maxLength: 40 }).map((s) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return '%ED%A0%80';
    }
  }),
);

/** Query strings with wrong types, broken escapes and huge values for the usual parameters. */
const junkQuery = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'limit',
        'cursor',
        'q',
        'status',
        'department',
        'category',
        'sort',
        'lang',
        'page',
        'x',
      ),
      fc.oneof(junkSegment, fc.constantFrom('-5', '1000000', '', '%', '[]', 'a'.repeat(70_000))),
    ),
    { maxLength: 3 },
  )
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

/** JSON of the wrong shape: anything, or the fields routes use with values of the wrong type. */
const wrongJson = fc
  .oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(
      fc.constantFrom(
        'title',
        'body',
        'categoryId',
        'departmentId',
        'username',
        'password',
        'role',
        'answers',
        'questions',
        'text',
        'reason',
        'receipt',
        'url',
        'code',
        'count',
        'stars',
        'opensAt',
        'closesAt',
        '__proto__',
      ),
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(-1, 1e308, Number.MAX_SAFE_INTEGER + 2, '1', true, null, [], {}),
      ),
      { maxKeys: 6 },
    ),
  )
  .map((v) => JSON.stringify(v));

const hugeString = fc
  .tuple(fc.string({ minLength: 1, maxLength: 3 }), fc.integer({ min: 5_000, max: 80_000 }))
  .map(([s, n]) => JSON.stringify({ title: s.repeat(n), body: s.repeat(n), categoryId: 1 }));

const deepJson = fc
  .tuple(fc.integer({ min: 50, max: 30_000 }), fc.boolean())
  .map(([depth, objects]) =>
    objects ? `${'{"body":'.repeat(depth)}1${'}'.repeat(depth)}` : `${'['.repeat(depth)}${']'.repeat(depth)}`,
  );

/** Bytes that are not UTF-8, alone or inside an otherwise valid JSON string. */
const badUtf8 = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 300 }),
  fc
    .uint8Array({ minLength: 1, maxLength: 8 })
    .map(
      (b) =>
        new Uint8Array([...utf8('{"title":"'), 0xff, 0xc3, ...b, ...utf8('","body":"x","categoryId":1}')]),
    ),
);

const truncatedJson = fc.constantFrom(
  '{',
  '{"title":',
  '{"title":"x"',
  '[1,2',
  '"',
  'nul',
  '{"a":1}}',
  '\u0000',
);

const body = fc.oneof(wrongJson, hugeString, deepJson, badUtf8, truncatedJson, fc.constant(undefined));

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=zz',
  'application/private-token-request',
  'application/private-token-generic-batch-request',
  'application/xml',
  '',
  ';;;',
  'application/json\u00a0',
  undefined,
);

/** `Authorization` values that look like tokens and are not: wrong scheme, bad base64, wrong sizes. */
const authorization = fc.oneof(
  fc.constantFrom(
    'PrivateToken',
    'PrivateToken token=',
    'PrivateToken token=""',
    'PrivateToken token="!!!"',
    'PrivateToken token="AAAA", token="BBBB"',
    'privatetoken TOKEN="AAIA"',
    'Bearer ',
    'Bearer x',
    'Basic Og==',
    '"',
  ),
  // type 2 with random nonce, challenge digest, key id and authenticator of the right and wrong lengths
  fc
    .tuple(fc.constantFrom(0x0002, 0x0001, 0xda7a, 0), fc.uint8Array({ minLength: 0, maxLength: 400 }))
    .map(
      ([type, rest]) => `PrivateToken token="${b64url(new Uint8Array([type >> 8, type & 255, ...rest]))}"`,
    ),
  fc.string({ maxLength: 200 }).map((s) => `PrivateToken token="${s.replace(/[^\x20-\x7e]/g, '')}"`),
  fc.string({ maxLength: 60 }).map((s) => `Bearer ${s.replace(/[^\x20-\x7e]/g, '')}`),
);

const cookie = fc.constantFrom(
  'zt_staff=',
  'zt_staff=garbage',
  'zt_staff=eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.',
  `zt_staff=${'a'.repeat(8000)}`,
  ';;;==;',
  'zt_staff="unterminated',
  'zt_staff=%ZZ',
  'a=1; zt_staff=x; zt_staff=y',
);

const otherHeaders = fc.record(
  {
    'accept-language': fc.constantFrom('zz', '*;q=abc', 'en;q=2', 'x'.repeat(3000), ''),
    origin: fc.constantFrom('null', 'http://evil.example', 'http://zhitong.test', '://'),
    accept: fc.constantFrom('text/html', 'application/json', '*/*', '%%%'),
    'if-none-match': fc.constantFrom('*', '"x"', 'W/', ','),
    range: fc.constantFrom('bytes=0-0', 'bytes=abc', 'bytes=-1'),
    'x-forwarded-for': fc.constantFrom('1.2.3.4', 'not-an-ip', '::1, ,'),
  },
  { requiredKeys: [] },
);

/**
 * A malformed request aimed at `route`: its path parameters replaced with junk (or a real-looking id, so
 * validators behind the lookup run too), and any mix of the above. `withSession` adds a valid staff cookie
 * so the request gets past authentication to the validators.
 */
export function malformedRequest(
  routes: readonly { method: string; path: string }[],
  session?: { cookie: string; origin: string },
): fc.Arbitrary<Malformed> {
  return fc
    .record({
      route: fc.constantFrom(...routes),
      otherMethod: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'), {
        freq: 8,
      }),
      params: fc.array(fc.oneof({ weight: 4, arbitrary: junkSegment }, fc.constantFrom('1', '2')), {
        minLength: 4,
        maxLength: 4,
      }),
      query: junkQuery,
      body,
      contentType,
      authorization: fc.option(authorization, { freq: 2 }),
      cookie: fc.option(cookie, { freq: 3 }),
      headers: otherHeaders,
    })
    .map((g) => {
      let i = 0;
      const path = g.route.path.replace(/:[A-Za-z]+/g, () => g.params[i++ % g.params.length]!);
      const method = g.otherMethod ?? g.route.method;
      const headers: Record<string, string> = { ...g.headers };
      if (g.contentType !== undefined) headers['content-type'] = g.contentType;
      if (g.authorization !== null) headers.authorization = g.authorization;
      if (session) {
        headers.cookie = session.cookie;
        headers.origin = session.origin;
      } else if (g.cookie !== null) headers.cookie = g.cookie;
      const hasBody = method !== 'GET' && method !== 'HEAD' && g.body !== undefined;
      return {
        route: g.route,
        method,
        path: `${path}${g.query}`,
        headers,
        body: hasBody ? g.body : undefined,
      };
    });
}
