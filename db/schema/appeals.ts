import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { categories, departments } from './organisation.js';

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

/** A worker's question, complaint or suggestion. Title and body are never updated after insert. */
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
  },
  (t) => [
    index('appeals_status_idx').on(t.status, t.publishAt),
    index('appeals_department_idx').on(t.departmentId),
  ],
);

export const appealEventKinds = [
  'submitted',
  'published',
  'assigned',
  'reassigned',
  'escalated',
  'answered',
  'withdrawn',
] as const;

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
    // JSON with the kind's fields (reason, answer, …)
    data: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    at: integer().notNull(),
  },
  (t) => [index('appeal_events_appeal_idx').on(t.appealId, t.id)],
);
