import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  type RatingCriterion,
  ratingComments,
  ratingNonces,
  ratings,
  textCommitments,
} from '../../../db/schema/index.js';
import { HOUR } from '../../platform/clock.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { randomRowId } from '../../platform/db/random-id.js';
import { AppError } from '../../platform/http/errors.js';
import { isUniqueViolation } from '../appeals/appeal-state.js';
import { commitText } from '../audit/index.js';
import type { Spend } from '../tokens/index.js';
import { periodOf } from './periods.js';

/** The smallest number of ratings a department's period needs before scores or comments are shown. */
export const K = 5;

export const COMMENT_ITEM = 'rating-comment';

// a comment's commitment waits here, unlogged, until its department's period reaches K ratings
const NOT_YET = Number.MAX_SAFE_INTEGER;

export type NewRating = Record<RatingCriterion, number> & { period: string; comment?: string };

/** Only the running period can be rated: a rating for another is refused before any token is spent. */
export function checkPeriod(period: string, now: number): void {
  if (period !== periodOf(now)) throw new AppError('RATING_PERIOD_CLOSED');
}

/** Ratings of one department in one period (the k gate of scores and comments). */
export const ratingsOf = (departmentId: number, period: string) =>
  and(eq(ratings.departmentId, departmentId), eq(ratings.period, period));

const countOf = (departmentId: number, period: string) =>
  sql`(SELECT count(*) FROM ${ratings} WHERE ${ratingsOf(departmentId, period)})`;

/**
 * Opens the department's period's comments to the log once it has K ratings: their commitments get the
 * current hour as publication time. Runs inside the batch that adds a rating, so it sees that rating.
 */
function openCommentsStatement(db: Db, departmentId: number, period: string, now: number): BatchItem {
  const commentIds = db
    .select({ id: ratingComments.id })
    .from(ratingComments)
    .where(and(eq(ratingComments.departmentId, departmentId), eq(ratingComments.period, period)));
  return db
    .update(textCommitments)
    .set({ publishAt: Math.floor(now / HOUR) * HOUR })
    .where(
      and(
        eq(textCommitments.itemType, COMMENT_ITEM),
        eq(textCommitments.publishAt, NOT_YET),
        inArray(textCommitments.itemId, commentIds),
        sql`${countOf(departmentId, period)} >= ${K}`,
      ),
    );
}

/**
 * Stores one rating, paid for by the department's token of this period: nonce, scores and comment land
 * in one batch, so a token spent twice (even concurrently) fails as a whole → 409. Scores and comment
 * are separate rows with random ids and nothing joining them.
 */
export async function submitRating(
  db: Db,
  scope: { departmentId: number; period: string },
  spend: Spend,
  input: NewRating,
  now: number,
) {
  checkPeriod(input.period, now);
  const { departmentId, period } = scope;
  const comment = input.comment?.trim() ?? '';
  const commentId = randomRowId();
  const commentStatements: BatchItem[] =
    comment === ''
      ? []
      : [
          db.insert(ratingComments).values({ id: commentId, departmentId, period, body: comment }),
          ...(await commitText(db, {
            itemType: COMMENT_ITEM,
            itemId: commentId,
            fields: { body: comment },
            publishAt: NOT_YET,
          })),
        ];
  try {
    await db.batch([
      db.insert(ratingNonces).values({ departmentId, period, nonce: spend.nonce }),
      db.insert(ratings).values({
        id: randomRowId(),
        departmentId,
        period,
        responsiveness: input.responsiveness,
        fairness: input.fairness,
        result: input.result,
      }),
      ...commentStatements,
      openCommentsStatement(db, departmentId, period, now),
    ]);
  } catch (e) {
    if (isUniqueViolation(e, 'rating_nonces')) throw new AppError('TOKEN_ALREADY_SPENT');
    throw e;
  }
}
