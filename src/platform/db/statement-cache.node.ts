import Database from 'libsql';

// per connection; drizzle builds a few dozen distinct statements, `IN (?, ?, …)` lists add more
const MAX_STATEMENTS = 500;

type Prepare = (this: object, sql: string) => unknown;
const statements = new WeakMap<object, Map<string, unknown>>();
let installed = false;

/**
 * Makes the embedded `libsql` driver (under @libsql/client on Node) keep prepared statements per
 * connection, least recently used dropped past 500. @libsql/client prepares every statement on every call;
 * that was a quarter of the CPU of a read. SQLite re-prepares a kept statement itself after a schema change.
 * Idempotent; the Workers entry never loads this file.
 */
export function cacheStatements(): void {
  if (installed) return;
  installed = true;
  const proto = Database.prototype as unknown as { prepare: Prepare };
  const prepare = proto.prepare;
  proto.prepare = function preparedOnce(sql) {
    const kept = statements.get(this) ?? new Map<string, unknown>();
    statements.set(this, kept);
    let stmt = kept.get(sql);
    if (stmt) {
      kept.delete(sql);
    } else {
      stmt = prepare.call(this, sql);
      if (kept.size >= MAX_STATEMENTS) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, stmt);
    return stmt;
  };
}
