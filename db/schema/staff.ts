import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { departments } from './organisation.js';

export const staffRoles = ['admin', 'moderator', 'dispatcher', 'responder', 'analyst'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Staff are named and accountable: the opposite of workers. */
export const staff = sqliteTable('staff', {
  id: integer().primaryKey({ autoIncrement: true }),
  username: text().notNull().unique(),
  displayName: text().notNull(),
  role: text({ enum: staffRoles }).notNull(),
  // scrypt PHC-style string; null for staff who only sign in through OIDC
  passwordHash: text(),
  // a seeded one-time password must be changed at first sign-in
  mustChangePassword: integer({ mode: 'boolean' }).notNull().default(true),
  // base32 TOTP secret, sealed; null until the second factor is enrolled
  totpSecretSealed: text(),
  // the `sub` claim of the company OIDC provider (STAFF_OIDC_ISSUER) this member signs in as; set by an admin
  oidcSubject: text().unique(),
  disabledAt: integer(),
  createdAt: integer().notNull(),
});

/** Which departments a responder answers for. */
export const staffDepartments = sqliteTable(
  'staff_departments',
  {
    staffId: integer()
      .notNull()
      .references(() => staff.id),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
  },
  (t) => [primaryKey({ columns: [t.staffId, t.departmentId] })],
);

/** Server side of a staff session: the cookie's token names a row; revoking the row ends the session. */
export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    // SHA-256 of the random session id carried in the token
    idHash: text().primaryKey(),
    staffId: integer()
      .notNull()
      .references(() => staff.id),
    createdAt: integer().notNull(),
    // idle expiry counts from here
    lastSeenAt: integer().notNull(),
    revokedAt: integer(),
  },
  (t) => [index('staff_sessions_staff_idx').on(t.staffId)],
);
