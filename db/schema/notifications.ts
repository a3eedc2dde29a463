import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { analyticsAlerts } from './analytics.js';
import { appeals } from './appeals.js';
import { departments } from './organisation.js';

export const notificationKinds = [
  'assigned',
  'unrouted',
  'deadline_approaching',
  'deadline_passed',
  'escalated',
  'reopened',
  'commitment_due',
  'commitment_overdue',
  'alert_raised',
  'alert_assigned',
  'weekly_digest',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** What a weekly digest says: alert counts of the ISO week and its largest topics (each ≥ 5 items). */
export interface DigestSummary {
  week: string;
  newAlerts: number;
  openAlerts: number;
  closedAlerts: number;
  topics: { label: string; items: number }[];
}

/**
 * The staff inbox: one row per event per department (null: for dispatchers, e.g. an unrouted appeal, or
 * for analysts, e.g. a new alert). Each row is about one appeal or one alert; a weekly digest is about
 * neither and carries its summary.
 */
export const staffNotifications = sqliteTable(
  'staff_notifications',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    departmentId: integer().references(() => departments.id),
    appealId: integer().references(() => appeals.id),
    alertId: integer().references(() => analyticsAlerts.id),
    kind: text({ enum: notificationKinds }).notNull(),
    digest: text({ mode: 'json' }).$type<DigestSummary>(),
    // unique: the deadline run may repeat and must not notify twice
    dedupeKey: text().notNull().unique(),
    at: integer().notNull(),
    readAt: integer(),
  },
  (t) => [
    index('staff_notifications_department_idx').on(t.departmentId, t.at),
    check(
      'staff_notifications_subject_check',
      // unqualified names: drizzle-kit would qualify them with the temporary table of its rebuild
      sql`("appeal_id" IS NOT NULL) + ("alert_id" IS NOT NULL) + ("digest" IS NOT NULL) = 1`,
    ),
  ],
);

// 'email': target is a staff address, sent over SMTP where the entry provides a mailer
export const webhookFormats = ['wecom', 'dingtalk', 'email'] as const;
export type WebhookFormat = (typeof webhookFormats)[number];

/** Group-robot webhooks (企业微信, 钉钉) and email addresses that receive a department's notifications. */
export const webhooks = sqliteTable('webhooks', {
  id: integer().primaryKey({ autoIncrement: true }),
  // null: every department's notifications
  departmentId: integer().references(() => departments.id),
  format: text({ enum: webhookFormats }).notNull(),
  // the robot URL carries its access key (?key=, ?access_token=), so it is sealed like other secrets
  urlSealed: text().notNull(),
  // only the host, to show in listings
  host: text().notNull(),
  // DingTalk "加签" secret, sealed; requests are then signed with HMAC-SHA256 over timestamp and secret
  secretSealed: text(),
  createdAt: integer().notNull(),
  disabledAt: integer(),
});

/** One row per notification per webhook: the outbox, so delivery can be retried and never repeats. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    notificationId: integer()
      .notNull()
      .references(() => staffNotifications.id),
    webhookId: integer()
      .notNull()
      .references(() => webhooks.id),
    attempts: integer().notNull().default(0),
    sentAt: integer(),
    lastAttemptAt: integer(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.webhookId] })],
);
