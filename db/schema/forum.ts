import { type AnySQLiteColumn, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { departments } from './organisation.js';

/** A forum board (版块), created and renamed by admins; threads belong to one. */
export const forumBoards = sqliteTable('forum_boards', {
  id: integer().primaryKey({ autoIncrement: true }),
  slug: text().notNull().unique(),
  nameZh: text().notNull(),
  nameEn: text().notNull(),
  // order on the board list, smallest first
  position: integer().notNull().default(0),
  createdAt: integer().notNull(),
});

/** A forum thread. The id is random: the starter's thread pseudonym is derived from it before insert. */
export const forumThreads = sqliteTable(
  'forum_threads',
  {
    id: integer().primaryKey(),
    // null only for threads started before boards existed
    boardId: integer().references(() => forumBoards.id),
    title: text().notNull(),
    body: text().notNull(),
    // threadPseudonym(receipt, id): repeats only where the author reuses this post's receipt in this thread
    pseudonym: text().notNull(),
    // HMAC of the author's receipt under the receipt pepper; the receipt itself is never stored
    receiptHash: text().notNull().unique(),
    // coarsened to CONTENT_TIME_GRANULARITY so it cannot be matched to a token issuance
    createdAt: integer().notNull(),
    publishAt: integer().notNull(),
    // "agree" reactions: a count only, nothing about who or when
    agreeCount: integer().notNull().default(0),
  },
  (t) => [
    index('forum_threads_publish_idx').on(t.publishAt),
    index('forum_threads_board_idx').on(t.boardId, t.publishAt),
  ],
);

/** A reply; replies quote, they are never edited. */
export const forumReplies = sqliteTable(
  'forum_replies',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    threadId: integer()
      .notNull()
      .references(() => forumThreads.id),
    body: text().notNull(),
    pseudonym: text().notNull(),
    receiptHash: text().notNull().unique(),
    // true when the reply came with the thread's own receipt, i.e. from the thread starter
    byStarter: integer({ mode: 'boolean' }).notNull().default(false),
    quoteReplyId: integer().references((): AnySQLiteColumn => forumReplies.id),
    // set when staff wrote the reply under their department's name (the person is on the audit log)
    departmentId: integer().references(() => departments.id),
    createdAt: integer().notNull(),
    publishAt: integer().notNull(),
    agreeCount: integer().notNull().default(0),
  },
  (t) => [index('forum_replies_thread_idx').on(t.threadId, t.id)],
);
