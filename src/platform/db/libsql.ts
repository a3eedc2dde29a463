import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from '../../../db/schema/index.js';
import type { Config } from '../config/config.js';
import { PROJECT_ROOT } from '../config/project-root.node.js';
import { startCheckpointer, WRITER_CHECKPOINT_PAGES } from './checkpointer.node.js';
import type { Db } from './db.js';
import { groupCommit } from './group-commit.node.js';
import { cacheStatements } from './statement-cache.node.js';

export const migrationsFolder = join(PROJECT_ROOT, 'db/migrations');

export interface OpenDatabase {
  db: Db;
  close(): void;
}

/**
 * Opens the configured libSQL database: an embedded file (folder created) or a libSQL server / Turso.
 * `checkpointThread`: the server's long-lived writer copies WAL pages into the file on a thread of its own;
 * short-lived openers (CLI, tests) leave that to SQLite.
 * @example const { db, close } = await openLibsql(config, { checkpointThread: true })
 */
export async function openLibsql(
  config: Pick<Config, 'DATABASE_URL' | 'DATABASE_AUTH_TOKEN' | 'DATABASE_SYNC'>,
  opts: { checkpointThread?: boolean } = {},
): Promise<OpenDatabase> {
  const url = config.DATABASE_URL;
  const isFile = url.startsWith('file:');
  if (isFile) mkdirSync(dirname(url.slice('file:'.length)) || '.', { recursive: true });
  cacheStatements();
  const opened = createClient({
    url,
    authToken: config.DATABASE_AUTH_TOKEN,
    // one connection: per-connection PRAGMAs below then hold for every statement, and the embedded
    // engine is synchronous anyway, so a pool would add hops without adding parallelism
    concurrency: 1,
    // wait up to 5 s for another process (the CLI) holding the write lock instead of failing at once
    timeout: 5000,
  });
  // an embedded file: concurrent batches share one commit (see group-commit.node.ts)
  const client = isFile ? groupCommit(opened) : opened;
  if (isFile || url === ':memory:') {
    // WAL: readers never block the writer, and commits append instead of rewriting pages
    await client.execute('PRAGMA journal_mode = WAL');
    // an acknowledged commit is in the WAL: NORMAL survives kill -9, FULL also survives power loss
    await client.execute(`PRAGMA synchronous = ${config.DATABASE_SYNC.toUpperCase()}`);
    // references between tables are enforced, not assumed
    await client.execute('PRAGMA foreign_keys = ON');
    await client.execute('PRAGMA busy_timeout = 5000');
    // deleted rows (destroyed salts, counters, withdrawn text) are overwritten, not left in free pages
    await client.execute('PRAGMA secure_delete = ON');
  }
  // commits stay on this thread; copying them from the WAL into the file moves to another one
  const stopCheckpoints =
    isFile && opts.checkpointThread ? startCheckpointer(url.slice('file:'.length)) : undefined;
  if (stopCheckpoints) await client.execute(`PRAGMA wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
  const close = () => {
    stopCheckpoints?.();
    client.close();
  };
  return { db: drizzle(client, { schema, casing: 'snake_case' }), close };
}

/** Applies pending drizzle-kit migrations from db/migrations. Returns nothing; safe to repeat. */
export async function migrateLibsql(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}
