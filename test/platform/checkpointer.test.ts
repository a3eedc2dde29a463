import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/platform/config/config.js';
import { startCheckpointer, WRITER_CHECKPOINT_PAGES } from '../../src/platform/db/checkpointer.node.js';
import { openLibsql } from '../../src/platform/db/libsql.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempFile = () => {
  const d = mkdtempSync(join(tmpdir(), 'zhitong-ckpt-'));
  dirs.push(d);
  return join(d, 'c.db');
};

describe('checkpoints on their own thread', () => {
  it('copies committed pages from the WAL into the database file while the writer never checkpoints', async () => {
    const file = tempFile();
    const writer = createClient({ url: `file:${file}` });
    await writer.execute('PRAGMA journal_mode = WAL');
    await writer.execute('PRAGMA wal_autocheckpoint = 0');
    await writer.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    for (let i = 0; i < 20; i++) {
      await writer.batch(
        Array.from({ length: 50 }, () => ({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['x'.repeat(1000)] })),
      );
    }
    // ~1 MB of rows, all of it still in the WAL
    expect(statSync(file).size).toBeLessThan(100_000);
    const stop = startCheckpointer(file, 10);
    try {
      await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(1_000_000), { timeout: 10_000 });
      const rows = await writer.execute('SELECT count(*) AS n FROM t');
      expect(rows.rows[0]!.n).toBe(1000);
    } finally {
      stop();
      writer.close();
    }
  });

  it('an opened embedded database leaves checkpoints to the thread, keeping its own only as a backstop', async () => {
    const file = tempFile();
    const { db, close } = await openLibsql(
      parseConfig({ DATABASE_URL: `file:${file}`, SECRET_KEY: 'k'.repeat(43), PUBLIC_ORIGIN: 'http://x' }),
      { checkpointThread: true },
    );
    try {
      const [row] = await db.all<{ wal_autocheckpoint: number }>(sql`PRAGMA wal_autocheckpoint`);
      expect(row?.wal_autocheckpoint).toBe(WRITER_CHECKPOINT_PAGES);
    } finally {
      close();
    }
  });
});
