import { and, eq, lt, sql } from 'drizzle-orm';
import { departments, ratingBallots, ratingKeys, ratingNonces } from '../../../db/schema/index.js';
import { toBase64Url } from '../../platform/crypto/encoding.js';
import { randomBytes } from '../../platform/crypto/hash.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/db.js';
import { randomRowId } from '../../platform/db/random-id.js';
import { AppError } from '../../platform/http/errors.js';
import { createScopedKey, oncePerWorker, type TokenScope } from '../tokens/index.js';
import { nextPeriod, periodOf } from './periods.js';

export type RatingKeyRow = typeof ratingKeys.$inferSelect;

export const ratingLabel = (departmentId: number, period: string) => `rating:${departmentId}:${period}`;

/** Where a phone asks for a department's one rating token of the current period. */
export const ratingIssuerPath = (departmentId: number) => `/token-request/ratings/${departmentId}`;

/** The department, or 404. */
export async function ratedDepartment(db: Db, id: number) {
  const [dept] = await db.select().from(departments).where(eq(departments.id, id));
  if (!dept) throw new AppError('RATING_DEPARTMENT_NOT_FOUND');
  return dept;
}

/** The department's key for a period, if made; reading never creates one (reads store nothing). */
export async function findRatingKey(db: Db, departmentId: number, period: string) {
  const [row] = await db
    .select()
    .from(ratingKeys)
    .where(and(eq(ratingKeys.departmentId, departmentId), eq(ratingKeys.period, period)));
  return row;
}

/** The department's key for the current period, for issuing and spending; ended periods are erased first. */
export async function currentRatingKey(db: Db, departmentId: number, now: number) {
  await finaliseEndedPeriods(db, now);
  const key = await findRatingKey(db, departmentId, periodOf(now));
  if (!key) throw new AppError('RATING_NOT_OPEN');
  return key;
}

/** Makes the department's key for a period unless it exists; true when it made one. */
export async function makeRatingKey(db: Db, secrets: Secrets, departmentId: number, period: string) {
  if (await findRatingKey(db, departmentId, period)) return false;
  const key = await createScopedKey(secrets, ratingLabel(departmentId, period));
  // two concurrent makers: the primary key keeps the first, and everyone reads that one
  await db
    .insert(ratingKeys)
    .values({ departmentId, period, ...key, ballotSalt: toBase64Url(randomBytes(32)) })
    .onConflictDoNothing();
  return true;
}

/**
 * Makes the departments' keys for the current and then the next period, a few per run (a scheduled job,
 * run at start-up too), so a key exists before anyone asks. Returns how many were made.
 */
export async function ensureRatingKeys(
  db: Db,
  secrets: Secrets,
  now: number,
  // an RSA key takes a noticeable slice of a Workers cron run; the rest come in the next runs
  perRun = 4,
): Promise<number> {
  await finaliseEndedPeriods(db, now);
  const depts = await db.select({ id: departments.id }).from(departments);
  let made = 0;
  for (const period of [periodOf(now), nextPeriod(periodOf(now))])
    for (const { id } of depts) {
      if (made >= perRun) return made;
      if (await makeRatingKey(db, secrets, id, period)) made++;
    }
  return made;
}

/** The department's period as a token scope with a budget of one token per worker. */
export function ratingScope(db: Db, key: RatingKeyRow): TokenScope {
  const { departmentId, period } = key;
  return oncePerWorker({
    label: ratingLabel(departmentId, period),
    key,
    ballotSalt: key.ballotSalt,
    purpose: 'rating-ballot',
    ended: 'RATING_PERIOD_CLOSED',
    issued: 'RATING_TOKEN_ISSUED',
    async take(keyHash) {
      const taken = await db
        .insert(ratingBallots)
        .values({ id: randomRowId(), departmentId, period, keyHash })
        .onConflictDoNothing()
        .returning({ id: ratingBallots.id });
      return taken.length > 0;
    },
    async drop(keyHash) {
      await db
        .delete(ratingBallots)
        .where(
          and(
            eq(ratingBallots.departmentId, departmentId),
            eq(ratingBallots.period, period),
            eq(ratingBallots.keyHash, keyHash),
          ),
        );
    },
  });
}

/**
 * When a period ends nothing more may be issued or spent for it, so its private keys, ballot salts,
 * ballots and spent nonces go: even the database with every secret then cannot tell who rated whom.
 * Runs on every rating request and from the scheduled jobs; idempotent. Periods sort as text.
 */
export async function finaliseEndedPeriods(db: Db, now: number): Promise<void> {
  const current = periodOf(now);
  await db.batch([
    db
      .update(ratingKeys)
      .set({ privateKeySealed: '', ballotSalt: '' })
      .where(and(lt(ratingKeys.period, current), sql`${ratingKeys.privateKeySealed} <> ''`)),
    db.delete(ratingBallots).where(lt(ratingBallots.period, current)),
    db.delete(ratingNonces).where(lt(ratingNonces.period, current)),
  ]);
}
