import type { Db } from './db.js';

const kept = new WeakMap<Db, Map<object, unknown>>();

/**
 * `build(db)` once per database: for drizzle prepared queries (`….prepare()` with `sql.placeholder`) on
 * hot read paths, where building the SQL again on every call cost more than running it.
 * @example const byId = (db: Db) => db.select().from(appeals).where(eq(appeals.id, sql.placeholder('id'))).prepare();
 *          const [row] = await prepared(db, byId).all({ id });
 */
export function prepared<Q>(db: Db, build: (db: Db) => Q): Q {
  let queries = kept.get(db);
  if (!queries) {
    queries = new Map();
    kept.set(db, queries);
  }
  let query = queries.get(build) as Q | undefined;
  if (!query) {
    query = build(db);
    queries.set(build, query);
  }
  return query;
}
