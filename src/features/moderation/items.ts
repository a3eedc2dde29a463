import { and, eq, inArray, lte } from 'drizzle-orm';
import { appeals } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';

export const moderatedTypes = ['appeal'] as const;
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

const sources: Record<ModeratedType, ItemSource> = {
  appeal: {
    async isPublic(db, id, now) {
      const [row] = await db
        .select({ id: appeals.id })
        .from(appeals)
        .where(and(eq(appeals.id, id), lte(appeals.publishAt, now)));
      return row !== undefined;
    },
    async receiptHashOf(db, id) {
      const [row] = await db.select({ h: appeals.receiptHash }).from(appeals).where(eq(appeals.id, id));
      return row?.h ?? null;
    },
    async texts(db, ids) {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: appeals.id, title: appeals.title, body: appeals.body })
        .from(appeals)
        .where(inArray(appeals.id, ids));
      return new Map(rows.map((r) => [r.id, { title: r.title, body: r.body }]));
    },
  },
};

export function itemSource(type: ModeratedType): ItemSource {
  return sources[type];
}
