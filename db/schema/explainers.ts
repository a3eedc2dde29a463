import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { appeals } from './appeals.js';
import { departments } from './organisation.js';
import { staff } from './staff.js';

/**
 * A policy explainer (政策解读). The row holds the current version's text for lists and search; every
 * version, the first included, is kept in `explainer_versions` and shown to all.
 */
export const explainers = sqliteTable(
  'explainers',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    // the department that owns the explainer: it answers the questions asked under it
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    categoryIds: text({ mode: 'json' }).notNull().$type<number[]>(),
    title: text().notNull(),
    summary: text().notNull(),
    body: text().notNull(),
    // the date the policy takes effect (YYYY-MM-DD), as the department states it
    effectiveOn: text().notNull(),
    version: integer().notNull(),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [index('explainers_department_idx').on(t.departmentId, t.updatedAt)],
);

/** One version of an explainer, never changed: an edit adds the next version. */
export const explainerVersions = sqliteTable(
  'explainer_versions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    explainerId: integer()
      .notNull()
      .references(() => explainers.id),
    version: integer().notNull(),
    title: text().notNull(),
    summary: text().notNull(),
    body: text().notNull(),
    effectiveOn: text().notNull(),
    categoryIds: text({ mode: 'json' }).notNull().$type<number[]>(),
    // what changed, in the editor's words (empty for the first version)
    note: text().notNull(),
    editedBy: integer()
      .notNull()
      .references(() => staff.id),
    createdAt: integer().notNull(),
  },
  (t) => [uniqueIndex('explainer_versions_number_idx').on(t.explainerId, t.version)],
);

/** A worker's question under an explainer: an appeal routed to the explainer's department. */
export const explainerQuestions = sqliteTable(
  'explainer_questions',
  {
    explainerId: integer()
      .notNull()
      .references(() => explainers.id),
    appealId: integer()
      .notNull()
      .references(() => appeals.id),
  },
  (t) => [
    primaryKey({ columns: [t.explainerId, t.appealId] }),
    index('explainer_questions_appeal_idx').on(t.appealId),
  ],
);

/** 现实热点面对面: the explainer answers these appeals; shown on both sides. */
export const explainerAnswers = sqliteTable(
  'explainer_answers',
  {
    explainerId: integer()
      .notNull()
      .references(() => explainers.id),
    appealId: integer()
      .notNull()
      .references(() => appeals.id),
  },
  (t) => [
    primaryKey({ columns: [t.explainerId, t.appealId] }),
    index('explainer_answers_appeal_idx').on(t.appealId),
  ],
);
