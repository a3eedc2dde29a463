import { type AnySQLiteColumn, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A forum thread. The id is random: the starter's thread pseudonym is derived from it before insert. */
export const forumThreads = sqliteTable(
  'forum_threads',
  {
    id: integer().primaryKey(),
    title: text().notNull(),
    body: text().notNull(),
    // threadPseudonym(receipt, id): repeats only where the author reuses this post's receipt in this thread
    pseudonym: text().notNull(),
    // HMAC of the author's receipt under the receipt pepper; the receipt itself is never stored
    receiptHash: text().notNull().unique(),
    // coarsened to CONTENT_TIME_GRANULARITY so it cannot be matched to a token issuance
    createdAt: integer().notNull(),
    publishAt: integer().notNull(),
  },
  (t) => [index('forum_threads_publish_idx').on(t.publishAt)],
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
    createdAt: integer().notNull(),
    publishAt: integer().notNull(),
  },
  (t) => [index('forum_replies_thread_idx').on(t.threadId, t.id)],
);
