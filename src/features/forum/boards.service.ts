import { asc, eq, sql } from 'drizzle-orm';
import { forumBoards } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { logStatements, sealLog, staffActor } from '../audit/index.js';
import type { StaffActor } from '../staff/index.js';

export interface BoardInput {
  slug: string;
  nameZh: string;
  nameEn: string;
  position?: number;
}

/** The boards a fresh bureau starts with (seeded with the organisation; admins rename or add). */
export const DEFAULT_BOARDS: BoardInput[] = [
  { slug: 'pay', nameZh: '工资待遇', nameEn: 'Pay and benefits' },
  { slug: 'commuting', nameZh: '班车通勤', nameEn: 'Shuttles and commuting' },
  { slug: 'canteen-housing', nameZh: '食堂公寓', nameEn: 'Canteens and dormitories' },
  { slug: 'safety', nameZh: '安全生产', nameEn: 'Safety at work' },
  { slug: 'suggestions', nameZh: '建言献策', nameEn: 'Suggestions' },
  { slug: 'general', nameZh: '综合讨论', nameEn: 'General' },
];

const view = (b: typeof forumBoards.$inferSelect) => ({
  id: b.id,
  slug: b.slug,
  nameZh: b.nameZh,
  nameEn: b.nameEn,
  position: b.position,
});

export async function listBoards(db: Db) {
  const rows = await db.select().from(forumBoards).orderBy(asc(forumBoards.position), asc(forumBoards.id));
  return rows.map(view);
}

/** Fails with FORUM_BOARD_NOT_FOUND (422): used where a board is referenced by an input. */
export async function boardById(db: Db, id: number) {
  const [board] = await db.select().from(forumBoards).where(eq(forumBoards.id, id));
  if (!board) throw new AppError('FORUM_BOARD_NOT_FOUND');
  return view(board);
}

async function slugFree(db: Db, slug: string, except?: number) {
  const [other] = await db.select({ id: forumBoards.id }).from(forumBoards).where(eq(forumBoards.slug, slug));
  if (other && other.id !== except) throw new AppError('FORUM_BOARD_SLUG_TAKEN');
}

/** Seeds the default boards on an empty table (bureau set-up); no log entry, no person did it. */
export async function seedBoards(db: Db, now: number) {
  if ((await listBoards(db)).length > 0) return;
  await db
    .insert(forumBoards)
    .values(DEFAULT_BOARDS.map((b, i) => ({ ...b, position: b.position ?? (i + 1) * 10, createdAt: now })));
}

export async function createBoard(db: Db, actor: StaffActor, input: BoardInput, now: number) {
  await slugFree(db, input.slug);
  const [[row]] = await db.batch([
    db
      .insert(forumBoards)
      .values({ ...input, position: input.position ?? 0, createdAt: now })
      .returning(),
    ...logStatements(db, {
      kind: 'forum.board-create',
      item: { type: 'forum-board', id: sql`(SELECT max(id) FROM forum_boards)` },
      actor: staffActor(actor),
      now,
      data: { slug: input.slug, nameZh: input.nameZh, nameEn: input.nameEn },
    }),
  ]);
  await sealLog(db);
  return view(row!);
}

/** Renames (or moves) a board; its threads stay where they are. */
export async function updateBoard(
  db: Db,
  actor: StaffActor,
  id: number,
  input: Partial<BoardInput>,
  now: number,
) {
  const [board] = await db.select().from(forumBoards).where(eq(forumBoards.id, id));
  if (!board) throw new AppError('NOT_FOUND');
  if (input.slug !== undefined) await slugFree(db, input.slug, id);
  const [[row]] = await db.batch([
    db.update(forumBoards).set(input).where(eq(forumBoards.id, id)).returning(),
    ...logStatements(db, {
      kind: 'forum.board-rename',
      item: { type: 'forum-board', id },
      actor: staffActor(actor),
      now,
      data: { before: { slug: board.slug, nameZh: board.nameZh, nameEn: board.nameEn }, after: input },
    }),
  ]);
  await sealLog(db);
  return view(row!);
}
