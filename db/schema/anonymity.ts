import { sql } from 'drizzle-orm';
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const issuerKeyStates = ['active', 'next', 'retired'] as const;

/** Privacy Pass issuer keys (RSA-2048, token type 2). At most two are published at a time. */
export const issuerKeys = sqliteTable(
  'issuer_keys',
  {
    // SHA-256 of the public key (RFC 9578 token_key_id), base64url
    id: text().primaryKey(),
    // SPKI with the RSASSA-PSS OID, base64url, as published in the directory
    publicKey: text().notNull(),
    // PKCS#8, sealed with AES-GCM under a key derived from SECRET_KEY
    privateKeySealed: text().notNull(),
    state: text({ enum: issuerKeyStates }).notNull(),
    // seconds since the epoch (RFC 9578 not-before); clients must not use the key earlier
    notBefore: integer().notNull(),
    createdAt: integer().notNull(),
    retiredAt: integer(),
  },
  (t) => [
    // two instances starting at once on an empty database cannot both create a first key
    uniqueIndex('issuer_keys_one_active').on(t.state).where(sql`state = 'active'`),
    uniqueIndex('issuer_keys_one_next').on(t.state).where(sql`state = 'next'`),
  ],
);

/**
 * Nonces of redeemed tokens. Deliberately no time and no reference to content: the primary key is the
 * double-spend guard, inserted in the same batch as the content. Rows go when their key is retired.
 */
export const spentNonces = sqliteTable(
  'spent_nonces',
  {
    keyId: text()
      .notNull()
      .references(() => issuerKeys.id, { onDelete: 'cascade' }),
    nonce: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.nonce] })],
);

export const codeBatches = sqliteTable('code_batches', {
  id: integer().primaryKey({ autoIncrement: true }),
  label: text().notNull(),
  count: integer().notNull(),
  createdBy: text().notNull(),
  createdAt: integer().notNull(),
  expiresAt: integer().notNull(),
});

/** Enrollment codes, stored only as HMAC under a key derived from SECRET_KEY. */
export const enrollmentCodes = sqliteTable('enrollment_codes', {
  codeHash: text().primaryKey(),
  batchId: integer()
    .notNull()
    .references(() => codeBatches.id),
  expiresAt: integer().notNull(),
  revokedAt: integer(),
});

export const saltPurposes = ['ratelimit', 'budget'] as const;
export type SaltPurpose = (typeof saltPurposes)[number];

/** Random per-epoch HMAC keys. Only the current and previous epoch exist; older ones are destroyed. */
export const salts = sqliteTable(
  'salts',
  {
    purpose: text({ enum: saltPurposes }).notNull(),
    // floor(time / epoch length): both sides compute it, nothing finer is kept
    epoch: integer().notNull(),
    key: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.purpose, t.epoch] })],
);

/** Counters keyed by HMAC(salt of the epoch, identity). Deleted with their salt. */
export const counters = sqliteTable(
  'counters',
  {
    purpose: text({ enum: saltPurposes }).notNull(),
    epoch: integer().notNull(),
    keyHash: text().notNull(),
    count: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.purpose, t.epoch, t.keyHash] })],
);
