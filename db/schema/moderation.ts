import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { staff } from './staff.js';

export const flagReasons = ['personal-attack', 'threat', 'spam', 'illegal', 'off-topic'] as const;
export type FlagReason = (typeof flagReasons)[number];

/**
 * One flag per spent token. Nothing links a flag to a reader: no token, nonce, address or fine time.
 */
export const flags = sqliteTable(
  'flags',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    itemType: text().notNull(),
    itemId: integer().notNull(),
    reason: text({ enum: flagReasons }).notNull(),
    // coarsened like worker content: a flag is a reader's action
    createdAt: integer().notNull(),
    // set when a moderator decided on the item; resolved flags leave the queue
    resolvedAt: integer(),
  },
  (t) => [index('flags_item_idx').on(t.itemType, t.itemId, t.resolvedAt)],
);

export const moderationStates = ['visible', 'hidden'] as const;
export const contestStates = ['open', 'upheld', 'granted'] as const;

/** The moderation state of a flagged or hidden item; absent means visible and never flagged. */
export const moderationItems = sqliteTable(
  'moderation_items',
  {
    itemType: text().notNull(),
    itemId: integer().notNull(),
    state: text({ enum: moderationStates }).notNull().default('visible'),
    // sum of reason weights of unresolved flags: the queue's first sort key
    openWeight: integer().notNull().default(0),
    openFlags: integer().notNull().default(0),
    // coarse time of the oldest unresolved flag: the queue's second sort key
    openSince: integer(),
    // set by any moderator decision; a reviewed item is never hidden automatically again
    reviewedAt: integer(),
    hiddenReason: text(),
    // the public explanation shown in the tombstone
    hiddenNote: text(),
    hiddenAt: integer(),
    // 'system' when hidden by the flag threshold
    hiddenByRole: text(),
    // who hid it, so that a contest goes to someone else; null when automatic
    hiddenByStaffId: integer().references(() => staff.id),
    contestState: text({ enum: contestStates }),
    // coarse: contesting is the author's action
    contestedAt: integer(),
    // the author's words to the reviewing moderator; not published
    contestStatement: text(),
  },
  (t) => [
    primaryKey({ columns: [t.itemType, t.itemId] }),
    index('moderation_items_queue_idx').on(t.openWeight, t.openSince),
  ],
);
