import { and, asc, eq, lte, type SQL, sql } from 'drizzle-orm';
import {
  appeals,
  forumReplies,
  forumThreads,
  logEntries,
  textCommitments,
} from '../../../db/schema/index.js';
import { toBase64Url } from '../../platform/crypto/encoding.js';
import { randomBytes, sha256Hex } from '../../platform/crypto/hash.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { entryRow } from './log.service.js';
import { commitmentInput } from './verifier/log-format.js';

/**
 * Where each committed item type is published; the verifier fetches this URL and hashes the named fields
 * of its JSON. Add a line here for every new kind of worker text.
 */
const ITEM_URLS: Record<string, (id: number) => string> = {
  appeal: (id) => `/api/v1/appeals/${id}`,
  'explainer-version': (id) => `/api/v1/explainer-versions/${id}`,
  'rating-comment': (id) => `/api/v1/ratings/comments/${id}`,
  forum_thread: (id) => `/api/v1/forum/threads/${id}`,
  forum_reply: (id) => `/api/v1/forum/replies/${id}`,
};

export const COMMIT_KIND = 'text.commit';

/**
 * The statement that commits a worker text: a random salt and SHA-256(salt ‖ fields), stored with the
 * item. Put it in the batch that inserts the text. The commitment enters the public log at `publishAt`.
 * @example
 * await db.batch([insertAppeal, ...(await commitText(db, {
 *   itemType: 'appeal', itemId: sql`(SELECT max(id) FROM appeals)`, fields: { title, body }, publishAt }))])
 */
export async function commitText(
  db: Db,
  input: { itemType: string; itemId: number | SQL; fields: Record<string, string>; publishAt: number },
): Promise<BatchItem[]> {
  if (!ITEM_URLS[input.itemType]) throw new Error(`no public URL known for item type ${input.itemType}`);
  const salt = randomBytes(32);
  const names = Object.keys(input.fields);
  return [
    db.insert(textCommitments).values({
      itemType: input.itemType,
      itemId: input.itemId,
      salt: toBase64Url(salt),
      // the verifier's textCommitment, hashed on this thread rather than through WebCrypto's pool
      commitment: sha256Hex(commitmentInput(salt, Object.values(input.fields))),
      fields: names,
      publishAt: input.publishAt,
    }),
  ];
}

/**
 * Withholds (or shows again) an item's salt, for as long as its text is not public. Moderation puts this
 * in the batch that hides or restores the item; `onlyIf` makes it depend on the batch's guarded change.
 */
export function withholdStatements(
  db: Db,
  item: { type: string; id: number },
  withheld: boolean,
  onlyIf?: SQL,
): BatchItem[] {
  return [
    db
      .update(textCommitments)
      .set({ withheld })
      .where(and(eq(textCommitments.itemType, item.type), eq(textCommitments.itemId, item.id), onlyIf)),
  ];
}

/**
 * Logs the commitments of items that have become public, oldest first. Run before every checkpoint (on
 * demand and by the timer). A second run, even a concurrent one, adds nothing (unique per item).
 */
export async function sweepCommitments(db: Db, now: number): Promise<number> {
  let logged = 0;
  for (;;) {
    const due = await db
      .select()
      .from(textCommitments)
      .where(
        and(
          lte(textCommitments.publishAt, now),
          sql`NOT EXISTS (SELECT 1 FROM log_entries l WHERE l.kind = ${COMMIT_KIND} AND l.item_type = ${textCommitments.itemType} AND l.item_id = ${textCommitments.itemId})`,
        ),
      )
      .orderBy(asc(textCommitments.publishAt), asc(textCommitments.itemType), asc(textCommitments.itemId))
      .limit(200);
    if (due.length === 0) return logged;
    const inserts = due.map((c) =>
      db
        .insert(logEntries)
        .values(
          entryRow({
            kind: COMMIT_KIND,
            item: { type: c.itemType, id: c.itemId },
            actor: null,
            now: c.publishAt,
            data: { commitment: c.commitment, fields: c.fields, url: ITEM_URLS[c.itemType]!(c.itemId) },
          }),
        )
        .onConflictDoNothing(),
    );
    await db.batch(inserts as unknown as Parameters<Db['batch']>[0]);
    logged += due.length;
  }
}

/**
 * What a verifier needs to check an item's text: the salt (null while withheld) and the commitment as
 * logged. Null when the item has no logged commitment.
 */
export async function commitmentOpening(db: Db, itemType: string, itemId: number) {
  const [row] = await db
    .select({
      commitment: textCommitments.commitment,
      fields: textCommitments.fields,
      salt: textCommitments.salt,
      withheld: textCommitments.withheld,
      seq: logEntries.seq,
    })
    .from(textCommitments)
    .innerJoin(
      logEntries,
      and(
        eq(logEntries.kind, COMMIT_KIND),
        eq(logEntries.itemType, textCommitments.itemType),
        eq(logEntries.itemId, textCommitments.itemId),
      ),
    )
    .where(and(eq(textCommitments.itemType, itemType), eq(textCommitments.itemId, itemId)));
  if (!row) return null;
  return {
    itemType,
    itemId,
    seq: row.seq,
    commitment: row.commitment,
    fields: row.fields,
    withheld: row.withheld,
    salt: row.withheld ? null : row.salt,
  };
}

/**
 * Published items with no commitment at all: a text added behind the application's back (straight into
 * the database) has none. Only the operator's verifier can ask this; the public sees committed items only.
 */
export async function uncommittedItems(db: Db, now: number): Promise<{ type: string; id: number }[]> {
  const sources = [
    { type: 'appeal', table: appeals },
    { type: 'forum_thread', table: forumThreads },
    { type: 'forum_reply', table: forumReplies },
  ] as const;
  const found = await Promise.all(
    sources.map(async ({ type, table }) => {
      const t = table as typeof appeals;
      const rows = await db
        .select({ id: t.id })
        .from(t)
        .where(
          and(
            lte(t.publishAt, now),
            sql`NOT EXISTS (SELECT 1 FROM text_commitments c WHERE c.item_type = ${type} AND c.item_id = ${t.id})`,
          ),
        );
      return rows.map((r) => ({ type, id: r.id }));
    }),
  );
  return found.flat();
}
