import { and, asc, desc, eq, gt, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { logEntries } from '../../../db/schema/index.js';
import { MINUTE } from '../../platform/clock.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { canonicalJson, entryHash, GENESIS, type LogActor, type LogEntry } from './verifier/log-format.js';

/** What a caller logs. `item.id` may be SQL (e.g. the id an earlier statement of the same batch made). */
export interface LogInput {
  kind: string;
  item?: { type: string; id: number | SQL } | null;
  /** a staff member (username + role); null for what no person did (commitments) */
  actor?: LogActor | null;
  /** rounded down to the minute here */
  now: number;
  data?: Record<string, unknown>;
}

// e.g. moderation.hide, staff.create, appeal.answer
const KIND = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;

export function entryRow(entry: LogInput) {
  if (!KIND.test(entry.kind)) throw new Error(`invalid log kind: ${entry.kind}`);
  return {
    kind: entry.kind,
    itemType: entry.item?.type ?? null,
    itemId: entry.item?.id ?? null,
    actorRole: entry.actor?.role ?? null,
    actorUsername: entry.actor?.username ?? null,
    at: Math.floor(entry.now / MINUTE) * MINUTE,
    data: canonicalJson(entry.data ?? {}),
  };
}

/**
 * The statements that append one entry; put them in the same `db.batch` as the action, so both land or
 * neither does. The entry is chained (hashed) right after, by `sealLog`, in seq order.
 * With `onlyIfChanged`, the entry is written only if the statement just before it in the batch changed
 * exactly one row: a guarded state change (`UPDATE … WHERE state = 'visible'`) logs only when it happened.
 * @example await db.batch([db.update(t).set(v).where(w), ...logStatements(db, { kind: 'moderation.hide', … })])
 */
export function logStatements(db: Db, entry: LogInput, opts: { onlyIfChanged?: boolean } = {}): BatchItem[] {
  const r = entryRow(entry);
  if (!opts.onlyIfChanged) return [db.insert(logEntries).values(r)];
  return [
    db.run(
      sql`INSERT INTO log_entries (kind, item_type, item_id, actor_role, actor_username, at, data) SELECT ${r.kind}, ${r.itemType}, ${r.itemId}, ${r.actorRole}, ${r.actorUsername}, ${r.at}, ${r.data} WHERE changes() = 1`,
    ),
  ];
}

/**
 * Appends entries on their own (for actions whose service writes by itself, e.g. a salt rotation) and
 * chains them.
 */
export async function appendLog(db: Db, ...entries: LogInput[]): Promise<void> {
  const statements = entries.flatMap((e) => logStatements(db, e));
  await db.batch(statements as unknown as Parameters<Db['batch']>[0]);
  await sealLog(db);
}

type Row = typeof logEntries.$inferSelect;

function fields(row: Row): Omit<LogEntry, 'prev' | 'hash'> {
  return {
    seq: row.seq,
    kind: row.kind,
    item: row.itemType === null ? null : { type: row.itemType, id: row.itemId ?? 0 },
    actor: row.actorRole === null ? null : { role: row.actorRole, username: row.actorUsername ?? '' },
    at: new Date(row.at).toISOString(),
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

/**
 * Chains every unhashed entry: prev = hash of the entry before, hash = entryHash(prev, entry). Safe to run
 * concurrently (from several requests or processes): the result is a function of the rows, and a row
 * already hashed is never rewritten.
 */
export async function sealLog(db: Db): Promise<void> {
  for (;;) {
    const pending = await db
      .select()
      .from(logEntries)
      .where(isNull(logEntries.hash))
      .orderBy(asc(logEntries.seq))
      .limit(200);
    if (pending.length === 0) return;
    const [before] = await db
      .select({ hash: logEntries.hash })
      .from(logEntries)
      .where(lt(logEntries.seq, pending[0]!.seq))
      .orderBy(desc(logEntries.seq))
      .limit(1);
    let prev = before?.hash ?? GENESIS;
    const updates = [];
    for (const row of pending) {
      const hash = await entryHash(prev, fields(row));
      updates.push(
        db
          .update(logEntries)
          .set({ prevHash: prev, hash })
          .where(and(eq(logEntries.seq, row.seq), isNull(logEntries.hash))),
      );
      prev = hash;
    }
    await db.batch(updates as unknown as Parameters<Db['batch']>[0]);
  }
}

/** Chained entries after `after`, in order, as published. */
export async function readEntries(db: Db, after: number, limit: number): Promise<LogEntry[]> {
  const rows = await db
    .select()
    .from(logEntries)
    .where(and(gt(logEntries.seq, after), isNotNull(logEntries.hash)))
    .orderBy(asc(logEntries.seq))
    .limit(limit);
  return rows.map((r) => ({ ...fields(r), prev: r.prevHash!, hash: r.hash! }));
}

/** The size of the chained log and the hash of its last entry. */
export async function logHead(db: Db): Promise<{ size: number; head: string }> {
  const [last] = await db
    .select({ seq: logEntries.seq, hash: logEntries.hash })
    .from(logEntries)
    .where(isNotNull(logEntries.hash))
    .orderBy(desc(logEntries.seq))
    .limit(1);
  return last ? { size: last.seq, head: last.hash! } : { size: 0, head: GENESIS };
}
