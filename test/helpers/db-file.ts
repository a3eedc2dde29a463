import { readFileSync } from 'node:fs';
import { type Client, createClient, type Value } from '@libsql/client';

export type Row = Record<string, Value>;

export interface TableDump {
  columns: string[];
  /** Columns of this table that reference another table, e.g. `{ from: 'appeal_id', table: 'appeals' }`. */
  foreignKeys: { from: string; table: string; to: string }[];
  rows: Row[];
}

/**
 * Everything in a database file, read through a separate connection as someone holding a copy of the
 * file would: every table (SQLite's own excepted), every column, every row, with rowids.
 */
export async function dumpDatabaseFile(file: string): Promise<Map<string, TableDump>> {
  const client: Client = createClient({ url: `file:${file}` });
  try {
    const tables = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    const out = new Map<string, TableDump>();
    for (const { name } of tables.rows) {
      const table = String(name);
      const q = `"${table.replace(/"/g, '""')}"`;
      const info = await client.execute(`PRAGMA table_info(${q})`);
      const fks = await client.execute(`PRAGMA foreign_key_list(${q})`);
      const rows = await client.execute(`SELECT * FROM ${q}`);
      out.set(table, {
        columns: info.rows.map((r) => String(r.name)),
        foreignKeys: fks.rows.map((r) => ({
          from: String(r.from),
          table: String(r.table),
          to: String(r.to),
        })),
        rows: rows.rows.map((r) => Object.fromEntries(rows.columns.map((c) => [c, r[c] as Value]))),
      });
    }
    return out;
  } finally {
    client.close();
  }
}

/** A stored value as text, so that strings can be searched for inside it (blobs as hex and latin1). */
export function cellText(v: Value): string {
  if (v === null) return '';
  if (v instanceof ArrayBuffer) {
    const bytes = new Uint8Array(v);
    return `${Buffer.from(bytes).toString('hex')} ${Buffer.from(bytes).toString('latin1')}`;
  }
  return String(v);
}

/** The raw bytes of the database file and its WAL, as latin1 text, for searching deleted remnants. */
export function rawFileText(file: string): string {
  const parts = [file, `${file}-wal`].map((f) => {
    try {
      return readFileSync(f).toString('latin1');
    } catch {
      return '';
    }
  });
  return parts.join('\n');
}
