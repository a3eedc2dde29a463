import { and, asc, desc, eq, gt, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { forumReplies, forumThreads } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { containsPattern, decodeCursor, pageOf } from '../../platform/http/pagination.js';
import { publishedThread } from './forum.service.js';

const iso = (ms: number) => new Date(ms).toISOString();
const QUOTE_CHARS = 140;

// spelled out: in a one-table query drizzle leaves columns unqualified, and a bare "id" inside the
// subquery would mean the reply's id
function replyCount(now: number) {
  return sql<number>`(SELECT count(*) FROM forum_replies r WHERE r.thread_id = forum_threads.id
    AND r.publish_at <= ${now})`;
}

/**
 * Published threads, newest first. `q` is a plain substring match (LIKE) over titles, bodies and replies:
 * it finds Chinese words of any length, but is unranked and scans; fine at forum sizes, not beyond.
 */
export async function listThreads(
  db: Db,
  query: { q?: string; cursor?: string; limit: number },
  now: number,
) {
  const conditions: (SQL | undefined)[] = [lte(forumThreads.publishAt, now)];
  if (query.q) {
    const like = containsPattern(query.q);
    conditions.push(
      or(
        sql`${forumThreads.title} LIKE ${like} ESCAPE '\\'`,
        sql`${forumThreads.body} LIKE ${like} ESCAPE '\\'`,
        sql`EXISTS (SELECT 1 FROM forum_replies r WHERE r.thread_id = forum_threads.id
          AND r.publish_at <= ${now} AND r.body LIKE ${like} ESCAPE '\\')`,
      ),
    );
  }
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [number, number];
    conditions.push(
      or(lt(forumThreads.publishAt, at), and(eq(forumThreads.publishAt, at), lt(forumThreads.id, id))),
    );
  }
  const rows = await db
    .select({
      id: forumThreads.id,
      title: forumThreads.title,
      body: forumThreads.body,
      pseudonym: forumThreads.pseudonym,
      createdAt: forumThreads.createdAt,
      publishAt: forumThreads.publishAt,
      replyCount: replyCount(now),
    })
    .from(forumThreads)
    .where(and(...conditions))
    .orderBy(desc(forumThreads.publishAt), desc(forumThreads.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.publishAt, r.id]);
  return {
    ...page,
    items: page.items.map(({ publishAt: _p, ...r }) => ({ ...r, createdAt: iso(r.createdAt) })),
  };
}

export async function getThread(db: Db, id: number, now: number) {
  const thread = await publishedThread(db, id, now);
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)` })
    .from(forumReplies)
    .where(and(eq(forumReplies.threadId, id), lte(forumReplies.publishAt, now)));
  return {
    id: thread.id,
    title: thread.title,
    body: thread.body,
    pseudonym: thread.pseudonym,
    createdAt: iso(thread.createdAt),
    replyCount: n,
  };
}

/** Replies in order of writing, each with the start of the reply it quotes. */
export async function listReplies(
  db: Db,
  threadId: number,
  query: { cursor?: string; limit: number },
  now: number,
) {
  await publishedThread(db, threadId, now);
  const quoted = alias(forumReplies, 'quoted');
  const after = query.cursor ? (decodeCursor(query.cursor, 1)[0] as number) : 0;
  const rows = await db
    .select({ reply: forumReplies, quote: { id: quoted.id, pseudonym: quoted.pseudonym, body: quoted.body } })
    .from(forumReplies)
    .leftJoin(quoted, eq(quoted.id, forumReplies.quoteReplyId))
    .where(
      and(eq(forumReplies.threadId, threadId), lte(forumReplies.publishAt, now), gt(forumReplies.id, after)),
    )
    .orderBy(asc(forumReplies.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.reply.id]);
  return {
    ...page,
    items: page.items.map(({ reply, quote }) => ({
      id: reply.id,
      threadId: reply.threadId,
      body: reply.body,
      pseudonym: reply.pseudonym,
      byStarter: reply.byStarter,
      quote: quote?.id
        ? { id: quote.id, pseudonym: quote.pseudonym!, body: quote.body!.slice(0, QUOTE_CHARS) }
        : null,
      createdAt: iso(reply.createdAt),
    })),
  };
}
