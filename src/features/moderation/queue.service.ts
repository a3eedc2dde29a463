import { and, asc, count, desc, eq, gt, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { flags, moderationItems } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import type { StaffActor } from '../staff/index.js';
import { itemSource, type ModeratedType, moderatedTypes } from './items.js';

/**
 * The moderation queue: items with unresolved flags, and open contests — except contests of hidings the
 * viewer made, which must go to someone else. Heaviest first, then oldest. Texts are returned exactly as
 * written; the API is JSON, and any page that shows them must escape them.
 */
export async function moderationQueue(db: Db, actor: StaffActor, limit: number) {
  const contestForMe = and(
    eq(moderationItems.contestState, 'open'),
    or(isNull(moderationItems.hiddenByStaffId), ne(moderationItems.hiddenByStaffId, actor.id)),
  );
  const rows = await db
    .select()
    .from(moderationItems)
    .where(or(gt(moderationItems.openFlags, 0), contestForMe))
    .orderBy(
      desc(moderationItems.openWeight),
      asc(sql`coalesce(${moderationItems.openSince}, ${moderationItems.contestedAt})`),
    )
    .limit(limit);
  const reasons = rows.length
    ? await db
        .select({ itemType: flags.itemType, itemId: flags.itemId, reason: flags.reason, n: count() })
        .from(flags)
        .where(
          and(
            isNull(flags.resolvedAt),
            inArray(
              flags.itemId,
              rows.map((r) => r.itemId),
            ),
          ),
        )
        .groupBy(flags.itemType, flags.itemId, flags.reason)
    : [];
  const texts = new Map<string, Record<string, string>>();
  for (const type of moderatedTypes) {
    const ids = rows.filter((r) => r.itemType === type).map((r) => r.itemId);
    for (const [id, t] of await itemSource(type).texts(db, ids)) texts.set(`${type}/${id}`, t);
  }
  return rows.map((r) => ({
    itemType: r.itemType as ModeratedType,
    itemId: r.itemId,
    state: r.state,
    weight: r.openWeight,
    openFlags: r.openFlags,
    flaggedSince: r.openSince === null ? null : new Date(r.openSince).toISOString(),
    reasons: Object.fromEntries(
      reasons.filter((f) => f.itemType === r.itemType && f.itemId === r.itemId).map((f) => [f.reason, f.n]),
    ),
    text: texts.get(`${r.itemType}/${r.itemId}`) ?? {},
    hidden:
      r.state === 'hidden'
        ? {
            reason: r.hiddenReason,
            note: r.hiddenNote,
            role: r.hiddenByRole,
            byYou: r.hiddenByStaffId === actor.id,
          }
        : null,
    contest:
      r.contestState === 'open'
        ? {
            statement: r.contestStatement,
            since: r.contestedAt === null ? null : new Date(r.contestedAt).toISOString(),
          }
        : null,
  }));
}
