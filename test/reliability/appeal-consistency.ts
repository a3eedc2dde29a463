import type { Client } from '@libsql/client';

/**
 * What one appeal create writes in its batch, each as a query listing the appeals (or rows) that break
 * it. An empty result everywhere means no create was half-written: the batch landed whole or not at all.
 */
const RULES: Record<string, string> = {
  'appeal without exactly one submitted event': `SELECT a.id FROM appeals a
    WHERE (SELECT count(*) FROM appeal_events e WHERE e.appeal_id = a.id AND e.kind = 'submitted') <> 1`,
  'routed appeal without its assigned event': `SELECT a.id FROM appeals a WHERE a.department_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM appeal_events e WHERE e.appeal_id = a.id AND e.kind = 'assigned')`,
  'appeal missing from the trigram index': `SELECT a.id FROM appeals a
    WHERE NOT EXISTS (SELECT 1 FROM appeal_search_trigram t WHERE t.rowid = a.id)`,
  'appeal missing from the bigram index': `SELECT a.id FROM appeals a
    WHERE NOT EXISTS (SELECT 1 FROM appeal_search_bigram b WHERE b.rowid = a.id)`,
  'trigram row without an appeal': `SELECT rowid FROM appeal_search_trigram
    WHERE rowid NOT IN (SELECT id FROM appeals)`,
  'bigram row without an appeal': `SELECT rowid FROM appeal_search_bigram
    WHERE rowid NOT IN (SELECT id FROM appeals)`,
  'appeal without its text commitment': `SELECT a.id FROM appeals a WHERE NOT EXISTS
    (SELECT 1 FROM text_commitments c WHERE c.item_type = 'appeal' AND c.item_id = a.id)`,
  'text commitment without an appeal': `SELECT item_id FROM text_commitments
    WHERE item_type = 'appeal' AND item_id NOT IN (SELECT id FROM appeals)`,
  'appeal without its inbox item': `SELECT a.id FROM appeals a WHERE NOT EXISTS
    (SELECT 1 FROM staff_notifications n WHERE n.dedupe_key = 'new:' || a.id)`,
  'event of a missing appeal': `SELECT id FROM appeal_events WHERE appeal_id NOT IN (SELECT id FROM appeals)`,
};

/** Every broken rule with the offending ids; `{}` when the database is whole. */
export async function halfWrittenAppeals(db: Client): Promise<Record<string, number[]>> {
  const broken: Record<string, number[]> = {};
  for (const [rule, query] of Object.entries(RULES)) {
    const rows = (await db.execute(query)).rows;
    if (rows.length) broken[rule] = rows.map((r) => Number(r[0]));
  }
  return broken;
}

/** `ok`, or SQLite's list of problems, after a full integrity and a foreign-key check. */
export async function integrity(db: Client): Promise<{ integrity: string; foreignKeyViolations: number }> {
  const check = (await db.execute('PRAGMA integrity_check')).rows.map((r) => String(r[0])).join('\n');
  const fk = (await db.execute('PRAGMA foreign_key_check')).rows.length;
  return { integrity: check, foreignKeyViolations: fk };
}
