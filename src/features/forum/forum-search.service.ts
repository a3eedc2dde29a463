import { type SQL, sql } from 'drizzle-orm';
import { forumReplies, forumThreads } from '../../../db/schema/index.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { bigrams, matchAll, normaliseForSearch, type SearchTerms } from '../appeals/search-index.js';

// title matches weigh four times body matches in bm25 (weights: thread_id, title, body)
const WEIGHTS = sql`0.0, 4.0, 1.0`;

/** A thread's row is keyed by its id, a reply's by minus its id, so both share one index without clashing. */
const replyDoc = (replyId: number | SQL) => sql`-(${replyId})`;

/**
 * The statements that index one forum text, for the batch that inserts it so the index never lags.
 * `doc` is the thread id for a thread, or `replyDoc(replyId)`; either may be SQL from the same batch.
 */
function docStatements(db: Db, doc: number | SQL, threadId: number, title: string, body: string) {
  return [
    db.run(
      sql`INSERT INTO forum_search_trigram (rowid, thread_id, title, body) VALUES (${doc}, ${threadId}, ${normaliseForSearch(title)}, ${normaliseForSearch(body)})`,
    ),
    db.run(
      sql`INSERT INTO forum_search_bigram (rowid, thread_id, title, body) VALUES (${doc}, ${threadId}, ${bigrams(title)}, ${bigrams(body)})`,
    ),
  ];
}

export const threadIndexStatements = (db: Db, threadId: number, title: string, body: string) =>
  docStatements(db, threadId, threadId, title, body);

/** For a reply inserted earlier in the same batch (replies' ids only grow: AUTOINCREMENT). */
export const newReplyIndexStatements = (db: Db, threadId: number, body: string): BatchItem[] =>
  docStatements(db, replyDoc(sql`(SELECT max(id) FROM forum_replies)`), threadId, '', body);

/**
 * Indexes posts that were stored without the app's indexing (the demo seed, posts older than the index).
 * Idempotent; returns how many texts it added.
 */
export async function indexUnindexedForumPosts(db: Db): Promise<number> {
  const threads = await db
    .select({ id: forumThreads.id, title: forumThreads.title, body: forumThreads.body })
    .from(forumThreads)
    .where(sql`${forumThreads.id} NOT IN (SELECT rowid FROM forum_search_trigram)`);
  const replies = await db
    .select({ id: forumReplies.id, threadId: forumReplies.threadId, body: forumReplies.body })
    .from(forumReplies)
    .where(sql`-${forumReplies.id} NOT IN (SELECT rowid FROM forum_search_trigram)`);
  const statements = [
    ...threads.flatMap((t) => docStatements(db, t.id, t.id, t.title, t.body)),
    ...replies.flatMap((r) => docStatements(db, replyDoc(r.id), r.threadId, '', r.body)),
  ];
  if (statements.length) await db.batch(statements as unknown as Parameters<Db['batch']>[0]);
  return threads.length + replies.length;
}

function hits(table: 'forum_search_trigram' | 'forum_search_bigram', terms: string[]) {
  const t = sql.raw(table);
  return sql`SELECT rowid AS doc, thread_id, bm25(${t}, ${WEIGHTS}) AS score FROM ${t} WHERE ${t} MATCH ${matchAll(terms)}`;
}

/**
 * Published threads whose title, body or one published reply contains every term, best first: each
 * thread scores by its best-matching text (bm25 of both tables summed, lower is better); ties go to the
 * newer thread. Returns one more id than asked when there is a next page.
 */
export async function rankedThreadIds(
  db: Db,
  terms: SearchTerms,
  filter: { boardId?: number; now: number },
  page: { offset: number; limit: number },
): Promise<number[]> {
  const ctes: SQL[] = [];
  const sources: string[] = [];
  // MATERIALIZED: inlined, the second table's MATCH would re-run once per hit of the first
  if (terms.long.length) {
    ctes.push(sql`tri AS MATERIALIZED (${hits('forum_search_trigram', terms.long)})`);
    sources.push('tri');
  }
  if (terms.short.length) {
    ctes.push(sql`bi AS MATERIALIZED (${hits('forum_search_bigram', terms.short)})`);
    sources.push('bi');
  }
  const [first, second] = sources;
  const score = second ? sql.raw(`${first}.score + ${second}.score`) : sql.raw(`${first}.score`);
  const join = second ? sql.raw(`JOIN ${second} ON ${second}.doc = ${first}.doc`) : sql``;
  const doc = sql.raw(`${first}.doc`);
  const rows = await db.all<{ id: number }>(
    sql`WITH ${sql.join(ctes, sql`, `)}
      SELECT t.id AS id, min(${score}) AS score
      FROM ${sql.raw(first!)} ${join}
      JOIN forum_threads t ON t.id = ${sql.raw(first!)}.thread_id
      LEFT JOIN forum_replies r ON ${doc} < 0 AND r.id = -${doc}
      WHERE t.publish_at <= ${filter.now}
        AND (${doc} > 0 OR r.publish_at <= ${filter.now})
        ${filter.boardId === undefined ? sql`` : sql`AND t.board_id = ${filter.boardId}`}
      GROUP BY t.id
      ORDER BY score ASC, t.id DESC
      LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  return rows.map((r) => Number(r.id));
}
