import Database from 'libsql';

export interface ChangeWatch {
  /** Changes whenever any connection (this process's, the CLI's) commits to the database. */
  version(): number;
  /**
   * Runs `write`, a transaction that calls `locked()` once it holds the write lock (so nobody else can
   * commit until it does): its own commit then leaves `version()` as it was. For writes no reader is shown,
   * like page-view counts, so they do not empty what is kept per version.
   */
  quietly(write: (locked: () => void) => Promise<unknown>): Promise<void>;
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
  const dataVersion = () => Number(value('PRAGMA data_version'));
  // data_version as last seen, and the count of changes seen, which is what callers get
  let seen = dataVersion();
  let changes = 0;
  const version = () => {
    const now = dataVersion();
    if (now !== seen) {
      seen = now;
      changes++;
    }
    return changes;
  };
  return {
    version,
    async quietly(write) {
      let before: number | undefined;
      await write(() => {
        version();
        before = seen;
      });
      const after = dataVersion();
      // nobody has looked since the lock was taken: the only commit since is ours
      if (before !== undefined && seen === before) seen = after;
    },
    value,
    close: () => conn.close(),
  };
}
