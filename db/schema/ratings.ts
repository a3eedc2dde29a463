import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { departments } from './organisation.js';
import { staff } from './staff.js';

/** The fixed criteria of a department rating, each scored 1–5. */
export const ratingCriteria = ['responsiveness', 'fairness', 'result'] as const;
export type RatingCriterion = (typeof ratingCriteria)[number];

/**
 * One Privacy Pass key per department and period (e.g. '2026-Q4'): the issuer signs blindly and cannot see
 * which challenge a token will carry, so only a key of its own makes a budget of one per department hold.
 * Created on the first token request; private key and ballot salt are erased when the period ends.
 */
export const ratingKeys = sqliteTable(
  'rating_keys',
  {
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    period: text().notNull(),
    // SHA-256 of the public key (RFC 9578 token_key_id), base64url
    keyId: text().notNull().unique(),
    publicKey: text().notNull(),
    // PKCS#8 sealed like the main issuer keys; '' once the period has ended
    privateKeySealed: text().notNull(),
    // random HMAC key for this department's ballots in this period; '' once the period has ended
    ballotSalt: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.period] })],
);

/** One row per worker who took a department's token in a period: HMAC(ballot salt, worker). */
export const ratingBallots = sqliteTable(
  'rating_ballots',
  {
    id: integer().primaryKey(),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    period: text().notNull(),
    keyHash: text().notNull(),
  },
  (t) => [uniqueIndex('rating_ballots_once_idx').on(t.departmentId, t.period, t.keyHash)],
);

/** Nonces of spent rating tokens (double-spend guard), apart from the ratings. Deleted at period end. */
export const ratingNonces = sqliteTable(
  'rating_nonces',
  {
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    period: text().notNull(),
    nonce: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.period, t.nonce] })],
);

/** One worker's scores for one department in one period. No time, token or pseudonym; random id. */
export const ratings = sqliteTable(
  'ratings',
  {
    id: integer().primaryKey(),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    period: text().notNull(),
    responsiveness: integer().notNull(),
    fairness: integer().notNull(),
    result: integer().notNull(),
  },
  (t) => [index('ratings_department_period_idx').on(t.departmentId, t.period)],
);

/**
 * A rating's optional comment, stored apart from its scores (nothing joins the two), with a random id.
 * Public only once its department has ≥ k ratings in the period.
 */
export const ratingComments = sqliteTable(
  'rating_comments',
  {
    id: integer().primaryKey(),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    period: text().notNull(),
    body: text().notNull(),
  },
  (t) => [index('rating_comments_department_period_idx').on(t.departmentId, t.period, t.id)],
);

/** A responder's public answer to a comment, under their name; one per comment. */
export const ratingReplies = sqliteTable('rating_replies', {
  id: integer().primaryKey({ autoIncrement: true }),
  commentId: integer()
    .notNull()
    .unique()
    .references(() => ratingComments.id),
  body: text().notNull(),
  staffId: integer()
    .notNull()
    .references(() => staff.id),
  createdAt: integer().notNull(),
});
