import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const staffRoles = ['admin', 'moderator', 'dispatcher', 'responder', 'analyst'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staff = sqliteTable('staff', {
  id: integer().primaryKey({ autoIncrement: true }),
  username: text().notNull().unique(),
  displayName: text().notNull(),
  role: text({ enum: staffRoles }).notNull(),
  // scrypt/argon2 PHC string; null for staff who only sign in through OIDC
  passwordHash: text(),
  // a seeded one-time password must be changed at first sign-in
  mustChangePassword: integer({ mode: 'boolean' }).notNull().default(true),
  createdAt: integer().notNull(),
});
