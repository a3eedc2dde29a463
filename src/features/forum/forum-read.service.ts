import { and, asc, desc, eq, gt, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { departments, forumReplies, forumThreads } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { decodeCursor, encodeCursor, pageOf } from '../../platform/http/pagination.js';
import { searchTerms } from '../appeals/search-index.js';
import { hiddenNotices, type ModerationNotice } from '../moderation/index.js';
import { publishedThread } from './forum.service.js';
import { rankedThreadIds } from './forum-search.service.js';

const iso = (ms: number) => new Date(ms).toISOString();
const QUOTE_CHARS = 140;

// spelled out: in a one-table query drizzle leaves columns unqualified, and a bare "id" inside the
// subquery would mean the reply's id
function replyCount(now: number) {
  return sql<number>`(SELECT count(*) FROM forum_replies r WHERE r.thread_id = forum_threads.id
    AND r.publish_at <= ${now})`;
}

const threadColumns = (now: number) => ({
  id: forumThreads.id,
  boardId: forumThreads.boardId,
  title: forumThreads.title,
  body: forumThreads.body,
  pseudonym: forumThreads.pseudonym,
  agreeCount: forumThreads.agreeCount,
  createdAt: forumThreads.createdAt,
  publishAt: forumThreads.publishAt,
  replyCount: replyCount(now),
});

type ThreadRow = Awaited<ReturnType<ReturnType<typeof selectThreads>['where']>>[number];
const selectThreads = (db: Db, now: number) => db.select(threadColumns(now)).from(forumThreads);
const threadView = ({ publishAt: _p, ...r }: ThreadRow) => ({ ...r, createdAt: iso(r.createdAt) });

/** Threads as the public sees them: a hidden one keeps its place, its title and body become the tombstone. */
async function moderatedThreads<T extends { id: number; title: string; body: string }>(db: Db, threads: T[]) {
  const hidden = await hiddenNotices(
    db,
    'forum_thread',
    threads.map((t) => t.id),
  );
  return threads.map((t): T & { moderation?: ModerationNotice } => {
    const moderation = hidden.get(t.id);
    if (!moderation) return t;
    const tombstone = moderation.tombstone.zh;
    return { ...t, title: tombstone, body: tombstone, moderation };
  });
}

// the notice rides along with a hidden item, so readers (the forum pages) need not look it up again
const noticeOf = (moderation: ModerationNotice | undefined) => (moderation ? { moderation } : {});

/**
 * Ranked search: published threads whose title, body or a reply holds every term, best first (full-text
 * index, like the appeals'); the cursor is an offset. A query without a usable term finds nothing.
 */
async function searchThreads(
  db: Db,
  query: { q: string; boardId?: number; cursor?: string; limit: number },
  now: number,
) {
  const terms = searchTerms(query.q);
  if (terms.long.length + terms.short.length === 0) return { items: [], nextCursor: null };
  const [offset = 0] = query.cursor ? decodeCursor(query.cursor, 1) : [];
  const ids = await rankedThreadIds(
    db,
    terms,
    { boardId: query.boardId, now },
    { offset, limit: query.limit + 1 },
  );
  const page = ids.slice(0, query.limit);
  const rows = page.length ? await selectThreads(db, now).where(inArray(forumThreads.id, page)) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    items: await moderatedThreads(
      db,
      page.flatMap((id) => (byId.has(id) ? [threadView(byId.get(id)!)] : [])),
    ),
    nextCursor: ids.length > query.limit ? encodeCursor([offset + query.limit]) : null,
  };
}

/** Published threads, newest first, of one board or all; with `q`, ranked by relevance instead. */
export async function listThreads(
  db: Db,
  query: { q?: string; boardId?: number; cursor?: string; limit: number },
  now: number,
) {
  if (query.q) return searchThreads(db, { ...query, q: query.q }, now);
  const conditions: (SQL | undefined)[] = [
    lte(forumThreads.publishAt, now),
    query.boardId === undefined ? undefined : eq(forumThreads.boardId, query.boardId),
  ];
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2) as [number, number];
    conditions.push(
      or(lt(forumThreads.publishAt, at), and(eq(forumThreads.publishAt, at), lt(forumThreads.id, id))),
    );
  }
  const rows = await selectThreads(db, now)
    .where(and(...conditions))
    .orderBy(desc(forumThreads.publishAt), desc(forumThreads.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.publishAt, r.id]);
  return { ...page, items: await moderatedThreads(db, page.items.map(threadView)) };
}

export async function getThread(db: Db, id: number, now: number) {
  const thread = await publishedThread(db, id, now);
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)` })
    .from(forumReplies)
    .where(and(eq(forumReplies.threadId, id), lte(forumReplies.publishAt, now)));
  const [view] = await moderatedThreads(db, [thread]);
  return {
    id: thread.id,
    title: view!.title,
    body: view!.body,
    pseudonym: thread.pseudonym,
    boardId: thread.boardId,
    agreeCount: thread.agreeCount,
    createdAt: iso(thread.createdAt),
    replyCount: n,
    ...noticeOf(view!.moderation),
  };
}

const quoted = alias(forumReplies, 'quoted');
const selectReplies = (db: Db, where: SQL | undefined) =>
  db
    .select({
      reply: forumReplies,
      quote: { id: quoted.id, pseudonym: quoted.pseudonym, body: quoted.body },
      department: { id: departments.id, nameZh: departments.nameZh, nameEn: departments.nameEn },
    })
    .from(forumReplies)
    .leftJoin(quoted, eq(quoted.id, forumReplies.quoteReplyId))
    .leftJoin(departments, eq(departments.id, forumReplies.departmentId))
    .where(where);
type ReplyRow = Awaited<ReturnType<typeof selectReplies>>[number];

/** Replies as the public sees them: a hidden one shows its tombstone, also where another reply quotes it. */
async function replyViews(db: Db, rows: ReplyRow[]) {
  const hidden = await hiddenNotices(db, 'forum_reply', [
    ...rows.map((r) => r.reply.id),
    ...rows.flatMap((r) => (r.quote?.id ? [r.quote.id] : [])),
  ]);
  const visible = (id: number, body: string) => ({
    body: hidden.get(id)?.tombstone.zh ?? body,
    ...noticeOf(hidden.get(id)),
  });
  return rows.map(({ reply, quote, department }) => ({
    id: reply.id,
    threadId: reply.threadId,
    ...visible(reply.id, reply.body),
    pseudonym: reply.pseudonym,
    byStarter: reply.byStarter,
    quote: quote?.id
      ? {
          id: quote.id,
          pseudonym: quote.pseudonym!,
          ...visible(quote.id, quote.body!.slice(0, QUOTE_CHARS)),
        }
      : null,
    agreeCount: reply.agreeCount,
    // set when staff wrote it under their department's name
    department: department?.id ? department : null,
    createdAt: iso(reply.createdAt),
  }));
}

/** Replies in order of writing, each with the start of the reply it quotes. */
export async function listReplies(
  db: Db,
  threadId: number,
  query: { cursor?: string; limit: number },
  now: number,
) {
  await publishedThread(db, threadId, now);
  const after = query.cursor ? (decodeCursor(query.cursor, 1)[0] as number) : 0;
  const rows = await selectReplies(
    db,
    and(eq(forumReplies.threadId, threadId), lte(forumReplies.publishAt, now), gt(forumReplies.id, after)),
  )
    .orderBy(asc(forumReplies.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.reply.id]);
  return { ...page, items: await replyViews(db, page.items) };
}

/** One published reply, as in the list (the public log's verifier fetches it to check its commitment). */
export async function getReply(db: Db, id: number, now: number) {
  const rows = await selectReplies(db, and(eq(forumReplies.id, id), lte(forumReplies.publishAt, now)));
  if (!rows[0]) throw new AppError('REPLY_NOT_FOUND');
  return (await replyViews(db, rows))[0]!;
}
