import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { appeals } from './appeals.js';
import { departments } from './organisation.js';
import { staff } from './staff.js';

export interface NoticeAttachment {
  title: string;
  url: string;
}

/** A published decision or measure (政务公开). Never edited: a correction is a new notice. */
export const notices = sqliteTable(
  'notices',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    title: text().notNull(),
    body: text().notNull(),
    departmentId: integer()
      .notNull()
      .references(() => departments.id),
    // the date of the decision as the department states it (YYYY-MM-DD), not the publication time
    decidedOn: text().notNull(),
    attachments: text({ mode: 'json' }).notNull().$type<NoticeAttachment[]>(),
    publishedBy: integer()
      .notNull()
      .references(() => staff.id),
    publishedAt: integer().notNull(),
  },
  (t) => [index('notices_department_idx').on(t.departmentId, t.publishedAt)],
);

/** "This notice answers appeal #…": shown on the notice and offered to the appeal's timeline. */
export const noticeAppeals = sqliteTable(
  'notice_appeals',
  {
    noticeId: integer()
      .notNull()
      .references(() => notices.id),
    appealId: integer()
      .notNull()
      .references(() => appeals.id),
  },
  (t) => [
    primaryKey({ columns: [t.noticeId, t.appealId] }),
    index('notice_appeals_appeal_idx').on(t.appealId),
  ],
);
