import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { departments } from './organisation.js';
import { staff } from './staff.js';

/**
 * An emerging concern found by clustering published appeals. Derived data: `analyse` rewrites every row
 * on each run, so nothing here is edited by hand.
 */
export const analyticsTopics = sqliteTable(
  'analytics_topics',
  {
    // the id of the topic's earliest appeal: stable across rebuilds, so alerts can refer to it
    key: integer().primaryKey(),
    // heaviest centroid terms, e.g. ["班车","早","发车"]
    label: text({ mode: 'json' }).notNull().$type<string[]>(),
    itemCount: integer().notNull(),
    // items left after pasted copies (SimHash within 3 bits) are counted once; the k ≥ 5 rule uses this
    distinctCount: integer().notNull(),
    // bureau day numbers (days since 1970-01-01 in UTC+8)
    firstDay: integer().notNull(),
    lastDay: integer().notNull(),
    // { day: count }
    perDay: text({ mode: 'json' }).notNull().$type<Record<string, number>>(),
    // { departmentId: count } of the departments its appeals were routed to
    departments: text({ mode: 'json' }).notNull().$type<Record<string, number>>(),
    categorySlug: text(),
    // mean lexicon sentiment of its items, −1 … +1
    sentiment: real().notNull(),
    cosigns: integer().notNull(),
    // members that are appeals (the ones a public page can link to)
    appealIds: text({ mode: 'json' }).notNull().$type<number[]>(),
    // members by source: { appeal, 'forum-thread', 'forum-reply', 'survey-comment' }
    sources: text({ mode: 'json' }).notNull().default('{}').$type<Record<string, number>>(),
    updatedAt: integer().notNull(),
  },
  (t) => [index('analytics_topics_last_day_idx').on(t.lastDay)],
);

export const alertGroupKinds = ['topic', 'category', 'department'] as const;
export type AlertGroupKind = (typeof alertGroupKinds)[number];
export const alertStatuses = ['open', 'assigned', 'closed'] as const;
export type AlertStatus = (typeof alertStatuses)[number];
export const alertResponseKinds = ['explainer', 'notice', 'meeting', 'answers', 'other'] as const;
export type AlertResponseKind = (typeof alertResponseKinds)[number];

/** A public-opinion alert (舆情信息提示): a group whose volume rose significantly above its baseline. */
export const analyticsAlerts = sqliteTable(
  'analytics_alerts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    groupKind: text({ enum: alertGroupKinds }).notNull(),
    // topic key, category slug or department id, as text
    groupKey: text().notNull(),
    label: text().notNull(),
    // first and latest bureau day of the rise; endDay moves on while the burst goes on
    startDay: integer().notNull(),
    endDay: integer().notNull(),
    // evidence of the latest test: counts in the window, the baseline's expectation, the exact test's p
    observed: integer().notNull(),
    distinctCount: integer().notNull(),
    expected: real().notNull(),
    growth: real().notNull(),
    pValue: real().notNull(),
    z: real().notNull(),
    sampleAppealIds: text({ mode: 'json' }).notNull().$type<number[]>(),
    departmentIds: text({ mode: 'json' }).notNull().$type<number[]>(),
    suggestedDepartmentId: integer().references(() => departments.id),
    status: text({ enum: alertStatuses }).notNull().default('open'),
    assignedDepartmentId: integer().references(() => departments.id),
    assignedBy: integer().references(() => staff.id),
    assignedAt: integer(),
    responseKind: text({ enum: alertResponseKinds }),
    responseNote: text(),
    // link to what answered it (an explainer, a notice)
    responseUrl: text(),
    closedBy: integer().references(() => staff.id),
    closedAt: integer(),
    createdAt: integer().notNull(),
    updatedAt: integer().notNull(),
  },
  (t) => [
    uniqueIndex('analytics_alerts_group_start_idx').on(t.groupKind, t.groupKey, t.startDay),
    index('analytics_alerts_status_idx').on(t.status, t.endDay),
  ],
);

export const dictionaryEntryKinds = ['term', 'stop-word'] as const;
export type DictionaryEntryKind = (typeof dictionaryEntryKinds)[number];

/**
 * Admins' additions to the analysis dictionary: domain terms the segmenter keeps whole (a new depot's
 * name, a new allowance) and stop words it drops. Read once per analysis run, over the built-in lexicons.
 */
export const analyticsDictionary = sqliteTable(
  'analytics_dictionary',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text({ enum: dictionaryEntryKinds }).notNull(),
    // NFKC-normalised and lower-cased, as the segmenter compares it
    term: text().notNull(),
    createdBy: integer().references(() => staff.id),
    createdAt: integer().notNull(),
  },
  (t) => [uniqueIndex('analytics_dictionary_kind_term_idx').on(t.kind, t.term)],
);
