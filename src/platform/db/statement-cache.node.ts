import Database from 'libsql';

// per connection; drizzle builds a few dozen distinct statements, `IN (?, ?, …)` lists add more
const MAX_STATEMENTS = 500;
const SCHEMA_CHANGE = /^\s*(?:CREATE|ALTER|DROP)\b/i;

type Prepare = (this: object, sql: string) => unknown;
type Columns = (this: object) => unknown[];
const statements = new WeakMap<object, Map<string, unknown>>();
const columnsOf = new WeakMap<object, unknown[]>();
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
    // a schema change may change what a kept statement returns: start afresh, and keep no DDL
    if (SCHEMA_CHANGE.test(sql)) {
      statements.delete(this);
      return prepare.call(this, sql);
    }
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
  // @libsql/client asks a statement for its columns twice per run, ~20 µs each in the native driver; a
  // prepared statement's result columns only change with the schema, after which it is not reused
  const probe = new Database(':memory:');
  const statementProto = Object.getPrototypeOf(prepare.call(probe, 'SELECT 1')) as { columns: Columns };
  probe.close();
  const columns = statementProto.columns;
  statementProto.columns = function keptColumns() {
    let kept = columnsOf.get(this);
    if (!kept) {
      kept = columns.call(this);
      columnsOf.set(this, kept);
    }
    return kept;
  };
}
