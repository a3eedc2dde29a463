import type { D1Database } from '@cloudflare/workers-types';
import { is } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/d1';
import { SQLiteRaw } from 'drizzle-orm/sqlite-core/query-builders/raw';
import * as schema from '../../../db/schema/index.js';
import type { Db } from './db.js';

/**
 * drizzle over a D1 binding, as the same `Db` the features use. drizzle's D1 `batch()` binds each item's
 * `stmt`, which a raw `db.run(sql)` (the search-index inserts, guarded log entries) does not have, so every
 * such batch failed with a TypeError; the item gets its prepared statement before the batch runs.
 */
export function d1Database(binding: D1Database): Db {
  const db = drizzle(binding, { schema, casing: 'snake_case' });
  const batch = db.batch.bind(db);
  db.batch = ((items: readonly unknown[]) => {
    for (const item of items) {
      if (is(item, SQLiteRaw) && !('stmt' in item))
        Object.assign(item, { stmt: binding.prepare(item.getQuery().sql) });
    }
    return batch(items as unknown as Parameters<typeof batch>[0]);
  }) as unknown as typeof db.batch;
  return db as unknown as Db;
}
