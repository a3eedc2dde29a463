import { and, asc, eq } from 'drizzle-orm';
import { analyticsDictionary, type DictionaryEntryKind } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { appendLog, logStatements, sealLog, staffActor } from '../audit/index.js';
import type { StaffActor } from '../staff/index.js';
import { createSegmenter, normalise, type TextSegmenter } from './text/segmenter.js';
import { STOP_WORDS } from './text/stop-words.lexicon.js';

type Entry = typeof analyticsDictionary.$inferSelect;

/** The admins' dictionary entries, terms first, alphabetical. */
export async function listDictionary(db: Db) {
  const rows = await db
    .select()
    .from(analyticsDictionary)
    .orderBy(asc(analyticsDictionary.kind), asc(analyticsDictionary.term));
  return rows.map(present);
}

/**
 * Adds a domain term or a stop word (logged publicly under the admin's name). The term is stored as the
 * segmenter compares it (NFKC, lower case), so ＡＴＭ and atm are one entry.
 * @example await addDictionaryEntry(db, { kind: 'term', term: '高温费' }, actor, now)
 */
export async function addDictionaryEntry(
  db: Db,
  input: { kind: DictionaryEntryKind; term: string },
  actor: StaffActor,
  now: number,
) {
  const term = normalise(input.term.trim());
  const [existing] = await db
    .select({ id: analyticsDictionary.id })
    .from(analyticsDictionary)
    .where(and(eq(analyticsDictionary.kind, input.kind), eq(analyticsDictionary.term, term)));
  if (existing) throw new AppError('DICTIONARY_ENTRY_EXISTS');
  const [row] = await db
    .insert(analyticsDictionary)
    .values({ kind: input.kind, term, createdBy: actor.id, createdAt: now })
    .returning();
  await appendLog(db, {
    kind: 'analytics-dictionary.add',
    item: { type: 'analytics-dictionary', id: row!.id },
    actor: staffActor(actor),
    now,
    data: { kind: input.kind, term },
  });
  return present(row!);
}

/** Removes an entry (logged publicly); the next analysis run no longer uses it. */
export async function removeDictionaryEntry(db: Db, id: number, actor: StaffActor, now: number) {
  const [row] = await db.select().from(analyticsDictionary).where(eq(analyticsDictionary.id, id));
  if (!row) throw new AppError('DICTIONARY_ENTRY_NOT_FOUND');
  await db.batch([
    db.delete(analyticsDictionary).where(eq(analyticsDictionary.id, id)),
    ...logStatements(db, {
      kind: 'analytics-dictionary.remove',
      item: { type: 'analytics-dictionary', id },
      actor: staffActor(actor),
      now,
      data: { kind: row.kind, term: row.term },
    }),
  ]);
  await sealLog(db);
}

/**
 * The segmenter of one analysis run: built-in lexicons plus the admins' entries, read once here rather
 * than cached, so an edit takes effect on the next run on every instance (Node or Workers) alike.
 */
export async function loadSegmenter(db: Db): Promise<TextSegmenter> {
  const rows = await db.select().from(analyticsDictionary);
  const stopWords = new Set(STOP_WORDS);
  for (const r of rows) if (r.kind === 'stop-word') stopWords.add(r.term);
  return createSegmenter({
    extraTerms: rows.filter((r) => r.kind === 'term').map((r) => r.term),
    stopWords,
  });
}

function present(e: Entry) {
  return { id: e.id, kind: e.kind, term: e.term, createdAt: new Date(e.createdAt).toISOString() };
}
