import { and, eq, lte, sql } from 'drizzle-orm';
import { forumReplies, forumThreads } from '../../../db/schema/index.js';
import { AppError } from '../../platform/http/errors.js';
import type { Spend } from '../tokens/index.js';
import type { ForumDeps } from './forum.service.js';

const targets = {
  thread: { table: forumThreads, missing: 'THREAD_NOT_FOUND' },
  reply: { table: forumReplies, missing: 'REPLY_NOT_FOUND' },
} as const;

/**
 * "Agree" with a thread or a reply, paid for by a token. Only the post's count grows: no row, no time,
 * nothing that could tie a reaction to a worker or to their posts. Checked before spending, so no token
 * is burnt on a post that is not (yet) public.
 */
export async function agree(
  deps: Pick<ForumDeps, 'db' | 'tokens' | 'now'>,
  spend: Spend,
  target: keyof typeof targets,
  id: number,
) {
  const { db, now } = deps;
  const { table, missing } = targets[target];
  const t = table as typeof forumThreads;
  const published = and(eq(t.id, id), lte(t.publishAt, now));
  const [found] = await db.select({ id: t.id }).from(t).where(published);
  if (!found) throw new AppError(missing);
  const [, updated] = (await deps.tokens.spendWith(db, spend, [
    db
      .update(t)
      .set({ agreeCount: sql`${t.agreeCount} + 1` })
      .where(published)
      .returning({ agreeCount: t.agreeCount }),
  ])) as unknown as [unknown, { agreeCount: number }[]];
  return { id, agreeCount: updated[0]!.agreeCount };
}
