import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createClient } from '@libsql/client';

/**
 * Tables a backup never holds. Salts and the counters keyed by them must stay destroyable (a backup would
 * resurrect them); spent nonces and ballots (surveys, ratings) are made moot by retiring their keys at restore.
 */
export const EXCLUDED_TABLES = [
  'salts',
  'counters',
  'spent_nonces',
  'survey_nonces',
  'survey_ballots',
  'rating_nonces',
  'rating_ballots',
] as const;

/**
 * Secrets blanked in a backup: with them a stolen backup plus SECRET_KEY could mint tokens or recompute
 * ballot hashes. Restore retires these keys instead of reusing them.
 */
const SCRUB: [table: string, statement: string][] = [
  ['issuer_keys', "UPDATE issuer_keys SET private_key_sealed = ''"],
  ['survey_keys', "UPDATE survey_keys SET private_key_sealed = '', ballot_salt = ''"],
  ['rating_keys', "UPDATE rating_keys SET private_key_sealed = '', ballot_salt = ''"],
  ...EXCLUDED_TABLES.map((t): [string, string] => [t, `DELETE FROM ${t}`]),
];

export function filePath(url: string): string {
  if (!url.startsWith('file:')) {
    throw new Error(
      `backup and restore work on an embedded file database (DATABASE_URL=file:…), not ${url.split(':')[0]}: — see docs/scaling.md`,
    );
  }
  return url.slice('file:'.length);
}

const quote = (path: string) => `'${path.replace(/'/g, "''")}'`;

function removeWithSidecars(path: string) {
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(f, { force: true });
}

/**
 * A consistent copy of a live database into `target`: `VACUUM INTO` reads one snapshot (WAL readers do not
 * block the server's writes), then the copy is scrubbed with no journal and secure_delete, so the removed
 * rows are overwritten in place rather than kept in a journal, and compacted. Only then is it renamed into
 * place; a failure leaves no file behind.
 */
export async function writeBackup(sourceUrl: string, target: string, progress: (line: string) => void) {
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file`);
  const partial = `${target}.partial`;
  removeWithSidecars(partial);
  const source = createClient({ url: sourceUrl });
  try {
    progress(`copying ${filePath(sourceUrl)} (one consistent snapshot)…`);
    await source.execute('PRAGMA busy_timeout = 5000');
    await source.execute(`VACUUM INTO ${quote(partial)}`);
  } catch (e) {
    removeWithSidecars(partial);
    throw e;
  } finally {
    source.close();
  }
  const copy = createClient({ url: `file:${partial}` });
  try {
    progress(`removing ${EXCLUDED_TABLES.join(', ')} and sealed keys from the copy…`);
    await copy.execute('PRAGMA journal_mode = OFF');
    await copy.execute('PRAGMA secure_delete = ON');
    // a backup of an older schema version may lack some of these tables
    const tables = new Set(
      (await copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map((r) =>
        String(r[0]),
      ),
    );
    for (const [table, statement] of SCRUB) if (tables.has(table)) await copy.execute(statement);
    await copy.execute('VACUUM');
    const check = await copy.execute('PRAGMA integrity_check');
    if (check.rows[0]?.[0] !== 'ok')
      throw new Error(`the copy failed integrity_check: ${check.rows[0]?.[0]}`);
  } catch (e) {
    copy.close();
    removeWithSidecars(partial);
    throw e;
  }
  copy.close();
  renameSync(partial, target);
  return { bytes: statSync(target).size };
}

/** Tables in a database file other than SQLite's own: 0 means a restore may write there. */
export async function tableCount(path: string): Promise<number> {
  if (!existsSync(path)) return 0;
  const client = createClient({ url: `file:${path}` });
  try {
    const r = await client.execute(
      "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    );
    return Number(r.rows[0]?.n ?? 0);
  } finally {
    client.close();
  }
}

/** Copies a backup file to an empty target path, again through `VACUUM INTO` (the backup is not touched). */
export async function copyBackupTo(backup: string, target: string) {
  if (!existsSync(backup)) throw new Error(`no backup file at ${backup}`);
  removeWithSidecars(target);
  mkdirSync(dirname(target) || '.', { recursive: true });
  const client = createClient({ url: `file:${backup}` });
  try {
    const check = await client.execute('PRAGMA quick_check');
    if (check.rows[0]?.[0] !== 'ok') throw new Error(`${backup} is not an intact database`);
    await client.execute(`VACUUM INTO ${quote(target)}`);
  } finally {
    client.close();
  }
}
