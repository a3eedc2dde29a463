import { and, eq, lte, sql } from 'drizzle-orm';
import { forumReplies, forumThreads } from '../../../db/schema/index.js';
import type { Config } from '../../platform/config/config.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { randomRowId } from '../../platform/db/random-id.js';
import { AppError } from '../../platform/http/errors.js';
import { commitText } from '../audit/index.js';
import {
  coarseTime,
  newReceipt,
  publishTime,
  receiptHash,
  type Spend,
  type TokenService,
  threadPseudonym,
} from '../tokens/index.js';
import { boardById } from './boards.service.js';
import { newReplyIndexStatements, threadIndexStatements } from './forum-search.service.js';

export interface ForumDeps {
  db: Db;
  config: Config;
  secrets: Secrets;
  tokens: TokenService;
  now: number;
}

/** Item types as moderation names them, so hiding a post withholds its commitment's salt. */
export const FORUM_ITEM = { thread: 'forum_thread', reply: 'forum_reply' } as const;

/** The statements that store a thread: its row, search index rows and text commitment — for one batch. */
export async function threadStatements(
  db: Db,
  v: typeof forumThreads.$inferInsert & { id: number },
): Promise<BatchItem[]> {
  return [
    db.insert(forumThreads).values(v),
    ...threadIndexStatements(db, v.id, v.title, v.body),
    ...(await commitText(db, {
      itemType: FORUM_ITEM.thread,
      itemId: v.id,
      fields: { title: v.title, body: v.body },
      publishAt: v.publishAt,
    })),
  ];
}

// inside one batch the reply just inserted is the newest row (ids only grow: AUTOINCREMENT)
export const newestReplyId = sql`(SELECT max(id) FROM forum_replies)`;

/**
 * The statements that store a reply (worker's or staff's): its row (returning the id), search index rows
 * and text commitment — for one batch.
 */
export async function replyStatements(db: Db, v: typeof forumReplies.$inferInsert): Promise<BatchItem[]> {
  return [
    db.insert(forumReplies).values(v).returning({ id: forumReplies.id }),
    ...newReplyIndexStatements(db, v.threadId, v.body),
    ...(await commitText(db, {
      itemType: FORUM_ITEM.reply,
      itemId: newestReplyId,
      fields: { body: v.body },
      publishAt: v.publishAt,
    })),
  ];
}

const isIdClash = (e: unknown) =>
  /forum_threads\.id/.test(String((e as Error)?.message) + String((e as { cause?: Error })?.cause?.message));

/**
 * Starts a thread, paid for by a token. The id is drawn at random (not AUTOINCREMENT) because the
 * starter's name, threadPseudonym(receipt, id), must be known before the insert — and a random id also
 * keeps no order of creation within the coarse hour.
 */
export async function createThread(
  deps: ForumDeps,
  spend: Spend,
  input: { title: string; body: string; boardId?: number },
) {
  const { db, config, now } = deps;
  const boardId = input.boardId === undefined ? null : (await boardById(db, input.boardId)).id;
  const { title, body } = input;
  const createdAt = coarseTime(config, now);
  const publishAt = publishTime(config, now);
  for (let attempt = 0; ; attempt++) {
    const id = randomRowId();
    const { receipt, receiptHash } = newReceipt(deps.secrets);
    const pseudonym = threadPseudonym(receipt, id);
    try {
      const row = { id, boardId, title, body, pseudonym, receiptHash, createdAt, publishAt };
      await deps.tokens.spendWith(db, spend, await threadStatements(db, row));
      return { id, pseudonym, receipt, publishAt };
    } catch (e) {
      // the batch failed as a whole, so the token is still unspent and can pay for another try
      if (attempt < 2 && isIdClash(e)) continue;
      throw e;
    }
  }
}

export async function publishedThread(db: Db, id: number, now: number) {
  const [thread] = await db
    .select()
    .from(forumThreads)
    .where(and(eq(forumThreads.id, id), lte(forumThreads.publishAt, now)));
  if (!thread) throw new AppError('THREAD_NOT_FOUND');
  return thread;
}

/**
 * The name a reply appears under. With the receipt of the author's first post in THIS thread: that post's
 * name (the starter's, if it is the thread's own receipt). Without: a fresh name, redrawn if it happens to
 * equal a name already in the thread. A receipt from elsewhere is refused rather than silently ignored.
 */
async function replyName(
  deps: ForumDeps,
  thread: typeof forumThreads.$inferSelect,
  receipt: string | undefined,
): Promise<{ pseudonym: string; byStarter: boolean; own: { receipt: string; receiptHash: string } }> {
  const { db, secrets } = deps;
  if (receipt !== undefined) {
    const hash = receiptHash(secrets, receipt);
    const own = newReceipt(secrets);
    if (hash === thread.receiptHash) return { pseudonym: thread.pseudonym, byStarter: true, own };
    const [first] = await db
      .select({ pseudonym: forumReplies.pseudonym })
      .from(forumReplies)
      .where(and(eq(forumReplies.threadId, thread.id), eq(forumReplies.receiptHash, hash)));
    const derived = threadPseudonym(receipt, thread.id);
    if (first?.pseudonym !== derived) throw new AppError('RECEIPT_INVALID');
    return { pseudonym: derived, byStarter: false, own };
  }
  const taken = new Set(
    (
      await db
        .selectDistinct({ pseudonym: forumReplies.pseudonym })
        .from(forumReplies)
        .where(eq(forumReplies.threadId, thread.id))
    ).map((r) => r.pseudonym),
  ).add(thread.pseudonym);
  for (let i = 0; ; i++) {
    const own = newReceipt(secrets);
    const pseudonym = threadPseudonym(own.receipt, thread.id);
    if (!taken.has(pseudonym) || i >= 8) return { pseudonym, byStarter: false, own };
  }
}

/** A quoted reply must be a published reply of the same thread. */
export async function checkQuote(db: Db, threadId: number, quoteReplyId: number | undefined, now: number) {
  if (quoteReplyId === undefined) return;
  const [quoted] = await db
    .select({ id: forumReplies.id })
    .from(forumReplies)
    .where(
      and(
        eq(forumReplies.id, quoteReplyId),
        eq(forumReplies.threadId, threadId),
        lte(forumReplies.publishAt, now),
      ),
    );
  if (!quoted) throw new AppError('QUOTED_REPLY_NOT_FOUND');
}

/** A reply, paid for by a token; it may quote one reply of the same thread. */
export async function createReply(
  deps: ForumDeps,
  spend: Spend,
  threadId: number,
  input: { body: string; receipt?: string; quoteReplyId?: number },
) {
  const { db, config, now } = deps;
  const thread = await publishedThread(db, threadId, now);
  await checkQuote(db, threadId, input.quoteReplyId, now);
  const { pseudonym, byStarter, own } = await replyName(deps, thread, input.receipt);
  const publishAt = publishTime(config, now);
  const [, inserted] = await deps.tokens.spendWith(
    db,
    spend,
    await replyStatements(db, {
      threadId,
      body: input.body,
      pseudonym,
      receiptHash: own.receiptHash,
      byStarter,
      quoteReplyId: input.quoteReplyId ?? null,
      createdAt: coarseTime(config, now),
      publishAt,
    }),
  );
  const id = (inserted as unknown as { id: number }[])[0]!.id;
  return { id, pseudonym, byStarter, receipt: own.receipt, publishAt };
}
