import { and, eq, isNull } from 'drizzle-orm';
import { codeBatches, enrollmentCodes } from '../../../db/schema/index.js';
import { DAY } from '../../platform/clock.js';
import { normaliseGroupedBase32, toGroupedBase32 } from '../../platform/crypto/encoding.js';
import { keyedHash, randomBytes } from '../../platform/crypto/hash.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';

const CODE_BYTES = 15; // 120 bits: 24 characters in six groups of four

export function hashCode(secrets: Secrets, code: string): string {
  return keyedHash(secrets.codeKey, 'enrollment-code', normaliseGroupedBase32(code));
}

/**
 * Creates a batch of enrollment codes. The plain codes are returned once and never stored.
 * @example const { codes } = await createCodes(db, secrets, { count: 100, createdBy: 'admin', now, validDays: 365 })
 */
export async function createCodes(
  db: Db,
  secrets: Secrets,
  opts: { count: number; createdBy: string; label?: string; now: number; validDays: number },
) {
  const expiresAt = opts.now + opts.validDays * DAY;
  const [batch] = await db
    .insert(codeBatches)
    .values({
      label: opts.label ?? '',
      count: opts.count,
      createdBy: opts.createdBy,
      createdAt: opts.now,
      expiresAt,
    })
    .returning({ id: codeBatches.id });
  const codes = Array.from({ length: opts.count }, () => toGroupedBase32(randomBytes(CODE_BYTES)));
  for (let i = 0; i < codes.length; i += 500) {
    await db
      .insert(enrollmentCodes)
      .values(
        codes
          .slice(i, i + 500)
          .map((c) => ({ codeHash: hashCode(secrets, c), batchId: batch!.id, expiresAt })),
      );
  }
  return { batchId: batch!.id, codes, expiresAt };
}

/** Checks a code; returns the hash that stands for this worker, or throws the reason it is refused. */
export async function checkCode(db: Db, secrets: Secrets, code: string, now: number): Promise<string> {
  const codeHash = hashCode(secrets, code);
  const [row] = await db.select().from(enrollmentCodes).where(eq(enrollmentCodes.codeHash, codeHash));
  if (!row) throw new AppError('CODE_UNKNOWN');
  if (row.revokedAt !== null) throw new AppError('CODE_REVOKED');
  if (row.expiresAt <= now) throw new AppError('CODE_EXPIRED');
  return codeHash;
}

/** Revokes one code (a worker left) — the person holding it brings it to the admin — or a whole batch. */
export async function revokeCode(db: Db, secrets: Secrets, code: string, now: number): Promise<boolean> {
  const rows = await db
    .update(enrollmentCodes)
    .set({ revokedAt: now })
    .where(and(eq(enrollmentCodes.codeHash, hashCode(secrets, code)), isNull(enrollmentCodes.revokedAt)))
    .returning({ h: enrollmentCodes.codeHash });
  return rows.length > 0;
}

export async function revokeBatch(db: Db, batchId: number, now: number): Promise<number> {
  const rows = await db
    .update(enrollmentCodes)
    .set({ revokedAt: now })
    .where(and(eq(enrollmentCodes.batchId, batchId), isNull(enrollmentCodes.revokedAt)))
    .returning({ h: enrollmentCodes.codeHash });
  return rows.length;
}
