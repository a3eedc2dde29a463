import { and, eq, inArray, lte } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { appeals, forumReplies, forumThreads } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';

export const moderatedTypes = ['appeal', 'forum_thread', 'forum_reply'] as const;
export type ModeratedType = (typeof moderatedTypes)[number];

/** What moderation needs to know about one kind of public item. */
interface ItemSource {
  /** published (past its publication time) */
  isPublic(db: Db, id: number, now: number): Promise<boolean>;
  /** the keyed hash of the author's receipt, to check a contest */
  receiptHashOf(db: Db, id: number): Promise<string | null>;
  /** the texts moderators review, exactly as written */
  texts(db: Db, ids: number[]): Promise<Map<number, Record<string, string>>>;
}

type PublicTable = typeof appeals | typeof forumThreads | typeof forumReplies;

/** Any table of published worker text with an id, a publication time and the author's receipt hash. */
function tableSource(table: PublicTable, textColumns: Record<string, SQLiteColumn>): ItemSource {
  return {
    async isPublic(db, id, now) {
      const [row] = await db
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.id, id), lte(table.publishAt, now)));
      return row !== undefined;
    },
    async receiptHashOf(db, id) {
      const [row] = await db.select({ h: table.receiptHash }).from(table).where(eq(table.id, id));
      return row?.h ?? null;
    },
    async texts(db, ids) {
      if (ids.length === 0) return new Map();
      const rows = (await db
        .select({ id: table.id, ...textColumns })
        .from(table)
        .where(inArray(table.id, ids))) as ({ id: number } & Record<string, string>)[];
      return new Map(rows.map(({ id, ...texts }) => [id, texts]));
    },
  };
}

const sources: Record<ModeratedType, ItemSource> = {
  appeal: tableSource(appeals, { title: appeals.title, body: appeals.body }),
  forum_thread: tableSource(forumThreads, { title: forumThreads.title, body: forumThreads.body }),
  forum_reply: tableSource(forumReplies, { body: forumReplies.body }),
};

export function itemSource(type: ModeratedType): ItemSource {
  return sources[type];
}
