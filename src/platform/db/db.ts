import { sql } from 'drizzle-orm';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type * as schema from '../../../db/schema/index.js';

/**
 * The database every feature receives. On Workers a D1 database is passed under this type: drizzle gives
 * both the same query builder and `batch()`; features use `.returning()` rather than driver run results.
 */
export type Db = LibSQLDatabase<typeof schema>;

/** Statements a feature hands to `db.batch()`, which runs them atomically on libSQL and D1 alike. */
export type BatchItem = Parameters<Db['batch']>[0][number];

/** How many migrations the database has applied (drizzle's journal on Node, wrangler's on D1). */
export async function appliedMigrations(db: Db): Promise<number> {
  for (const table of ['__drizzle_migrations', 'd1_migrations']) {
    const exists = await db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${table}`,
    );
    if (exists[0]?.n) {
      const rows = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`);
      return rows[0]?.n ?? 0;
    }
  }
  return 0;
}
