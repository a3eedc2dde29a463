import {
  AuthorizationHeader,
  TokenChallenge,
} from '@cloudflare/privacypass-ts/lib/src/auth_scheme/private_token.js';
import { MediaType, PRIVATE_TOKEN_ISSUER_DIRECTORY } from '@cloudflare/privacypass-ts/lib/src/issuance.js';
import { BlindRSAMode, Client } from '@cloudflare/privacypass-ts/lib/src/pub_verif_token.js';
import { kv, type StoredToken, tokens } from './idb-store.js';
import { parseBatchResponse, serializeBatchRequest } from './token-batch.js';

/** Stock the wallet tops up to; one batch (the issuer's default TOKEN_BATCH_MAX). */
export const TARGET_STOCK = 10;
/** At or below this, a due refill runs. */
const LOW_STOCK = 5;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const BLIND_RSA = 2;

/** A refusal from the server (its error code) or one of the wallet's own: NO_TOKENS, NETWORK, MAYBE_SENT. */
export class WalletError extends Error {
  override name = 'WalletError';
  constructor(
    readonly code: string,
    readonly serverMessage?: string,
  ) {
    super(code);
  }
}

interface Directory {
  'issuer-request-uri': string;
  'token-keys': { 'token-type': number; 'token-key': string; 'not-before'?: number }[];
}

export const b64url = {
  decode: (s: string) =>
    Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)),
  encode: (b: Uint8Array) =>
    btoa(String.fromCharCode(...b))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, ''),
};

/** Requests carry the page's language so that server messages match it; nothing else about the phone. */
export const pageLanguage = () => document.documentElement.lang || 'zh-CN';

export async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('accept-language', pageLanguage());
  try {
    return await fetch(path, { ...init, headers, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new WalletError('NETWORK');
  }
}

export async function errorFrom(res: Response): Promise<WalletError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    return new WalletError(body.error?.code ?? `HTTP_${res.status}`, body.error?.message);
  } catch {
    return new WalletError(`HTTP_${res.status}`);
  }
}

/** The key tokens are made for: the newest whose not-before has passed (seconds, RFC 9578). */
function currentKey(dir: Directory) {
  const keys = dir['token-keys'].filter((k) => k['token-type'] === BLIND_RSA);
  const usable = keys.filter((k) => (k['not-before'] ?? 0) * 1000 <= Date.now());
  const pick = (usable.length ? usable : keys).sort(
    (a, b) => (b['not-before'] ?? 0) - (a['not-before'] ?? 0),
  )[0];
  if (!pick) throw new WalletError('ISSUER_KEY_UNAVAILABLE');
  return b64url.decode(pick['token-key']);
}

const keyIdOf = async (key: Uint8Array) =>
  b64url.encode(new Uint8Array(await crypto.subtle.digest('SHA-256', key as BufferSource)));

/**
 * Our origin's challenge, built from the directory (RFC 9577 §2.1): issuer and origin are the host of the
 * issuer-request-uri, and the redemption context is empty, so tokens can be fetched long before use.
 */
function challengeFor(dir: Directory) {
  const host = new URL(dir['issuer-request-uri']).host;
  return new TokenChallenge(BLIND_RSA, host, new Uint8Array(0), [host]);
}

/** Blinds `count` requests, sends them as one batch with the enrollment code, unblinds what comes back. */
async function fetchBatch(code: string, count: number): Promise<StoredToken[]> {
  const dirRes = await call(PRIVATE_TOKEN_ISSUER_DIRECTORY);
  if (!dirRes.ok) throw await errorFrom(dirRes);
  const dir = (await dirRes.json()) as Directory;
  const key = currentKey(dir);
  const keyId = await keyIdOf(key);
  await tokens.dropKeysOtherThan(
    await Promise.all(dir['token-keys'].map((k) => keyIdOf(b64url.decode(k['token-key'])))),
  );
  const challenge = challengeFor(dir);
  const clients = Array.from({ length: count }, () => new Client(BlindRSAMode.PSS));
  const requests = await Promise.all(clients.map((c) => c.createTokenRequest(challenge, key)));
  // the path only: the page may be served under another name than PUBLIC_ORIGIN, and CSP allows 'self'
  const res = await call(new URL(dir['issuer-request-uri']).pathname, {
    method: 'POST',
    headers: { 'content-type': MediaType.ARBITRARY_BATCHED_TOKEN_REQUEST, authorization: `Bearer ${code}` },
    body: serializeBatchRequest(requests.map((r) => r.serialize())) as BodyInit,
  });
  if (!res.ok) throw await errorFrom(res);
  const signatures = parseBatchResponse(new Uint8Array(await res.arrayBuffer()));
  const out: StoredToken[] = [];
  for (const [i, client] of clients.entries()) {
    const sig = signatures[i];
    if (!sig) continue;
    const token = await client.finalize(client.deserializeTokenResponse(sig));
    out.push({ header: new AuthorizationHeader(token).toString(true), keyId });
  }
  return out;
}

/** Enrollment codes as printed: case and spaces do not matter. */
export const normaliseCode = (code: string) => code.trim().toUpperCase().replace(/\s+/g, '');

/** Checks the code by fetching the first batch; it is kept on the phone only once the issuer accepted it. */
export async function enroll(code: string): Promise<number> {
  const clean = normaliseCode(code);
  // at least one token, so that the code is checked even when the stock is already full
  const got = await fetchBatch(clean, Math.max(1, TARGET_STOCK - (await tokens.count())));
  await kv.set('code', clean);
  await tokens.add(got);
  await scheduleRefill(30 * MINUTE, 12 * HOUR);
  return got.length;
}

export async function state() {
  return {
    enrolled: (await kv.get<string>('code')) !== undefined,
    stock: await tokens.count(),
    nextRefillAt: (await kv.get<number>('nextRefillAt')) ?? null,
  };
}

/** The next refill at a random moment in [min, max) from now, so refills say nothing about posting. */
async function scheduleRefill(min: number, max: number, notBefore = 0) {
  const at = Date.now() + min + (crypto.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32) * (max - min);
  await kv.set('nextRefillAt', Math.max(at, notBefore));
}

/** Tops the stock up to TARGET_STOCK now. */
export async function refill(): Promise<number> {
  const code = await kv.get<string>('code');
  if (!code) throw new WalletError('NOT_ENROLLED');
  const need = TARGET_STOCK - (await tokens.count());
  try {
    if (need <= 0) return 0;
    const got = await fetchBatch(code, need);
    await tokens.add(got);
    return got.length;
  } finally {
    await scheduleRefill(30 * MINUTE, 12 * HOUR);
  }
}

/** Runs a refill if its random time has come and the stock is low; quietly, as background upkeep. */
export async function refillIfDue(): Promise<boolean> {
  const s = await state();
  if (!s.enrolled || s.stock > LOW_STOCK || (s.nextRefillAt ?? 0) > Date.now()) return false;
  await refill().catch(() => undefined);
  return true;
}

export async function forgetCode() {
  await kv.delete('code');
  await kv.delete('nextRefillAt');
}

/**
 * Pays for one request with one token. Only a 2xx uses a token up: the server spends the nonce in the same
 * batch as the content, so any other answer leaves it unspent and it goes back to the stock — unless the
 * server refused the token itself (spent, unknown key), then it is dropped and the next one tried. After a
 * network failure the same token is kept aside and used first next time; if the server then calls it spent,
 * the first attempt went through (MAYBE_SENT) and no second copy is posted.
 */
export async function spend(send: (authorization: string) => Promise<Response>): Promise<Response> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const pending = await kv.get<StoredToken>('pendingToken');
    const token = pending ?? (await tokens.take());
    if (!token) throw new WalletError('NO_TOKENS');
    await kv.set('pendingToken', token);
    let res: Response;
    try {
      res = await send(token.header);
    } catch {
      throw new WalletError('NETWORK');
    }
    await kv.delete('pendingToken');
    if (res.ok) {
      await scheduleRefill(30 * MINUTE, 6 * HOUR, (await kv.get<number>('nextRefillAt')) ?? 0);
      return res;
    }
    const refused = res.status === 401 || res.status === 409 ? await errorFrom(res.clone()) : undefined;
    if (refused && /^TOKEN_/.test(refused.code)) {
      if (pending && refused.code === 'TOKEN_ALREADY_SPENT') throw new WalletError('MAYBE_SENT');
      continue;
    }
    await tokens.add([token]);
    return res;
  }
  throw new WalletError('NO_TOKENS');
}
