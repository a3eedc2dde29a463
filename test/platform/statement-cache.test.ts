import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/platform/config/config.js';
import { openLibsql } from '../../src/platform/db/libsql.js';

/** Kept prepared statements (and their result columns) must never outlive the schema they were made for. */
describe('the statement cache of the embedded driver', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhitong-stmt-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers a repeated query with its rows, and a query after a schema change with the new columns', async () => {
    const { db, close } = await openLibsql(
      parseConfig({ DATABASE_URL: `file:${join(dir, 's.db')}`, SECRET_KEY: 'k'.repeat(43) }),
    );
    try {
      await db.run(sql`CREATE TABLE t (a INTEGER)`);
      await db.run(sql`INSERT INTO t (a) VALUES (1)`);
      const all = () => db.all<Record<string, unknown>>(sql`SELECT * FROM t`);
      expect(await all()).toEqual([{ a: 1 }]);
      expect(await all()).toEqual([{ a: 1 }]);
      await db.run(sql`ALTER TABLE t ADD COLUMN b TEXT DEFAULT 'x'`);
      expect(await all()).toEqual([{ a: 1, b: 'x' }]);
    } finally {
      close();
    }
  });
});
