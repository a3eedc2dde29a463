/**
 * The public log's format: what is hashed and how. Shared by the server and the standalone verifier, so
 * both compute the same bytes. Uses only WebCrypto, present in Node, Workers and browsers.
 */

/** The `prev` of the first entry. */
export const GENESIS = '0'.repeat(64);

export interface LogActor {
  role: string;
  username: string;
}

/** One entry as published at GET /api/v1/log. */
export interface LogEntry {
  seq: number;
  kind: string;
  item: { type: string; id: number } | null;
  actor: LogActor | null;
  /** ISO time, rounded down to the minute (or coarser) */
  at: string;
  data: Record<string, unknown>;
  prev: string;
  hash: string;
}

/** What a checkpoint signs. */
export interface CheckpointPayload {
  /** the log's origin, e.g. https://zhitong.example */
  log: string;
  size: number;
  /** hash of entry `size` (GENESIS for an empty log) */
  head: string;
  time: string;
}

/**
 * JSON with object keys sorted and no whitespace: one byte string per value. Only what JSON can carry
 * round-trip is allowed (finite numbers, strings, booleans, null, arrays, plain objects).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: cannot encode ${typeof value}`);
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)));
}

/**
 * hash = SHA-256("zhitong-log/v1\n" ‖ prev ‖ "\n" ‖ canonical JSON of the entry without prev and hash).
 * The seq is inside, so moving a row changes its hash; prev chains it to everything before.
 */
export function entryHash(prev: string, entry: Omit<LogEntry, 'prev' | 'hash'>): Promise<string> {
  const { seq, kind, item, actor, at, data } = entry;
  return sha256Hex(`zhitong-log/v1\n${prev}\n${canonicalJson({ seq, kind, item, actor, at, data })}`);
}

/** base64url without padding → bytes. */
export function fromBase64Url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

/**
 * Commitment to a text: hex SHA-256(salt ‖ for each field: 4-byte big-endian length ‖ UTF-8 bytes).
 * The length prefix keeps ("ab","c") and ("a","bc") apart; the random salt keeps a short text from being
 * found by trying guesses against the commitment.
 */
export function textCommitment(salt: Uint8Array, fields: readonly string[]): Promise<string> {
  return sha256Hex(commitmentInput(salt, fields));
}

/** The bytes `textCommitment` hashes, for a server that hashes them synchronously. */
export function commitmentInput(salt: Uint8Array, fields: readonly string[]): Uint8Array {
  const parts = fields.map((f) => new TextEncoder().encode(f));
  const out = new Uint8Array(salt.length + parts.reduce((n, b) => n + 4 + b.length, 0));
  out.set(salt, 0);
  const view = new DataView(out.buffer);
  let o = salt.length;
  for (const b of parts) {
    view.setUint32(o, b.length);
    out.set(b, o + 4);
    o += 4 + b.length;
  }
  return out;
}
