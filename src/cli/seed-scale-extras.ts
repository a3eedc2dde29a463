import { forumReplies, forumThreads, pageViews } from '../../db/schema/index.js';
import { CONCERNS, type Concern, phrase } from '../features/analytics/eval/synthetic-posts.js';
import { coarseTime, newReceipt, publishTime, threadPseudonym } from '../features/tokens/index.js';
import { DAY, HOUR } from '../platform/clock.js';
import { randomRowId } from '../platform/db/random-id.js';
import type { CliContext } from './context.js';
import type { SeededAppeal } from './seed-scale-appeals.js';

// rows per multi-row INSERT: 4–8 columns each stays far below SQLite's 32,766 bound parameters
const ROWS = 1000;
type Random = () => number;

async function insertAll<T>(
  rows: T[],
  insert: (chunk: T[]) => Promise<unknown>,
  progress: (n: number) => void,
) {
  for (let i = 0; i < rows.length; i += ROWS) {
    await insert(rows.slice(i, i + ROWS));
    progress(Math.min(i + ROWS, rows.length));
  }
}

/**
 * About `total` page views in the rows `countView` keeps (a count per page and hour): each appeal's
 * views, heavy-tailed across appeals, fall in a few hours after publication; the list page gets a count
 * every hour of the period. Returns the number of views stored.
 */
export async function seedViews(
  ctx: CliContext,
  seeded: SeededAppeal[],
  opts: { total: number; days: number; random: Random },
): Promise<number> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const weights = seeded.map(() => opts.random() ** 3);
  const scale = (opts.total * 0.9) / weights.reduce((a, b) => a + b, 0);
  const rows: (typeof pageViews.$inferInsert)[] = [];
  seeded.forEach((a, i) => {
    let left = Math.round(weights[i]! * scale);
    const first = Math.floor(a.publishAt / HOUR) * HOUR;
    for (let k = 0; left > 0 && first + k * 7 * HOUR < now; k++) {
      const count = k === 4 ? left : Math.ceil(left * (0.4 + opts.random() * 0.4));
      rows.push({ page: `appeal:${a.id}`, hour: first + k * 7 * HOUR, appealId: a.id, count });
      left -= count;
    }
  });
  const hours = Math.floor((opts.days * DAY) / HOUR);
  const perHour = (opts.total * 0.1) / hours;
  for (let h = 0; h < hours; h++) {
    const count = Math.round(perHour * 2 * opts.random());
    const hour = Math.floor(now / HOUR) * HOUR - h * HOUR;
    if (count > 0) rows.push({ page: 'appeals', hour, appealId: null, count });
  }
  await insertAll(
    rows,
    (chunk) => db.insert(pageViews).values(chunk).onConflictDoNothing(),
    (n) => ctx.progress('views', n, rows.length),
  );
  return rows.reduce((sum, r) => sum + (r.count ?? 0), 0);
}

/**
 * `posts` forum posts over the last `days`: one thread for every six posts, the rest replies, a fifth of
 * them by the thread's starter. The forum has no statement builder, so rows are made from the same parts
 * its service uses: random thread ids, names from a receipt nobody holds, coarse times.
 */
export async function seedForum(
  ctx: CliContext,
  opts: { posts: number; days: number; random: Random },
): Promise<{ threads: number; replies: number }> {
  const { db, config, secrets } = ctx;
  const now = ctx.clock.now();
  const threadCount = Math.max(1, Math.ceil(opts.posts / 6));
  const threads: (typeof forumThreads.$inferInsert)[] = [];
  const replies: (typeof forumReplies.$inferInsert)[] = [];
  const starts: { id: number; at: number; pseudonym: string; concern: Concern }[] = [];
  for (let i = 0; i < threadCount; i++) {
    const concern = CONCERNS[Math.floor(opts.random() * CONCERNS.length)]!;
    const at = now - opts.days * DAY * (1 - (i + opts.random()) / threadCount);
    const id = randomRowId();
    const { receipt, receiptHash } = newReceipt(secrets);
    const pseudonym = threadPseudonym(receipt, id);
    const [title, body] = [phrase(concern, opts.random), phrase(concern, opts.random)];
    threads.push({ id, title: title.slice(0, 60), body, pseudonym, receiptHash, ...times(at) });
    starts.push({ id, at, pseudonym, concern });
  }
  for (let r = threadCount; r < opts.posts; r++) {
    // later threads get fewer replies: they have had less time
    const t = starts[Math.floor(opts.random() ** 1.5 * threadCount)]!;
    const own = newReceipt(secrets);
    const byStarter = opts.random() < 0.2;
    replies.push({
      threadId: t.id,
      body: phrase(t.concern, opts.random),
      pseudonym: byStarter ? t.pseudonym : threadPseudonym(own.receipt, t.id),
      receiptHash: own.receiptHash,
      byStarter,
      ...times(Math.min(now, t.at + opts.random() * 3 * DAY)),
    });
  }
  function times(at: number) {
    return { createdAt: coarseTime(config, at), publishAt: publishTime(config, at) };
  }
  replies.sort((a, b) => a.createdAt - b.createdAt);
  const total = threads.length + replies.length;
  await insertAll(
    threads,
    (chunk) => db.insert(forumThreads).values(chunk),
    (n) => ctx.progress('forum', n, total),
  );
  await insertAll(
    replies,
    (chunk) => db.insert(forumReplies).values(chunk),
    (n) => ctx.progress('forum', threads.length + n, total),
  );
  return { threads: threads.length, replies: replies.length };
}
