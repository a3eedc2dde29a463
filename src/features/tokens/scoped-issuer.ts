import { publicVerif, TOKEN_TYPES, TokenChallenge } from '@cloudflare/privacypass-ts';
import { fromBase64Url, toBase64Url } from '../../platform/crypto/encoding.js';
import { keyedHash, sha256, utf8ToBytes } from '../../platform/crypto/hash.js';
import { seal, unseal } from '../../platform/crypto/seal.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import { AppError, type ErrorCode } from '../../platform/http/errors.js';
import type { KeyRing } from './key-ring.js';
import { importPublic, type LiveKey } from './keys.service.js';
import type { OriginChallenge } from './redemption.service.js';

const { BlindRSAMode, Issuer, getPublicKeyBytes } = publicVerif;

/** A one-purpose key as its feature stores it; `privateKeySealed` is '' once the purpose has ended. */
export interface ScopedKeyRecord {
  keyId: string;
  publicKey: string;
  privateKeySealed: string;
}

/**
 * A one-purpose issuer and origin, e.g. one survey: its own RSA key, its own challenge (a redemption
 * context derived from `label`) and its own budget. A token of one scope is refused by every other, so a
 * budget of 1 per scope means one answer per worker, while the blind signature keeps answers unlinkable.
 */
export interface TokenScope {
  /** Stable and unique, e.g. `survey:12`. */
  label: string;
  key: ScopedKeyRecord;
  /** Reserves `n` tokens for the worker's stable subject, or throws; runs before anything is signed. */
  reserve(subject: string, n: number): Promise<void>;
  /** Undoes `reserve` when nothing could be signed (a malformed blinded message). */
  release(subject: string, n: number): Promise<void>;
}

/**
 * A scope whose budget is exactly one token per worker: the feature keeps a ballot HMAC(ballotSalt,
 * worker) per scope in a table of its own, unique per scope, and erases the salt when the scope ends.
 * @example oncePerWorker({ label, key, ballotSalt, purpose: 'survey-ballot', ended: 'SURVEY_CLOSED',
 *   issued: 'SURVEY_TOKEN_ISSUED', take: (h) => insertBallot(h), drop: (h) => deleteBallot(h) })
 */
export function oncePerWorker(opts: {
  label: string;
  key: ScopedKeyRecord;
  /** base64url random HMAC key of this scope; '' once the scope has ended */
  ballotSalt: string;
  purpose: string;
  ended: ErrorCode;
  issued: ErrorCode;
  /** stores the ballot; false when it was already there */
  take(ballot: string): Promise<boolean>;
  drop(ballot: string): Promise<void>;
}): TokenScope {
  const ballot = (subject: string) => {
    if (opts.ballotSalt === '') throw new AppError(opts.ended);
    return keyedHash(fromBase64Url(opts.ballotSalt), opts.purpose, subject);
  };
  return {
    label: opts.label,
    key: opts.key,
    async reserve(subject, n) {
      if (n !== 1) throw new AppError('TOKEN_BATCH_TOO_LARGE');
      if (!(await opts.take(ballot(subject)))) throw new AppError(opts.issued);
    },
    release: (subject) => opts.drop(ballot(subject)),
  };
}

// the seal context names scope and key, so a sealed key copied to another scope's row does not open
const sealContext = (label: string, keyId: string) => `scoped-key:${label}:${keyId}`;

/**
 * Generates an RSA-2048 token type 2 key for one scope, sealed like the main issuer keys.
 * @example const key = await createScopedKey(secrets, `survey:${id}`)
 */
export async function createScopedKey(secrets: Secrets, label: string): Promise<ScopedKeyRecord> {
  const pair = await Issuer.generateKey(BlindRSAMode.PSS, {
    modulusLength: 2048,
    publicExponent: new Uint8Array([1, 0, 1]),
  });
  const publicKeyBytes = await getPublicKeyBytes(pair.publicKey);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const keyId = toBase64Url(sha256(publicKeyBytes));
  return {
    keyId,
    publicKey: toBase64Url(publicKeyBytes),
    privateKeySealed: await seal(secrets.sealKey, pkcs8, sealContext(label, keyId)),
  };
}

/** The scope's challenge: our issuer and origin, with a 32-byte redemption context derived from the label. */
export function scopedChallenge(publicOrigin: string, label: string): OriginChallenge {
  const host = new URL(publicOrigin).host;
  const context = sha256(utf8ToBytes(`zhitong/v1/redemption-context/${label}`));
  const challenge = new TokenChallenge(TOKEN_TYPES.BLIND_RSA.value, host, context, [host]);
  return { challenge, digest: sha256(challenge.serialize()) };
}

/** A key ring holding only the scope's key, for the shared issuance and redemption code. */
export function scopedKeyRing(secrets: Secrets, scope: TokenScope): Pick<KeyRing, 'live' | 'privateKey'> {
  let live: Promise<LiveKey[]> | undefined;
  return {
    live() {
      live ??= (async () => {
        const bytes = fromBase64Url(scope.key.publicKey);
        const key: LiveKey = {
          id: scope.key.keyId,
          idBytes: sha256(bytes),
          publicKeyBytes: bytes,
          publicKey: await importPublic(bytes),
          state: 'active',
          notBefore: 0,
        };
        return [key];
      })();
      return live;
    },
    async privateKey(id: string) {
      if (id !== scope.key.keyId || scope.key.privateKeySealed === '')
        throw new AppError('ISSUER_KEY_UNAVAILABLE');
      return unseal(secrets.sealKey, scope.key.privateKeySealed, sealContext(scope.label, id));
    },
  };
}
