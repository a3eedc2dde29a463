import { and, eq, isNull, sql } from 'drizzle-orm';
import { type FlagReason, flags, moderationItems } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { logStatements, sealLog, staffActor, withholdStatements } from '../audit/index.js';
import type { StaffActor } from '../staff/index.js';
import { itemSource, type ModeratedType } from './items.js';

export const decisions = ['keep', 'hide', 'restore', 'uphold'] as const;
export type Decision = (typeof decisions)[number];

type ItemRow = typeof moderationItems.$inferSelect;

/**
 * What each decision requires of the item and what it changes. There is no decision that changes text:
 * moderation can only show or hide it.
 * - keep: the flags are unfounded; the item stays visible.
 * - hide: hidden with a public reason; the text is replaced by a tombstone.
 * - restore: shown again (granting the author's contest, if one is open).
 * - uphold: the author's contest is refused; the item stays hidden.
 */
function plan(decision: Decision, row: ItemRow | undefined, actor: StaffActor, input: DecisionInput) {
  const state = row?.state ?? 'visible';
  const contested = row?.contestState === 'open';
  const cleared = { openWeight: 0, openFlags: 0, openSince: null };
  switch (decision) {
    case 'keep':
      if (state !== 'visible') throw new AppError('MODERATION_CONFLICT');
      return { set: cleared, data: { note: input.note, flags: row?.openFlags ?? 0, visibility: 'visible' } };
    case 'hide': {
      if (state !== 'visible') throw new AppError('ITEM_ALREADY_HIDDEN');
      if (!input.reason)
        throw new AppError('VALIDATION_FAILED', [{ path: 'reason', message: 'required to hide' }]);
      return {
        set: {
          ...cleared,
          state: 'hidden' as const,
          hiddenReason: input.reason,
          hiddenNote: input.note,
          hiddenByRole: actor.role,
          hiddenByStaffId: actor.id,
          contestState: null,
          contestedAt: null,
          contestStatement: null,
        },
        withheld: true,
        data: { reason: input.reason, note: input.note, visibility: 'hidden' },
      };
    }
    case 'restore':
      if (state !== 'hidden') throw new AppError('MODERATION_CONFLICT');
      if (contested && row?.hiddenByStaffId === actor.id) throw new AppError('MODERATION_OWN_DECISION');
      return {
        set: {
          ...cleared,
          state: 'visible' as const,
          hiddenReason: null,
          hiddenNote: null,
          hiddenAt: null,
          hiddenByRole: null,
          hiddenByStaffId: null,
          contestState: contested ? ('granted' as const) : (row?.contestState ?? null),
        },
        withheld: false,
        data: { note: input.note, ...(contested ? { contest: 'granted' } : {}), visibility: 'visible' },
      };
    case 'uphold':
      if (state !== 'hidden' || !contested) throw new AppError('MODERATION_CONFLICT');
      if (row?.hiddenByStaffId === actor.id) throw new AppError('MODERATION_OWN_DECISION');
      return {
        set: { contestState: 'upheld' as const },
        data: { note: input.note, contest: 'upheld', visibility: 'hidden' },
      };
  }
}

export interface DecisionInput {
  note: string;
  reason?: FlagReason;
}

/**
 * A moderator's or admin's decision on an item, with the public log entry in the same batch. The state
 * change is guarded by the state it was decided on, so of two moderators deciding at once one wins and
 * the other gets MODERATION_CONFLICT; only the winner is logged.
 */
export async function decide(
  deps: { db: Db; now: number },
  actor: StaffActor,
  item: { type: ModeratedType; id: number },
  decision: Decision,
  input: DecisionInput,
): Promise<void> {
  const { db, now } = deps;
  if (!(await itemSource(item.type).isPublic(db, item.id, now))) throw new AppError('ITEM_NOT_FOUND');
  const is = and(eq(moderationItems.itemType, item.type), eq(moderationItems.itemId, item.id));
  const [row] = await db.select().from(moderationItems).where(is);
  const p = plan(decision, row, actor, input);
  // the exact state decided on: unchanged since it was read, or nothing happens
  const unchanged = and(
    is,
    eq(moderationItems.state, row?.state ?? 'visible'),
    row?.contestState
      ? eq(moderationItems.contestState, row.contestState)
      : isNull(moderationItems.contestState),
    eq(moderationItems.openFlags, row?.openFlags ?? 0),
  );
  const decided = sql`EXISTS (SELECT 1 FROM moderation_items m WHERE m.item_type = ${item.type} AND m.item_id = ${item.id} AND m.reviewed_at = ${now})`;
  const results = await db.batch([
    db.insert(moderationItems).values({ itemType: item.type, itemId: item.id }).onConflictDoNothing(),
    db
      .update(moderationItems)
      .set({ ...p.set, reviewedAt: now, ...(decision === 'hide' ? { hiddenAt: now } : {}) })
      .where(unchanged)
      .returning({ id: moderationItems.itemId }),
    ...logStatements(
      db,
      { kind: `moderation.${decision}`, item, actor: staffActor(actor), now, data: p.data },
      { onlyIfChanged: true },
    ),
    ...(decision === 'uphold'
      ? []
      : [
          db
            .update(flags)
            .set({ resolvedAt: now })
            .where(
              and(
                eq(flags.itemType, item.type),
                eq(flags.itemId, item.id),
                isNull(flags.resolvedAt),
                decided,
              ),
            ),
        ]),
    ...('withheld' in p && p.withheld !== undefined ? withholdStatements(db, item, p.withheld, decided) : []),
  ] as unknown as Parameters<Db['batch']>[0]);
  if ((results[1] as unknown[]).length === 0) throw new AppError('MODERATION_CONFLICT');
  await sealLog(db);
}
