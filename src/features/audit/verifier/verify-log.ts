import { type JWK, verifyCheckpoint } from '../../../platform/crypto/checkpoint-signature.js';
import { checkItems } from './check-items.js';
import { type CheckpointPayload, entryHash, GENESIS, type LogEntry } from './log-format.js';
import type { Problem, ProblemCode, SeenCheckpoint, VerifierState, VerifyReport } from './report.js';

/**
 * A standalone verifier of a Zhitong public log: it needs only the log's URL, fetch and WebCrypto/jose,
 * and trusts nothing the server says that it cannot check. Keep `state` between runs: it remembers the
 * keys and checkpoints seen, which is what exposes a rewritten history (a fork).
 * @example const report = await verifyLog({ url: 'https://zhitong.example', state })
 */
export async function verifyLog(opts: {
  url: string;
  fetch?: (input: string, init?: RequestInit) => Promise<Response> | Response;
  state?: VerifierState | null;
  /** fetch and check every committed item's current text (default true) */
  checkItems?: boolean;
}): Promise<VerifyReport> {
  const base = opts.url.replace(/\/+$/, '');
  const log = new URL(base).origin;
  const get = async <T>(path: string): Promise<{ status: number; body: T | null }> => {
    const res = await (opts.fetch ?? fetch)(`${base}${path}`, { headers: { accept: 'application/json' } });
    return { status: res.status, body: res.ok ? ((await res.json()) as T) : null };
  };
  const must = async <T>(path: string): Promise<T> => {
    const r = await get<T>(path);
    if (!r.body) throw new Error(`GET ${path}: HTTP ${r.status}`);
    return r.body;
  };
  const problems: Problem[] = [];
  const problem = (code: ProblemCode, message: string, extra: Partial<Problem> = {}) =>
    problems.push({ code, message, ...extra });
  const prior = opts.state?.log === log ? opts.state : null;

  // the checkpoint first: asking for it signs one (and creates the key) on a fresh log
  const latest = await must<SeenCheckpoint>('/api/v1/log/checkpoint');
  // keys: what the server publishes plus what we pinned before; a pinned key never silently disappears
  const served = (await must<{ keys: JWK[] }>('/api/v1/log/keys')).keys;
  const keys = [...served];
  for (const k of prior?.keys ?? []) {
    if (!served.some((s) => s.kid === k.kid && s.x === k.x)) {
      problem('key-changed', `signing key ${k.kid} seen before is no longer published`);
      keys.push(k);
    }
  }

  // the signed payload must say what the JSON around it says, for this log
  const checkSigned = async (cp: SeenCheckpoint, source: string): Promise<{ kid: string } | null> => {
    const v = await verifyCheckpoint(keys, cp.signature);
    const p = v?.payload as CheckpointPayload | undefined;
    if (!v || !p || p.log !== log || p.size !== cp.size || p.head !== cp.head || p.time !== cp.time) {
      problem('checkpoint-signature', `${source} checkpoint at size ${cp.size} has no valid signature`);
      return null;
    }
    return { kid: v.kid };
  };

  const latestPayload = await checkSigned(latest, 'latest');
  const history: SeenCheckpoint[] = [];
  for (let after = 0; ; ) {
    const page = await must<{ checkpoints: SeenCheckpoint[]; next: number | null }>(
      `/api/v1/log/checkpoints?after=${after}&limit=1000`,
    );
    history.push(...page.checkpoints);
    if (page.next === null) break;
    after = page.next;
  }
  const signedHistory = (await Promise.all(history.map((h) => checkSigned(h, 'published')))).map((p, i) =>
    p ? history[i]! : null,
  );

  // the chain, up to the latest checkpoint
  const heads = new Map<number, string>([[0, GENESIS]]);
  const entries: LogEntry[] = [];
  let prev = GENESIS;
  let expected = 1;
  while (expected <= latest.size) {
    const page = await must<{ entries: LogEntry[] }>(`/api/v1/log?after=${expected - 1}&limit=1000`);
    if (page.entries.length === 0) break;
    for (const e of page.entries) {
      if (e.seq > latest.size) break;
      if (e.seq !== expected)
        problem('gap', `expected entry ${expected}, got ${e.seq}: entries were deleted or moved`, {
          seq: e.seq,
        });
      if (e.prev !== prev)
        problem('chain', `entry ${e.seq} does not link to the entry before it`, { seq: e.seq });
      if ((await entryHash(e.prev, e)) !== e.hash)
        problem('hash', `entry ${e.seq} does not match its hash: it was edited`, { seq: e.seq });
      heads.set(e.seq, e.hash);
      entries.push(e);
      prev = e.hash;
      expected = e.seq + 1;
    }
    if (page.entries.at(-1)!.seq >= latest.size) break;
  }
  if (!heads.has(latest.size))
    problem('truncated', `the log ends before entry ${latest.size}, which the latest checkpoint covers`);

  // every checkpoint must match the chain; two signed heads for one size are a fork
  const seen = new Map<number, SeenCheckpoint>();
  for (const cp of prior?.checkpoints ?? []) seen.set(cp.size, cp);
  const compare = (cp: SeenCheckpoint, source: string) => {
    const before = seen.get(cp.size);
    if (before && before.head !== cp.head) {
      problem(
        'fork',
        `two signed checkpoints for size ${cp.size}: ${before.head} (seen before) and ${cp.head}`,
        {
          evidence: [before.signature, cp.signature],
        },
      );
    }
    const head = heads.get(cp.size);
    if (head === undefined && cp.size > latest.size) {
      problem(
        'truncated',
        `a ${source} checkpoint covers ${cp.size} entries; the log now has ${latest.size}`,
      );
    } else if (head !== undefined && head !== cp.head) {
      problem(
        'checkpoint-mismatch',
        `the ${source} checkpoint at size ${cp.size} does not match entry ${cp.size}`,
      );
    }
  };
  for (const cp of prior?.checkpoints ?? []) compare(cp, 'remembered');
  for (const cp of signedHistory) if (cp) compare(cp, 'published');
  if (latestPayload) compare(latest, 'latest');

  // the signing key must be announced on the log itself, so a swapped key is public
  const announced = new Set(
    entries.filter((e) => e.kind === 'log.key-created').map((e) => String((e.data as { kid?: string }).kid)),
  );
  if (latestPayload && latest.size > 0 && !announced.has(latestPayload.kid))
    problem('key-unannounced', `checkpoint key ${latestPayload.kid} is not announced on the log`);

  const items =
    opts.checkItems === false ? { checked: 0, withheld: 0 } : await checkItems(entries, get, problem);

  const state: VerifierState = {
    log,
    keys: dedupeKeys([...(prior?.keys ?? []), ...served]),
    checkpoints: [...seen.values()],
  };
  for (const cp of [...signedHistory, latestPayload ? latest : null]) {
    if (cp && !state.checkpoints.some((s) => s.size === cp.size)) {
      state.checkpoints.push({ size: cp.size, head: cp.head, time: cp.time, signature: cp.signature });
    }
  }
  state.checkpoints.sort((a, b) => a.size - b.size);
  return {
    ok: problems.length === 0,
    log,
    size: latest.size,
    head: latest.head,
    entries: entries.length,
    itemsChecked: items.checked,
    itemsWithheld: items.withheld,
    problems,
    state,
  };
}

function dedupeKeys(keys: JWK[]): JWK[] {
  return [...new Map(keys.map((k) => [`${k.kid}|${k.x}`, k])).values()];
}
