import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The public, hash-chained log of staff actions and text commitments. Rows are inserted by the action's
 * own batch with `hash` null and chained right after, in seq order (see log.service.ts).
 */
export const logEntries = sqliteTable(
  'log_entries',
  {
    // position in the chain, from 1; AUTOINCREMENT never reuses a number, so a deleted row leaves a gap
    seq: integer().primaryKey({ autoIncrement: true }),
    kind: text().notNull(),
    // the public item the entry is about (e.g. 'appeal', 12); null for staff/admin actions
    itemType: text(),
    itemId: integer(),
    // null for commitments: nothing about a worker is logged beyond the item id
    actorRole: text(),
    actorUsername: text(),
    // ms, rounded down to the minute (or to the content granularity for what a worker caused)
    at: integer().notNull(),
    // canonical JSON, exactly the bytes that were hashed
    data: text().notNull(),
    prevHash: text(),
    hash: text(),
  },
  (t) => [
    // one commitment per item: a second sweep of the same item is a no-op, not a second entry
    uniqueIndex('log_entries_commit_idx').on(t.itemType, t.itemId).where(sql`kind = 'text.commit'`),
    index('log_entries_item_idx').on(t.itemType, t.itemId),
    index('log_entries_unsealed_idx').on(t.hash),
  ],
);

/**
 * Per-item salt and commitment of a published worker text. Written with the text; logged once the item
 * is public. The salt is shown only while the text is, so a hidden short text cannot be guessed.
 */
export const textCommitments = sqliteTable(
  'text_commitments',
  {
    itemType: text().notNull(),
    itemId: integer().notNull(),
    // 32 random bytes, base64url
    salt: text().notNull(),
    // hex SHA-256(salt ‖ length-prefixed UTF-8 fields)
    commitment: text().notNull(),
    // names of the committed fields, in hashing order, as they appear in the item's public JSON
    fields: text({ mode: 'json' }).$type<string[]>().notNull(),
    // when the item becomes public; the commitment enters the log then, not earlier, so the log
    // says nothing about when a delayed post was written
    publishAt: integer().notNull(),
    // true while the item's text is not public (hidden by moderation): the salt is then withheld
    withheld: integer({ mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.itemType, t.itemId] }),
    index('text_commitments_publish_idx').on(t.publishAt),
  ],
);

/** Signed checkpoints: the head of the chain at a size. An honest log never signs two heads for one size. */
export const logCheckpoints = sqliteTable('log_checkpoints', {
  size: integer().primaryKey(),
  head: text().notNull(),
  at: integer().notNull(),
  kid: text().notNull(),
  // compact JWS (EdDSA) over the checkpoint payload
  jws: text().notNull(),
});

/** The log's Ed25519 signing keys; the highest generation signs. */
export const logKeys = sqliteTable('log_keys', {
  // 1 for the first key: a fixed number lets concurrent first uses agree on one key
  generation: integer().primaryKey(),
  // RFC 7638 thumbprint of the public JWK
  kid: text().notNull().unique(),
  publicJwk: text({ mode: 'json' }).$type<Record<string, string>>().notNull(),
  // PKCS#8 PEM, sealed under secrets.sealKey
  privateKeySealed: text().notNull(),
  createdAt: integer().notNull(),
});
