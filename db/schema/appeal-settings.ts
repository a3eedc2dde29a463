import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { categories, departments } from './organisation.js';

/**
 * Routing: a category (and, optionally, any of some keywords in the text) sends an appeal to a department.
 * Keyword rules win over plain ones; then higher priority; then the category's default department.
 */
export const routingRules = sqliteTable(
  'routing_rules',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    categoryId: integer()
      .notNull()
      .references(() => categories.id),
    // JSON array of words, any of which in the title or body makes the rule match; null matches all
    keywords: text({ mode: 'json' }).$type<string[]>(),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    priority: integer().notNull().default(0),
    createdAt: integer().notNull(),
  },
  (t) => [index('routing_rules_category_idx').on(t.categoryId)],
);

export const calendarDayKinds = ['off', 'work'] as const;

/**
 * Exceptions to the Monday–Friday week in China: public holidays ('off') and the weekend days worked in
 * exchange (调休, 'work'). Admins maintain it from the State Council's yearly notice.
 */
export const calendarDays = sqliteTable('calendar_days', {
  // YYYY-MM-DD in China Standard Time
  date: text().primaryKey(),
  kind: text({ enum: calendarDayKinds }).notNull(),
  name: text().notNull(),
});

/** Views counted per page per hour: a number, with no cookie, address or visitor behind it. */
export const pageViews = sqliteTable(
  'page_views',
  {
    // e.g. 'appeal:12', 'appeals', 'stats'
    page: text().notNull(),
    // start of the hour (ms)
    hour: integer().notNull(),
    // set for appeal pages, so views can be counted per department
    appealId: integer(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.page, t.hour] }), index('page_views_hour_idx').on(t.hour)],
);
