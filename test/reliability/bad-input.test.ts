import { createHash } from 'node:crypto';
import { createClient } from '@libsql/client';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, ORIGIN } from '../helpers/harness.js';
import { type Malformed, malformedRequest } from './malformed-requests.js';

// 10,000 requests in all: 9,000 without credentials or with broken ones, 1,000 with a valid staff
// session (so staff validators run): 75 s of test time here at load average 15 (2 shared cores).
// BAD_INPUT_RUNS and BAD_INPUT_SEED scale or replay a run.
const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 10_000);
const SESSION_RUNS = Math.ceil(RUNS / 10);
const SEED = Number(process.env.BAD_INPUT_SEED ?? 2026);

/**
 * Tables a rejected request may legitimately change: page_views (a GET of a public page is counted),
 * salts and counters (failed sign-ins and token requests are throttled per keyed hash, and the salt of the
 * epoch is made on first use), staff_sessions (a signed-in request moves the idle deadline).
 */
const MAY_CHANGE = new Set(['page_views', 'salts', 'counters', 'staff_sessions']);

async function contentHashes(file: string): Promise<Record<string, string>> {
  const client = createClient({ url: `file:${file}` });
  try {
    const tables = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    const out: Record<string, string> = {};
    for (const { name } of tables.rows) {
      if (MAY_CHANGE.has(String(name))) continue;
      const rows = await client.execute(`SELECT * FROM "${String(name)}"`);
      out[String(name)] = createHash('sha256')
        .update(JSON.stringify(rows.rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v)))
        .digest('hex');
    }
    return out;
  } finally {
    client.close();
  }
}

const SIGN_OUT = /^\/(api\/v1\/staff\/session|staff\/sign-out)(\?|$)/;

type Verdict = { ok: true } | { ok: false; why: string };

/** What any answer to a malformed request must be. */
async function judge(req: Malformed, res: Response): Promise<Verdict> {
  const api = req.path.startsWith('/api/');
  const isRead = req.method === 'GET' || req.method === 'HEAD';
  if (res.status >= 500) return { ok: false, why: `${res.status}` };
  if (res.status < 400) {
    // a harmless read may succeed (e.g. a list ignores an unknown parameter); a page or a form may
    // redirect (the staff console to its sign-in page); signing out is idempotent (it clears a cookie).
    // Any other write must be refused — and none may store anything (checked on the database)
    if (api && res.status >= 300) return { ok: false, why: `API redirect ${res.status}` };
    if (isRead || res.status >= 300 || SIGN_OUT.test(req.path)) return { ok: true };
    return { ok: false, why: `write answered ${res.status}` };
  }
  if (!api) return { ok: true };
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string' && typeof body.error.message === 'string') return { ok: true };
  } catch {}
  return { ok: false, why: `not an {error:{code,message}} body: ${text.slice(0, 120)}` };
}

function describeRequest(r: Malformed) {
  const body = r.body === undefined ? '' : ` body ${String(r.body.length)} bytes`;
  return `${r.method} ${r.path.slice(0, 160)} (route ${r.route.method} ${r.route.path})${body} ${JSON.stringify(r.headers).slice(0, 300)}`;
}

describe(`bad input: ${RUNS} malformed requests across every route (seed ${SEED})`, () => {
  let h: Harness;
  let routes: { method: string; path: string }[];
  let before: Record<string, string>;

  beforeAll(async () => {
    h = await createHarness();
    // reads that initialise on first use (the log's signing key and first checkpoint) happen before the
    // baseline, so that what the run compares is what requests stored
    expect((await h.request('/api/v1/log/checkpoint')).status).toBe(200);
    const seen = new Set<string>();
    routes = h.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ method: r.method, path: r.path }))
      .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`));
    before = await contentHashes(h.dbFile);
  });
  afterAll(() => h.close());

  /** Sends every generated request; returns one line per failing route and reason (first example kept). */
  /** Errors the app logged as unhandled (a 500's only trace) since line `from`. */
  const unhandledSince = (from: number) => h.log.lines.slice(from).filter((l) => l.includes('"unhandled"'));

  async function fire(
    arb: fc.Arbitrary<Malformed>,
    numRuns: number,
    seed: number,
    // a write the schema accepts as a no-op (a partial settings update whose fields are all unknown, so
    // stripped) may answer 200 as long as it stored nothing: checked against these hashes when it happens
    unchanged?: Record<string, string>,
  ) {
    const failures = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(arb, async (req) => {
        let verdict: Verdict;
        try {
          const res = await h.request(req.path, {
            method: req.method,
            headers: req.headers,
            body: req.body as BodyInit | undefined,
          });
          verdict = await judge(req, res);
          if (!verdict.ok && unchanged && res.status < 300) {
            const now = await contentHashes(h.dbFile);
            const changed = Object.keys(now).filter((t) => now[t] !== unchanged[t]);
            verdict = changed.length
              ? { ok: false, why: `write changed ${changed.join(', ')}` }
              : { ok: true };
          }
        } catch (e) {
          verdict = { ok: false, why: `thrown ${(e as Error).name}: ${(e as Error).message}` };
        }
        const key = `${req.route.method} ${req.route.path}: ${verdict.ok ? '' : verdict.why.slice(0, 60)}`;
        if (!verdict.ok && !failures.has(key)) failures.set(key, describeRequest(req));
      }),
      { numRuns, seed },
    );
    return [...failures].map(([k, example]) => `${k}\n    e.g. ${example}`);
  }

  it('anonymous and broken credentials: no 5xx, a 4xx with a code for every write, nothing stored', async () => {
    expect(routes.length).toBeGreaterThan(100);
    const logged = h.log.lines.length;
    expect(await fire(malformedRequest(routes), RUNS - SESSION_RUNS, SEED)).toEqual([]);
    expect(unhandledSince(logged)).toEqual([]);
    expect(await contentHashes(h.dbFile)).toEqual(before);
  }, 180_000);

  it('a valid staff session with malformed bodies: validators answer 4xx, nothing stored', async () => {
    const admin = await h.signIn(await h.createStaff({ role: 'admin' }));
    const reference = await contentHashes(h.dbFile);
    const logged = h.log.lines.length;
    // staff writes that carry a body (signing out would end the session the run depends on)
    const writes = routes.filter(
      (r) =>
        r.method !== 'GET' &&
        (r.path.startsWith('/api/v1/staff/') || r.path.startsWith('/staff/')) &&
        !/sign-out|\/session$|rotate|deadlines\/run|alerts\/analysis|\/read$/.test(r.path),
    );
    expect(writes.length).toBeGreaterThan(25);
    const arb = malformedRequest(writes, { cookie: admin.cookie, origin: ORIGIN }).filter(
      (r) => r.method === r.route.method && r.body !== undefined,
    );
    expect(await fire(arb, SESSION_RUNS, SEED + 1, reference)).toEqual([]);
    expect(unhandledSince(logged)).toEqual([]);
    expect(await contentHashes(h.dbFile)).toEqual(reference);
  }, 180_000);
});
