import type { Clock } from '../../platform/clock.js';
import type { ChangeWatch } from '../../platform/db/change-watch.node.js';
import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import { countView, type PageView, viewsCountedBy } from './page-views.js';

// the public appeal list (with search), an appeal, as JSON and as pages: the same for every reader
const CACHEABLE = /^\/(?:api\/v1\/)?appeals(?:\/[1-9]\d{0,9})?$/;
const MAX_ENTRY_BYTES = 256 * 1024;

// the next moment a stored answer may change without a commit: an appeal's publication, a first-answer
// deadline or a commitment's date passing (each shows as "published" or "overdue")
const NEXT_TIMED_CHANGE = `SELECT min(t) FROM (
  SELECT min(publish_at) AS t FROM appeals WHERE publish_at > ?1
  UNION ALL SELECT min(answer_due_at) FROM appeals WHERE answer_due_at > ?1
  UNION ALL SELECT min(due_at) FROM commitments WHERE outcome IS NULL AND due_at > ?1)`;

interface Entry {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
  bytes: number;
  views: PageView[];
}

type Fetch<E extends unknown[]> = (request: Request, ...rest: E) => Response | Promise<Response>;

export interface PublicCacheDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  watch: ChangeWatch;
  maxBytes: number;
}

/**
 * Wraps the app's fetch (Node entry) so the public appeal list, search and appeal pages are rendered once
 * per database state: an answer is kept, keyed by URL and the headers it varies on, until any commit
 * (`PRAGMA data_version` on a watching connection) or the next timed change. A kept answer still counts
 * its page views. Requests carrying credentials always reach the app. Answers served from memory are
 * counted, not logged one by one (a log line cost 15% of such an answer): `logServed()` writes the count.
 * @example const cached = cachePublicReads(app.fetch, { db, clock, log, watch, maxBytes: 32 << 20 });
 *          serve({ fetch: cached }); setInterval(cached.logServed, 60_000);
 */
export function cachePublicReads<E extends unknown[]>(
  fetch: Fetch<E>,
  deps: PublicCacheDeps,
): Fetch<E> & { served(): number; logServed(): void } {
  const entries = new Map<string, Entry>();
  // a render in progress, which readers of the same key wait for instead of rendering it again
  const rendering = new Map<string, Promise<Entry | undefined>>();
  let bytes = 0;
  let version = Number.NaN;
  let validUntil = 0;
  let served = 0;
  let servedWhenLogged = 0;

  function current(now: number) {
    const v = deps.watch.version();
    if (v !== version || now >= validUntil) {
      entries.clear();
      rendering.clear();
      bytes = 0;
      version = v;
      const next = deps.watch.value(NEXT_TIMED_CHANGE, now);
      validUntil = next === null || next === undefined ? Number.POSITIVE_INFINITY : Number(next);
    }
    return v;
  }

  function keep(key: string, entry: Entry) {
    if (entry.bytes > MAX_ENTRY_BYTES) return;
    for (const [k, old] of entries) {
      if (bytes + entry.bytes <= deps.maxBytes) break;
      entries.delete(k);
      bytes -= old.bytes;
    }
    entries.set(key, entry);
    bytes += entry.bytes;
  }

  const cachedFetch: Fetch<E> = async (request, ...rest) => {
    if (request.method !== 'GET' || request.headers.has('authorization') || request.headers.has('cookie'))
      return fetch(request, ...rest);
    const url = request.url;
    const path = url.slice(url.indexOf('/', url.indexOf('//') + 2)).split('?')[0]!;
    if (!CACHEABLE.test(path)) return fetch(request, ...rest);
    const now = deps.clock.now();
    const v = current(now);
    const h = request.headers;
    const key = `${url}\n${h.get('accept-language') ?? ''}\n${h.get('accept-encoding') ?? ''}`;
    const kept = entries.get(key) ?? (await rendering.get(key));
    if (kept) {
      for (const view of kept.views) await countKeptView(deps, view, now);
      served++;
      return new Response(kept.body, { status: kept.status, headers: kept.headers });
    }
    let done: (e: Entry | undefined) => void = () => {};
    rendering.set(key, new Promise((resolve) => (done = resolve)));
    try {
      const res = await fetch(request, ...rest);
      // a commit while rendering: the entries now belong to another version, so this answer is not kept
      if (res.status !== 200 || res.headers.has('set-cookie') || v !== version) return res;
      const entry = await entryOf(res, viewsCountedBy(request));
      keep(key, entry);
      done(entry);
      return new Response(entry.body, { status: 200, headers: entry.headers });
    } finally {
      done(undefined);
      if (rendering.get(key) && v === version) rendering.delete(key);
    }
  };
  return Object.assign(cachedFetch, {
    served: () => served,
    logServed() {
      if (served === servedWhenLogged) return;
      deps.log.info({ msg: 'answers served from memory', count: served - servedWhenLogged });
      servedWhenLogged = served;
    },
  });
}

// kept as bytes: a string would be encoded to UTF-8 again on every answer
async function entryOf(res: Response, views: PageView[]): Promise<Entry> {
  const body = new Uint8Array(await res.arrayBuffer());
  const headers = { ...Object.fromEntries(res.headers), 'content-length': String(body.length) };
  return { status: 200, headers, body, bytes: body.length, views };
}

async function countKeptView(deps: PublicCacheDeps, view: PageView, now: number) {
  try {
    await countView(deps.db, view.page, view.appealId, now);
  } catch (e) {
    deps.log.error({ msg: 'view count failed', error: (e as Error).name });
  }
}
