import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { departments } from './organisation.js';
import { staff } from './staff.js';

export const surveyQuestionKinds = ['single', 'multiple', 'scale', 'text'] as const;
export type SurveyQuestionKind = (typeof surveyQuestionKinds)[number];

/** One question; choice and scale questions are required, text questions optional. */
export interface SurveyQuestion {
  kind: SurveyQuestionKind;
  prompt: string;
  /** choices of `single` and `multiple` */
  options?: string[];
  /** inclusive bounds of `scale` */
  min?: number;
  max?: number;
}

/** A survey built by staff. Questions, times and threshold are frozen once it is published. */
export const surveys = sqliteTable(
  'surveys',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    title: text().notNull(),
    description: text().notNull().default(''),
    // the department whose workers are asked; null for everyone. Advisory: a token proves eligibility, not department
    departmentId: integer().references(() => departments.id),
    questions: text({ mode: 'json' }).notNull().$type<SurveyQuestion[]>(),
    opensAt: integer().notNull(),
    closesAt: integer().notNull(),
    // results visible while open (refreshed only every k responses) instead of after close
    liveResults: integer({ mode: 'boolean' }).notNull().default(false),
    // smallest group any displayed aggregate may describe; ≥ 5, unchangeable after publication
    kThreshold: integer().notNull().default(5),
    createdBy: integer()
      .notNull()
      .references(() => staff.id),
    createdAt: integer().notNull(),
    publishedBy: integer().references(() => staff.id),
    publishedAt: integer(),
    // set when staff close a survey before its closing time
    closedBy: integer().references(() => staff.id),
  },
  (t) => [index('surveys_published_idx').on(t.publishedAt, t.closesAt)],
);

/**
 * Each published survey's own Privacy Pass key: a token for one survey is worthless for any other, and the
 * per-survey budget can allow exactly one. Private key and ballot salt are erased when the survey closes.
 */
export const surveyKeys = sqliteTable('survey_keys', {
  surveyId: integer()
    .primaryKey()
    .references(() => surveys.id),
  // SHA-256 of the public key (RFC 9578 token_key_id), base64url
  keyId: text().notNull().unique(),
  publicKey: text().notNull(),
  // PKCS#8 sealed like the main issuer keys; '' once the survey is closed
  privateKeySealed: text().notNull(),
  // random HMAC key for this survey's ballots; '' once closed, so ballots can no longer be recomputed
  ballotSalt: text().notNull(),
  createdAt: integer().notNull(),
});

/**
 * One row per worker who received this survey's token: HMAC(ballot salt, worker). The id is random, so the
 * table's storage order says nothing about the order of issuance. Deleted at close.
 */
export const surveyBallots = sqliteTable(
  'survey_ballots',
  {
    id: integer().primaryKey(),
    surveyId: integer()
      .notNull()
      .references(() => surveys.id),
    keyHash: text().notNull(),
  },
  (t) => [uniqueIndex('survey_ballots_once_idx').on(t.surveyId, t.keyHash)],
);

/** Nonces of spent survey tokens (double-spend guard), apart from the answers. Deleted at close. */
export const surveyNonces = sqliteTable(
  'survey_nonces',
  {
    surveyId: integer()
      .notNull()
      .references(() => surveys.id),
    nonce: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.nonce] })],
);

/**
 * One worker's answers. No time, no token, no pseudonym; the id is random so storage order does not
 * follow the order of answering.
 */
export const surveyResponses = sqliteTable(
  'survey_responses',
  {
    id: integer().primaryKey(),
    surveyId: integer()
      .notNull()
      .references(() => surveys.id),
    // the department the worker says they belong to, if they chose to say; only used in k-protected breakdowns
    departmentId: integer().references(() => departments.id),
    // answers[i] belongs to questions[i]: option index, option indexes, scale value, text or null
    answers: text({ mode: 'json' }).notNull().$type<SurveyAnswer[]>(),
  },
  (t) => [index('survey_responses_survey_idx').on(t.surveyId)],
);

export type SurveyAnswer = number | number[] | string | null;

/** Live results are recomputed only after k more responses, so two readings never differ by one person. */
export const surveySnapshots = sqliteTable('survey_snapshots', {
  surveyId: integer()
    .primaryKey()
    .references(() => surveys.id),
  responseCount: integer().notNull(),
  results: text({ mode: 'json' }).notNull().$type<unknown>(),
});
