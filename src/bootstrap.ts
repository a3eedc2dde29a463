import { seedDemo } from '../db/seed/seed.js';
import { ensureIssuerKey } from './features/tokens/index.js';
import type { Secrets } from './platform/crypto/secrets.js';
import type { Db } from './platform/db/db.js';

/**
 * What a database needs before serving, after migrations: an issuer key, and on an empty database the
 * demo bureau. Returns the seeded accounts (with one-time passwords) when it seeded, else null.
 */
export async function prepareDatabase(
  db: Db,
  secrets: Secrets,
  now: number,
  opts: { seed: boolean; demoContent?: boolean },
) {
  await ensureIssuerKey(db, secrets, now);
  return opts.seed ? seedDemo(db, now, { content: opts.demoContent }) : null;
}
