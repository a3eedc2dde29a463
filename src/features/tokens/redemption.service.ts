import {
  AuthorizationHeader,
  publicVerif,
  TOKEN_TYPES,
  TokenChallenge,
  WWWAuthenticateHeader,
} from '@cloudflare/privacypass-ts';
import { spentNonces } from '../../../db/schema/index.js';
import type { BlindSigner } from '../../platform/crypto/blind-signer.js';
import { toBase64Url } from '../../platform/crypto/encoding.js';
import { equalBytes, sha256 } from '../../platform/crypto/hash.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import type { KeyRing } from './key-ring.js';

/** What redeeming a token leaves behind: its key and nonce, to be spent with the content it pays for. */
export interface Spend {
  keyId: string;
  nonce: string;
}

/**
 * Our one fixed challenge (RFC 9577 §2.1): token type 2, our issuer, an EMPTY redemption context and our
 * origin. Empty context means a token can be fetched long before it is spent, so issuance and spending
 * cannot be matched by time.
 */
export function originChallenge(publicOrigin: string) {
  const host = new URL(publicOrigin).host;
  const challenge = new TokenChallenge(TOKEN_TYPES.BLIND_RSA.value, host, new Uint8Array(0), [host]);
  return { challenge, digest: sha256(challenge.serialize()) };
}

export type OriginChallenge = ReturnType<typeof originChallenge>;

/** `WWW-Authenticate` for a 401 on a content endpoint: the challenge with the active key. */
export async function wwwAuthenticate(
  challenge: OriginChallenge,
  keys: Pick<KeyRing, 'live'>,
): Promise<string> {
  const live = await keys.live();
  const active = live.find((k) => k.state === 'active') ?? live[0];
  if (!active) throw new AppError('ISSUER_KEY_UNAVAILABLE');
  return new WWWAuthenticateHeader(challenge.challenge, active.publicKeyBytes).toString(true);
}

const origin = new publicVerif.Origin(publicVerif.BlindRSAMode.PSS);

/**
 * Checks `Authorization: PrivateToken token="…"` in the order that gives each failure its own code:
 * type, challenge digest (the library's verify checks only the signature), live key, signature.
 * Returns the nonce to spend; spending happens in the caller's batch (see `spendWith`). `verifier`: the
 * platform's synchronous signature check, if it has one.
 */
export async function redeemToken(
  header: string | undefined,
  challenge: OriginChallenge,
  keys: Pick<KeyRing, 'live'>,
  verifier?: Pick<BlindSigner, 'verifyToken'>,
): Promise<Spend> {
  const requireToken = async () =>
    new AppError('TOKEN_REQUIRED', undefined, { 'WWW-Authenticate': await wwwAuthenticate(challenge, keys) });
  if (!header || !/^\s*PrivateToken\s/i.test(header)) throw await requireToken();
  const raw = /token="?([A-Za-z0-9+/_=-]+)"?/.exec(header)?.[1];
  if (!raw) throw new AppError('TOKEN_MALFORMED');
  const type = tokenTypeOf(raw);
  if (type === undefined) throw new AppError('TOKEN_MALFORMED');
  if (type !== TOKEN_TYPES.BLIND_RSA.value) throw new AppError('TOKEN_WRONG_TYPE');
  let token: InstanceType<typeof AuthorizationHeader>['token'];
  try {
    const parsed = AuthorizationHeader.parse(TOKEN_TYPES.BLIND_RSA, header);
    if (parsed.length !== 1) throw new Error('count');
    token = parsed[0]!.token;
  } catch {
    throw new AppError('TOKEN_MALFORMED');
  }
  if (!equalBytes(token.authInput.challengeDigest, challenge.digest))
    throw new AppError('TOKEN_WRONG_CHALLENGE');
  const key = (await keys.live()).find((k) => equalBytes(k.idBytes, token.authInput.tokenKeyId));
  if (!key) throw new AppError('TOKEN_UNKNOWN_KEY');
  let valid = false;
  try {
    valid = verifier?.verifyToken
      ? verifier.verifyToken(key.publicKey, token.authenticator, token.authInput.serialize())
      : await origin.verify(token, key.publicKey);
  } catch {
    valid = false;
  }
  if (!valid) throw new AppError('TOKEN_BAD_SIGNATURE');
  return { keyId: key.id, nonce: toBase64Url(token.authInput.nonce) };
}

function tokenTypeOf(b64: string): number | undefined {
  try {
    const bin = atob(b64.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''));
    return bin.length < 2 ? undefined : (bin.charCodeAt(0) << 8) | bin.charCodeAt(1);
  } catch {
    return undefined;
  }
}

/**
 * Spends the nonce and runs the content statements in one atomic batch: either both land or neither.
 * A nonce seen before (double spend, including a concurrent one) fails the whole batch → 409.
 * @example const [, rows] = await spendWith(db, spend, [db.insert(appeals).values(v).returning()])
 */
export async function spendWith<T extends readonly BatchItem[]>(db: Db, spend: Spend, statements: T) {
  try {
    const results = await db.batch([
      db.insert(spentNonces).values(spend),
      ...statements,
    ] as unknown as Parameters<Db['batch']>[0]);
    return results as unknown as [unknown, ...{ [K in keyof T]: Awaited<T[K]> }];
  } catch (e) {
    if (
      /spent_nonces/.test(String((e as Error)?.message ?? '')) ||
      /spent_nonces/.test(String((e as { cause?: Error })?.cause?.message ?? ''))
    ) {
      throw new AppError('TOKEN_ALREADY_SPENT');
    }
    throw e;
  }
}
