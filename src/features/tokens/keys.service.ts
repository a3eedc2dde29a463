import { publicVerif, util } from '@cloudflare/privacypass-ts';
import { and, eq, inArray, lte } from 'drizzle-orm';
import { issuerKeys, spentNonces } from '../../../db/schema/index.js';
import { DAY, MINUTE } from '../../platform/clock.js';
import { fromBase64Url, toBase64Url } from '../../platform/crypto/encoding.js';
import { sha256 } from '../../platform/crypto/hash.js';
import { seal, unseal } from '../../platform/crypto/seal.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/db.js';

const { BlindRSAMode, Issuer, getPublicKeyBytes } = publicVerif;

export interface LiveKey {
  /** token_key_id (SHA-256 of the published key), base64url */
  id: string;
  idBytes: Uint8Array;
  publicKeyBytes: Uint8Array;
  publicKey: CryptoKey;
  state: 'active' | 'next';
  notBefore: number;
}

const SEAL_CONTEXT = 'issuer-key';

/**
 * Generates an RSA-2048 key for token type 2 and stores it sealed. A token request names its key by the
 * last byte of the key id only, so a key whose last byte equals that of a live key (`avoid`) is redrawn.
 */
export async function createIssuerKey(
  db: Db,
  secrets: Secrets,
  now: number,
  state: 'active' | 'next',
  notBefore: number,
  avoid: readonly string[] = [],
) {
  const taken = new Set(avoid.map((id) => fromBase64Url(id).at(-1)));
  let pair: CryptoKeyPair;
  let publicKeyBytes: Uint8Array;
  do {
    pair = await Issuer.generateKey(BlindRSAMode.PSS, {
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
    });
    publicKeyBytes = await getPublicKeyBytes(pair.publicKey);
  } while (taken.has(sha256(publicKeyBytes).at(-1)));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const id = toBase64Url(sha256(publicKeyBytes));
  await db.insert(issuerKeys).values({
    id,
    publicKey: toBase64Url(publicKeyBytes),
    privateKeySealed: await seal(secrets.sealKey, pkcs8, `${SEAL_CONTEXT}:${id}`),
    state,
    notBefore: Math.floor(notBefore / 1000),
    createdAt: now,
  });
  return id;
}

/** Makes sure an active key exists (first start). */
export async function ensureIssuerKey(db: Db, secrets: Secrets, now: number): Promise<void> {
  const [row] = await db
    .select({ id: issuerKeys.id })
    .from(issuerKeys)
    .where(eq(issuerKeys.state, 'active'))
    .limit(1);
  if (!row) {
    try {
      await createIssuerKey(db, secrets, now, 'active', now);
    } catch (e) {
      // another instance created it first (issuer_keys_one_active); anything else is real
      const [won] = await db
        .select({ id: issuerKeys.id })
        .from(issuerKeys)
        .where(eq(issuerKeys.state, 'active'));
      if (!won) throw e;
    }
  }
}

export async function importPublic(bytes: Uint8Array): Promise<CryptoKey> {
  const spki = util.convertRSASSAPSSToEnc(bytes);
  return crypto.subtle.importKey('spki', spki as BufferSource, { name: 'RSA-PSS', hash: 'SHA-384' }, true, [
    'verify',
  ]);
}

/** The published keys (at most two): the active one and, during rotation, the next. */
export async function liveKeys(db: Db): Promise<LiveKey[]> {
  const rows = await db
    .select()
    .from(issuerKeys)
    .where(inArray(issuerKeys.state, ['active', 'next']))
    .orderBy(issuerKeys.notBefore);
  return Promise.all(
    rows.map(async (r) => {
      const publicKeyBytes = fromBase64Url(r.publicKey);
      return {
        id: r.id,
        idBytes: fromBase64Url(r.id),
        publicKeyBytes,
        publicKey: await importPublic(publicKeyBytes),
        state: r.state as 'active' | 'next',
        notBefore: r.notBefore,
      };
    }),
  );
}

export async function privateKeyOf(db: Db, secrets: Secrets, id: string): Promise<Uint8Array> {
  const [row] = await db.select().from(issuerKeys).where(eq(issuerKeys.id, id));
  if (!row) throw new Error('no such key');
  return unseal(secrets.sealKey, row.privateKeySealed, `${SEAL_CONTEXT}:${id}`);
}

/**
 * One rotation step, run by `rotate-keys` and the admin API:
 * - no `next` key: create one, published now, usable after `graceDays` (clients fetch it ahead of time);
 * - a `next` key whose not-before has passed: it becomes active, the old active key is retired and its
 *   private key is deleted; its spent nonces go a few minutes later (purgeRetiredNonces), once no
 *   instance's cache still accepts the key.
 */
export async function rotateIssuerKeys(db: Db, secrets: Secrets, now: number, graceDays: number) {
  const rows = await db
    .select()
    .from(issuerKeys)
    .where(inArray(issuerKeys.state, ['active', 'next']));
  const next = rows.find((r) => r.state === 'next');
  if (!next) {
    const id = await createIssuerKey(
      db,
      secrets,
      now,
      'next',
      now + graceDays * DAY,
      rows.map((r) => r.id),
    );
    return { created: id, retired: null as string | null };
  }
  if (next.notBefore * 1000 > now)
    return { created: null, retired: null, waitingUntil: next.notBefore * 1000 };
  const old = rows.find((r) => r.state === 'active');
  const promote = db.update(issuerKeys).set({ state: 'active' }).where(eq(issuerKeys.id, next.id));
  // retire first: at most one active key at any statement (unique index)
  if (old)
    await db.batch([
      db
        .update(issuerKeys)
        .set({ state: 'retired', retiredAt: now, privateKeySealed: '' })
        .where(eq(issuerKeys.id, old.id)),
      promote,
    ]);
  else await promote;
  return { created: null, retired: old?.id ?? null };
}

// longer than any instance's key-ring cache (key-ring.ts): until then a retired key may still be accepted
const SPENT_NONCE_GRACE_MS = 10 * MINUTE;

/**
 * Deletes the spent nonces of keys retired more than SPENT_NONCE_GRACE_MS ago (a scheduled job): their
 * tokens are refused everywhere by then, so the nonces guard nothing.
 */
export async function purgeRetiredNonces(db: Db, now: number) {
  const stale = db
    .select({ id: issuerKeys.id })
    .from(issuerKeys)
    .where(and(eq(issuerKeys.state, 'retired'), lte(issuerKeys.retiredAt, now - SPENT_NONCE_GRACE_MS)));
  await db.delete(spentNonces).where(inArray(spentNonces.keyId, stale));
}
