import Database from 'libsql';

export interface ChangeWatch {
  /** Changes whenever any connection (this process's, the CLI's) commits to the database. */
  version(): number;
  /** One value from a read-only query on the watching connection (e.g. when the next timed change is due). */
  value(sql: string, ...args: (number | string)[]): unknown;
  close(): void;
}

/**
 * A second, read-only connection to an embedded database file that never writes: its
 * `PRAGMA data_version` moves with every commit made by anyone else, i.e. by everyone. Reading it is a
 * synchronous call of a few microseconds. Node only; undefined for a server or in-memory database.
 * @example const watch = watchChanges(config.DATABASE_URL); watch?.version()
 */
export function watchChanges(url: string): ChangeWatch | undefined {
  if (!url.startsWith('file:')) return undefined;
  const conn = new Database(url.slice('file:'.length), { readonly: true });
  // raw: rows as arrays (the driver's pluck() applies to all(), not get())
  const queries = new Map<string, ReturnType<typeof conn.prepare>>();
  const value = (sql: string, ...args: (number | string)[]) => {
    const stmt = queries.get(sql) ?? conn.prepare(sql).raw(true);
    queries.set(sql, stmt);
    return (stmt.get(args) as unknown[] | undefined)?.[0];
  };
  return {
    version: () => Number(value('PRAGMA data_version')),
    value,
    close: () => conn.close(),
  };
}
