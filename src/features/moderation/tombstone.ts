import { and, eq, inArray, sql } from 'drizzle-orm';
import { moderationItems } from '../../../db/schema/index.js';
import { HOUR } from '../../platform/clock.js';
import type { Db } from '../../platform/db/db.js';
import { prepared } from '../../platform/db/prepared.js';

const REASONS: Record<string, [string, string]> = {
  'personal-attack': ['人身攻击或点名普通个人', 'personal attack or naming a private individual'],
  threat: ['威胁', 'threat'],
  spam: ['垃圾信息', 'spam'],
  illegal: ['违法内容', 'illegal content'],
  'off-topic': ['与主题无关', 'off-topic'],
};

const ROLES: Record<string, [string, string]> = {
  moderator: ['审核员', 'moderator'],
  admin: ['管理员', 'admin'],
  system: ['系统（举报达到阈值）', 'system (flag threshold)'],
};

// dates in China Standard Time, which is where the readers are
const chinaDate = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

type ItemRow = typeof moderationItems.$inferSelect;

function notice(row: ItemRow) {
  const [reasonZh, reasonEn] = REASONS[row.hiddenReason ?? ''] ?? [
    row.hiddenReason ?? '',
    row.hiddenReason ?? '',
  ];
  const [roleZh, roleEn] = ROLES[row.hiddenByRole ?? ''] ?? [row.hiddenByRole ?? '', row.hiddenByRole ?? ''];
  const date = row.hiddenAt === null ? '' : chinaDate(row.hiddenAt);
  return {
    state: 'hidden' as const,
    reason: row.hiddenReason,
    note: row.hiddenNote,
    date,
    role: row.hiddenByRole,
    contest: row.contestState,
    tombstone: {
      zh: `已被审核隐藏 — ${reasonZh}：${row.hiddenNote ?? ''} — ${date} — ${roleZh}`,
      en: `hidden by moderation — ${reasonEn}: ${row.hiddenNote ?? ''} — ${date} — ${roleEn}`,
    },
  };
}

/** The public notice of a hidden item, or null when it is visible. */
export async function moderationNotice(db: Db, itemType: string, itemId: number) {
  const [row] = await prepared(db, moderationOf).all({ itemType, itemId });
  return row?.state === 'hidden' ? notice(row) : null;
}

const moderationOf = (db: Db) =>
  db
    .select()
    .from(moderationItems)
    .where(
      and(
        eq(moderationItems.itemType, sql.placeholder('itemType')),
        eq(moderationItems.itemId, sql.placeholder('itemId')),
      ),
    )
    .prepare();

/**
 * Notices of the hidden items among `ids`, for lists and search results: show `tombstone.zh` in place of
 * the title and excerpt of each one found.
 * @example const hidden = await hiddenNotices(db, 'appeal', rows.map((r) => r.id))
 */
export async function hiddenNotices(db: Db, itemType: string, ids: number[]) {
  if (ids.length === 0) return new Map<number, ModerationNotice>();
  const rows = await db
    .select()
    .from(moderationItems)
    .where(
      and(
        eq(moderationItems.itemType, itemType),
        inArray(moderationItems.itemId, ids),
        eq(moderationItems.state, 'hidden'),
      ),
    );
  return new Map(rows.map((r) => [r.itemId, notice(r)]));
}

export type ModerationNotice = ReturnType<typeof notice>;

/**
 * An item as the public sees it: unchanged when visible; when hidden, every text field is replaced by the
 * tombstone ("hidden by moderation — reason — date — role") and `moderation` says why.
 * @example return c.json(await withModeration(c.var.db, 'appeal', id, appeal), 200)
 */
export async function withModeration<T extends Record<string, unknown>>(
  db: Db,
  itemType: string,
  itemId: number,
  view: T,
  textFields: readonly (keyof T)[] = ['title', 'body'],
): Promise<T & { moderation?: ModerationNotice }> {
  const notice = await moderationNotice(db, itemType, itemId);
  if (!notice) return view;
  const replaced: Record<string, unknown> = { ...view, moderation: notice };
  for (const f of textFields) replaced[f as string] = notice.tombstone.zh;
  return replaced as T & { moderation: ModerationNotice };
}
