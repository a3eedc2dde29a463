import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { counters, type SaltPurpose, salts } from '../../../db/schema/index.js';
import { DAY, HOUR } from '../../platform/clock.js';
import type { Config } from '../../platform/config/config.js';
import { fromBase64Url, toBase64Url } from '../../platform/crypto/encoding.js';
import { keyedHash, randomBytes } from '../../platform/crypto/hash.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';

/** Epoch length per purpose: rate limits rotate daily (by default), token budgets per budget period. */
export function epochLength(config: Config, purpose: SaltPurpose): number {
  return purpose === 'ratelimit' ? config.SALT_EPOCH_HOURS * HOUR : config.TOKEN_BUDGET_PERIOD_DAYS * DAY;
}

export function epochOf(config: Config, purpose: SaltPurpose, now: number): number {
  return Math.floor(now / epochLength(config, purpose));
}

/** The random key of an epoch, created on first use. Concurrent first uses agree on one key. */
export async function saltFor(db: Db, purpose: SaltPurpose, epoch: number): Promise<Uint8Array> {
  const read = () =>
    db
      .select({ key: salts.key })
      .from(salts)
      .where(and(eq(salts.purpose, purpose), eq(salts.epoch, epoch)));
  // a read on every request, a write only on the first one of an epoch
  let [row] = await read();
  if (!row) {
    await db
      .insert(salts)
      .values({ purpose, epoch, key: toBase64Url(randomBytes(32)) })
      .onConflictDoNothing();
    [row] = await read();
  }
  return fromBase64Url(row!.key);
}

/** HMAC of an identity (a code, an OIDC subject, an address) under the current epoch's salt. */
export async function saltedKey(
  db: Db,
  config: Config,
  purpose: SaltPurpose,
  now: number,
  ...identity: string[]
) {
  const epoch = epochOf(config, purpose, now);
  return { epoch, keyHash: keyedHash(await saltFor(db, purpose, epoch), purpose, ...identity) };
}

/**
 * Adds `n` to a salted counter if the result stays within `limit`, in one statement.
 * Returns the new count, or null when the limit would be passed (nothing is added then).
 */
export async function addWithin(
  db: Db,
  key: { purpose: SaltPurpose; epoch: number; keyHash: string },
  n: number,
  limit: number,
): Promise<number | null> {
  if (n > limit) return null;
  const rows = await db
    .insert(counters)
    .values({ ...key, count: n })
    .onConflictDoUpdate({
      target: [counters.purpose, counters.epoch, counters.keyHash],
      set: { count: sql`${counters.count} + ${n}` },
      setWhere: sql`${counters.count} + ${n} <= ${limit}`,
    })
    .returning({ count: counters.count });
  return rows[0]?.count ?? null;
}

export async function currentCount(db: Db, key: { purpose: SaltPurpose; epoch: number; keyHash: string }) {
  const [row] = await db
    .select({ count: counters.count })
    .from(counters)
    .where(
      and(
        eq(counters.purpose, key.purpose),
        eq(counters.epoch, key.epoch),
        eq(counters.keyHash, key.keyHash),
      ),
    );
  return row?.count ?? 0;
}

/**
 * Destroys salts (and their counters) outside the window: rate-limit salts older than the previous
 * epoch, budget salts of any other period than the current one (pass the config with the admin's budget
 * period, see withBudgetSettings). With `now`, the current rate-limit salt is replaced
 * too, for an on-demand rotation. Returns how many salts were destroyed.
 */
export async function rotateSalts(db: Db, config: Config, now: number, opts: { now?: boolean } = {}) {
  const rlEpoch = epochOf(config, 'ratelimit', now);
  const keepRateLimitFrom = opts.now ? rlEpoch + 1 : rlEpoch - 1;
  const keepBudgetFrom = epochOf(config, 'budget', now);
  // zero deleted cells, rather than leave them readable in free space of the file
  await db.run(sql`PRAGMA secure_delete = ON`).catch(() => undefined);
  const [a, b] = await db.batch([
    db
      .delete(salts)
      .where(and(eq(salts.purpose, 'ratelimit'), lt(salts.epoch, keepRateLimitFrom)))
      .returning({ epoch: salts.epoch }),
    db
      .delete(salts)
      // not only older: after an admin lengthens the period, earlier salts carry higher epoch numbers
      .where(and(eq(salts.purpose, 'budget'), ne(salts.epoch, keepBudgetFrom)))
      .returning({ epoch: salts.epoch }),
    db.delete(counters).where(and(eq(counters.purpose, 'ratelimit'), lt(counters.epoch, keepRateLimitFrom))),
    db.delete(counters).where(and(eq(counters.purpose, 'budget'), ne(counters.epoch, keepBudgetFrom))),
  ]);
  // the WAL still holds the pages as they were before the delete: copy the zeroed pages into the file and
  // empty the WAL. D1 and remote libSQL manage storage themselves and refuse both PRAGMAs (see SECURITY.md)
  await db.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`).catch(() => undefined);
  return a.length + b.length;
}

/**
 * Throttles failed attempts (sign-ins, issuance with a bad credential) per salted identity: `check`
 * refuses with 429 once `limit` failures are counted this epoch, `fail` counts one more. Successes are
 * free, so many workers behind one depot's address are not blocked by each other.
 * @example const t = await failureThrottle(db, config, now, 10, 'signin', address, username); await t.check();
 */
export async function failureThrottle(
  db: Db,
  config: Config,
  now: number,
  limit: number,
  ...identity: string[]
) {
  const key = {
    purpose: 'ratelimit' as const,
    ...(await saltedKey(db, config, 'ratelimit', now, ...identity)),
  };
  return {
    async check() {
      if ((await currentCount(db, key)) >= limit) throw new AppError('RATE_LIMITED');
    },
    async fail() {
      await addWithin(db, key, 1, Number.MAX_SAFE_INTEGER);
    },
  };
}
