import { and, eq, lte, ne, sql } from 'drizzle-orm';
import { appeals } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import type { Spend, TokenService } from '../tokens/index.js';
import { visibleAppeal } from './appeal-state.js';

/**
 * The statement that adds "me too" co-signs. Only a count is kept: no row, no time, nothing that could tie
 * a co-sign to a worker or to their other posts.
 */
export function cosignStatement(db: Db, appealId: number, now: number, by = 1) {
  return db
    .update(appeals)
    .set({ cosignCount: sql`${appeals.cosignCount} + ${by}` })
    .where(and(eq(appeals.id, appealId), lte(appeals.publishAt, now), ne(appeals.status, 'withdrawn')))
    .returning({ cosignCount: appeals.cosignCount });
}

/**
 * One co-sign for one token: the nonce is spent in the same batch as the count, so a token co-signs once.
 * Checked before spending, so a token is not burnt on an appeal that cannot be co-signed.
 */
export async function cosign(
  deps: { db: Db; tokens: TokenService; now: number },
  spend: Spend,
  appealId: number,
) {
  const { db, now } = deps;
  const appeal = await visibleAppeal(db, appealId, now);
  if (appeal.status === 'withdrawn') throw new AppError('APPEAL_CLOSED');
  const [, updated] = (await deps.tokens.spendWith(db, spend, [
    cosignStatement(db, appealId, now),
  ])) as unknown as [unknown, { cosignCount: number }[]];
  return { id: appealId, cosignCount: updated[0]?.cosignCount ?? appeal.cosignCount };
}
