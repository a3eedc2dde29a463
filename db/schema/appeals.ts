import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { categories, departments } from './organisation.js';
import { staff } from './staff.js';

export const appealStatuses = [
  'submitted',
  'published',
  'assigned',
  'answered',
  'closed',
  'reopened',
  'withdrawn',
] as const;
export type AppealStatus = (typeof appealStatuses)[number];

/**
 * A worker's question, complaint or suggestion. Title and body are never updated after insert (a trigger
 * in the `search` migration refuses it). Times written by the author are coarse; times of staff actions
 * are exact, because staff are accountable and their clock is part of the public record.
 */
export const appeals = sqliteTable(
  'appeals',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    title: text().notNull(),
    body: text().notNull(),
    categoryId: integer()
      .notNull()
      .references(() => categories.id),
    // the department the worker asked for, if any
    requestedDepartmentId: integer().references(() => departments.id),
    // the department currently responsible
    departmentId: integer().references(() => departments.id),
    status: text({ enum: appealStatuses }).notNull(),
    // display name for this post only, e.g. 职工·7F3A; shares nothing with any other post
    pseudonym: text().notNull(),
    // HMAC of the author's receipt under the receipt pepper; the receipt itself is never stored
    receiptHash: text().notNull().unique(),
    // coarsened to CONTENT_TIME_GRANULARITY so it cannot be matched to a token issuance
    createdAt: integer().notNull(),
    // not shown before this time (random publication delay), same granularity
    publishAt: integer().notNull(),
    cosignCount: integer().notNull().default(0),
    // 1 for the first handling; an unsatisfied verdict opens round 2 (once)
    round: integer().notNull().default(1),
    // exclusive end of the working day by which the responsible department must answer this round
    answerDueAt: integer(),
    // set when a first-answer deadline of this round passed unanswered; public, cleared by an answer
    overdueSince: integer(),
    // since when the appeal waits for an answer (publication or reopening); null once answered or ended
    waitingSince: integer(),
    // first answer ever, for the public median time to first answer
    firstAnsweredAt: integer(),
    // when the last open commitment got its outcome (or an answer made none); auto-close counts from here
    outcomeAt: integer(),
    closedAt: integer(),
  },
  (t) => [
    index('appeals_status_idx').on(t.status, t.publishAt),
    // a filtered list sorted newest or most co-signed reads its 20 rows straight off one of these
    index('appeals_department_idx').on(t.departmentId, t.publishAt),
    index('appeals_department_cosign_idx').on(t.departmentId, t.cosignCount),
    index('appeals_category_idx').on(t.categoryId, t.publishAt),
    index('appeals_category_cosign_idx').on(t.categoryId, t.cosignCount),
    index('appeals_due_idx').on(t.answerDueAt),
    index('appeals_created_idx').on(t.createdAt),
    // the public list walks these in sort order and stops after a page, instead of sorting every appeal
    index('appeals_publish_idx').on(t.publishAt),
    index('appeals_cosign_idx').on(t.cosignCount),
  ],
);

export const appealEventKinds = [
  'submitted',
  'published',
  'assigned',
  'reassigned',
  'escalated',
  'deadline_missed',
  'answered',
  'commitment_outcome',
  'commitment_overdue',
  'author_added',
  'verdict',
  'reopened',
  'closed',
  'withdrawn',
] as const;
export type AppealEventKind = (typeof appealEventKinds)[number];

/** The public timeline of an appeal. Staff events name a role and a department, never a worker. */
export const appealEvents = sqliteTable(
  'appeal_events',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    appealId: integer()
      .notNull()
      .references(() => appeals.id),
    kind: text({ enum: appealEventKinds }).notNull(),
    departmentId: integer().references(() => departments.id),
    actorRole: text(),
    // who acted, for the staff audit trail; never shown on the public timeline
    actorStaffId: integer().references(() => staff.id),
    // JSON with the kind's fields (reason, answer, …)
    data: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    at: integer().notNull(),
  },
  (t) => [index('appeal_events_appeal_idx').on(t.appealId, t.id)],
);

export const answerKinds = ['solvable', 'not_yet_solvable', 'outside_policy'] as const;
export type AnswerKind = (typeof answerKinds)[number];

/** The kind-specific fields of an answer; which are present is fixed by the kind. */
export type AnswerContent =
  | { kind: 'solvable'; measures: string; ownerDepartmentId: number; dueDate: string }
  | { kind: 'not_yet_solvable'; reason: string; investigation: string; nextUpdate: string }
  | { kind: 'outside_policy'; explanation: string; policyUrl?: string };

/** Public answers; append-only (a trigger refuses updates), signed with department and role. */
export const appealAnswers = sqliteTable(
  'appeal_answers',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    appealId: integer()
      .notNull()
      .references(() => appeals.id),
    round: integer().notNull(),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    responderRole: text().notNull(),
    // accountability inside the staff audit trail; the public sees department and role only
    staffId: integer().references(() => staff.id),
    kind: text({ enum: answerKinds }).notNull(),
    content: text({ mode: 'json' }).$type<AnswerContent>().notNull(),
    at: integer().notNull(),
  },
  (t) => [index('appeal_answers_appeal_idx').on(t.appealId)],
);

export const commitmentKinds = ['due', 'next_update'] as const;
export const commitmentOutcomes = ['kept', 'partly_kept', 'not_kept'] as const;
export type CommitmentOutcome = (typeof commitmentOutcomes)[number];

/** A date promised in an answer. Overdue while the date has passed and no outcome is posted. */
export const commitments = sqliteTable(
  'commitments',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    appealId: integer()
      .notNull()
      .references(() => appeals.id),
    answerId: integer()
      .notNull()
      .references(() => appealAnswers.id),
    // the department that owns the promise
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    kind: text({ enum: commitmentKinds }).notNull(),
    // the promised calendar day (China time), as written in the answer
    dueDate: text().notNull(),
    // exclusive end of that day in ms: overdue from this instant
    dueAt: integer().notNull(),
    outcome: text({ enum: commitmentOutcomes }),
    outcomeText: text(),
    outcomeAt: integer(),
    outcomeStaffId: integer().references(() => staff.id),
  },
  (t) => [
    // outcome and date too: a list page's "promise overdue?" check is then answered from this index alone
    index('commitments_appeal_idx').on(t.appealId, t.outcome, t.dueAt),
    index('commitments_open_idx').on(t.outcome, t.dueAt),
  ],
);

export const verdicts = ['satisfied', 'partly_satisfied', 'unsatisfied'] as const;
export type Verdict = (typeof verdicts)[number];

/** The author's verdict on a round's answer; one per round. Times are coarse (author action). */
export const appealVerdicts = sqliteTable(
  'appeal_verdicts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    appealId: integer()
      .notNull()
      .references(() => appeals.id),
    round: integer().notNull(),
    // the department whose answer was judged; the verdict counts for or against it
    departmentId: integer().references(() => departments.id),
    verdict: text({ enum: verdicts }).notNull(),
    reason: text(),
    at: integer().notNull(),
  },
  (t) => [uniqueIndex('appeal_verdicts_round_idx').on(t.appealId, t.round)],
);

/**
 * Every missed deadline, counted against the department that missed it even after escalation moves the
 * appeal. `ref` is unique, which makes recording a miss (and everything batched with it) idempotent.
 */
export const deadlineMisses = sqliteTable(
  'deadline_misses',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    // 'answer:<appeal>:<dueAt>' or 'commitment:<id>'
    ref: text().notNull().unique(),
    appealId: integer()
      .notNull()
      .references(() => appeals.id),
    departmentId: integer().references(() => departments.id),
    kind: text({ enum: ['first_answer', 'commitment'] }).notNull(),
    dueAt: integer().notNull(),
    at: integer().notNull(),
  },
  (t) => [index('deadline_misses_department_idx').on(t.departmentId)],
);
