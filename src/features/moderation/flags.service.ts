import { and, count, eq, gte, isNull, sql } from 'drizzle-orm';
import { type FlagReason, flags, moderationItems } from '../../../db/schema/index.js';
import type { Config } from '../../platform/config/config.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { getSettings } from '../admin/settings.service.js';
import { logStatements, sealLog, withholdStatements } from '../audit/index.js';
import { coarseTime, receiptHash, type Spend, type TokenService } from '../tokens/index.js';
import { itemSource, type ModeratedType } from './items.js';

/** How much one flag of each reason counts towards the queue order and the auto-hide threshold. */
export const FLAG_WEIGHTS: Record<FlagReason, number> = {
  threat: 3,
  illegal: 3,
  'personal-attack': 2,
  spam: 1,
  'off-topic': 1,
};

export const AUTO_HIDE_NOTE = '举报达到阈值，暂时隐藏，等待审核 / Hidden after reader flags, pending review';

const itemIs = (type: string, id: number) =>
  and(eq(moderationItems.itemType, type), eq(moderationItems.itemId, id));

/**
 * A reader flags a public item, paying with a token; nonce, flag and weight land in one batch. If an admin
 * set a threshold and no moderator has reviewed the item yet, reaching it hides the item pending review,
 * in the same batch, and that hiding goes on the public log (by the system, at content granularity).
 */
export async function flagItem(
  deps: { db: Db; config: Config; tokens: TokenService; now: number },
  spend: Spend,
  input: { itemType: ModeratedType; itemId: number; reason: FlagReason },
): Promise<void> {
  const { db, config, now } = deps;
  const { itemType: type, itemId: id, reason } = input;
  if (!(await itemSource(type).isPublic(db, id, now))) throw new AppError('ITEM_NOT_FOUND');
  const [current] = await db.select().from(moderationItems).where(itemIs(type, id));
  if (current?.state === 'hidden') throw new AppError('ITEM_ALREADY_HIDDEN');
  // a reader's action: stored and logged no finer than worker content
  const at = coarseTime(config, now);
  const weight = FLAG_WEIGHTS[reason];
  const { autoHideWeight } = await getSettings(db, config);
  await deps.tokens.spendWith(db, spend, [
    db.insert(flags).values({ itemType: type, itemId: id, reason, createdAt: at }),
    db
      .insert(moderationItems)
      .values({ itemType: type, itemId: id, openWeight: weight, openFlags: 1, openSince: at })
      .onConflictDoUpdate({
        target: [moderationItems.itemType, moderationItems.itemId],
        set: {
          openWeight: sql`${moderationItems.openWeight} + ${weight}`,
          openFlags: sql`${moderationItems.openFlags} + 1`,
          openSince: sql`coalesce(${moderationItems.openSince}, ${at})`,
        },
      }),
    ...(autoHideWeight === null
      ? []
      : await autoHideStatements(db, { type, id }, autoHideWeight, reason, at)),
  ]);
  if (autoHideWeight !== null) await sealLog(db);
}

async function autoHideStatements(
  db: Db,
  item: { type: ModeratedType; id: number },
  threshold: number,
  reason: FlagReason,
  at: number,
) {
  // the public reason is the one most open flags give (counting the one being added); ties: the graver
  const open = await db
    .select({ reason: flags.reason, n: count() })
    .from(flags)
    .where(and(eq(flags.itemType, item.type), eq(flags.itemId, item.id), isNull(flags.resolvedAt)))
    .groupBy(flags.reason);
  const counts = new Map<FlagReason, number>(open.map((r) => [r.reason, r.n]));
  counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const [[shown]] = [...counts].sort((a, b) => b[1] - a[1] || FLAG_WEIGHTS[b[0]] - FLAG_WEIGHTS[a[0]]) as [
    [FlagReason, number],
  ];
  return [
    db
      .update(moderationItems)
      .set({
        state: 'hidden',
        hiddenReason: shown,
        hiddenNote: AUTO_HIDE_NOTE,
        hiddenAt: at,
        hiddenByRole: 'system',
        hiddenByStaffId: null,
        contestState: null,
        contestedAt: null,
        contestStatement: null,
      })
      .where(
        and(
          itemIs(item.type, item.id),
          eq(moderationItems.state, 'visible'),
          isNull(moderationItems.reviewedAt),
          gte(moderationItems.openWeight, threshold),
        ),
      ),
    ...logStatements(
      db,
      {
        kind: 'moderation.hide',
        item,
        actor: { role: 'system', username: 'auto-hide' },
        now: at,
        data: { reason: shown, note: AUTO_HIDE_NOTE, automatic: true, threshold, visibility: 'hidden' },
      },
      { onlyIfChanged: true },
    ),
    ...withholdStatements(
      db,
      item,
      true,
      sql`EXISTS (SELECT 1 FROM moderation_items m WHERE m.item_type = ${item.type} AND m.item_id = ${item.id} AND m.state = 'hidden')`,
    ),
  ];
}

/**
 * The author contests a hiding, proving authorship with the post's receipt. Goes to the queue of every
 * moderator and admin except the one who hid the item. Not logged: it is a worker's action; the decision
 * on it is.
 */
export async function contestHiding(
  deps: { db: Db; config: Config; secrets: Secrets; now: number },
  input: { itemType: ModeratedType; itemId: number; receipt: string; statement?: string },
): Promise<void> {
  const { db } = deps;
  const stored = await itemSource(input.itemType).receiptHashOf(db, input.itemId);
  if (stored === null) throw new AppError('ITEM_NOT_FOUND');
  if (stored !== receiptHash(deps.secrets, input.receipt)) throw new AppError('RECEIPT_INVALID');
  const rows = await db
    .update(moderationItems)
    .set({
      contestState: 'open',
      contestedAt: coarseTime(deps.config, deps.now),
      contestStatement: input.statement ?? null,
    })
    .where(
      and(
        itemIs(input.itemType, input.itemId),
        eq(moderationItems.state, 'hidden'),
        isNull(moderationItems.contestState),
      ),
    )
    .returning({ id: moderationItems.itemId });
  if (rows.length === 0) throw new AppError('CONTEST_NOT_ALLOWED');
}
