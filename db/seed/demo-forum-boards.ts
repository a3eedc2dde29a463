import { eq, isNull } from 'drizzle-orm';
import { indexUnindexedForumPosts } from '../../src/features/forum/forum-search.service.js';
import type { Db } from '../../src/platform/db/db.js';
import { forumBoards, forumThreads } from '../schema/index.js';

// demo thread titles → the board they belong to
const PLACES: [RegExp, string][] = [
  [/班车|通勤|回家/, 'commuting'],
  [/食堂|公寓|晚餐/, 'canteen-housing'],
  [/工资|津贴|奖金/, 'pay'],
  [/安全/, 'safety'],
];

/** Puts the demo threads on their boards and indexes any forum post stored without the app's indexing. */
export async function seedDemoForumBoards(db: Db) {
  const boards = await db.select().from(forumBoards);
  const bySlug = (slug: string) => boards.find((b) => b.slug === slug)?.id;
  const threads = await db.select().from(forumThreads).where(isNull(forumThreads.boardId));
  for (const t of threads) {
    const slug = PLACES.find(([re]) => re.test(t.title))?.[1] ?? 'general';
    const boardId = bySlug(slug);
    if (boardId) await db.update(forumThreads).set({ boardId }).where(eq(forumThreads.id, t.id));
  }
  await indexUnindexedForumPosts(db);
}
