import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './staff.js';

/** Admin-controlled settings, one JSON value per key; defaults live in code (settings.service.ts). */
export const adminSettings = sqliteTable('admin_settings', {
  key: text().primaryKey(),
  value: text({ mode: 'json' }).notNull(),
  updatedAt: integer().notNull(),
});

/** The last TOTP time step each staff member used: a code is accepted once, never replayed. */
export const staffTotpSteps = sqliteTable('staff_totp_steps', {
  staffId: integer()
    .primaryKey()
    .references(() => staff.id),
  lastStep: integer().notNull(),
});
