import { type AnySQLiteColumn, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const departments = sqliteTable('departments', {
  id: integer().primaryKey({ autoIncrement: true }),
  // stable short name used in URLs, routing rules and seeds
  slug: text().notNull().unique(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  // escalation goes to the parent; null for the bureau itself
  parentId: integer().references((): AnySQLiteColumn => departments.id),
});

export const categories = sqliteTable('categories', {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  // working days the responsible department has for a first answer
  answerDays: integer().notNull().default(5),
  // where an appeal of this category goes when the worker names no department
  defaultDepartmentId: integer().references(() => departments.id),
});
