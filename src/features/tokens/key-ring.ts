import type { Clock } from '../../platform/clock.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/db.js';
import { type LiveKey, liveKeys, privateKeyOf } from './keys.service.js';

const TTL_MS = 30_000;

/**
 * The live issuer keys, read from the database at most every 30 s (so a rotation made by the CLI or
 * another instance reaches this one within that time) and private keys unsealed once.
 */
export function keyRing(db: Db, secrets: Secrets, clock: Clock) {
  let cached: { at: number; keys: Promise<LiveKey[]> } | undefined;
  const privates = new Map<string, Promise<Uint8Array>>();
  return {
    live(): Promise<LiveKey[]> {
      const now = clock.now();
      if (!cached || now - cached.at > TTL_MS || now < cached.at) {
        const keys = liveKeys(db);
        keys.catch(() => {
          cached = undefined;
        });
        cached = { at: now, keys };
      }
      return cached.keys;
    },
    privateKey(id: string): Promise<Uint8Array> {
      let p = privates.get(id);
      if (!p) {
        p = privateKeyOf(db, secrets, id);
        privates.set(id, p);
      }
      return p;
    },
    /** Forget cached keys, after a rotation made through this instance. */
    invalidate() {
      cached = undefined;
      privates.clear();
    },
  };
}

export type KeyRing = ReturnType<typeof keyRing>;
