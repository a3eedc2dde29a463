import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { openCliContext } from '../../src/cli/context.js';
import { seedScaleCommand } from '../../src/cli/seed-scale.command.js';
import { toBase64Url } from '../../src/platform/crypto/encoding.js';
import { randomBytes } from '../../src/platform/crypto/hash.js';
import { halfWrittenAppeals, integrity } from './appeal-consistency.js';

const dir = mkdtempSync(join(tmpdir(), 'zhitong-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('seed --scale', () => {
  it('writes whole appeals, answers, views and forum posts, with the public log chained', async () => {
    const file = join(dir, 'seed.db');
    const ctx = await openCliContext({
      DATABASE_URL: `file:${file}`,
      SECRET_KEY: toBase64Url(randomBytes(32)),
    });
    const out: string[] = [];
    try {
      await seedScaleCommand.run({ ...ctx, out: (l) => out.push(l), err: () => {}, progress: () => {} }, [
        '--scale',
        '120',
      ]);
    } finally {
      ctx.close();
    }
    expect(out, 'only the summary on stdout').toHaveLength(1);
    expect(out[0]).toMatch(/^seeded 120 appeals \(\d+ answered/);

    const db = createClient({ url: `file:${file}` });
    try {
      expect(await integrity(db)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
      expect(await halfWrittenAppeals(db)).toEqual({});
      const one = async (q: string) => Number((await db.execute(q)).rows[0]![0]);
      expect(await one('SELECT count(*) FROM appeals')).toBe(120);
      // every answer is on its appeal's timeline and on the public log
      const answers = await one('SELECT count(*) FROM appeal_answers');
      expect(answers).toBeGreaterThan(50);
      expect(await one("SELECT count(*) FROM appeal_events WHERE kind = 'answered'")).toBe(answers);
      expect(await one("SELECT count(*) FROM log_entries WHERE kind = 'appeal.answer'")).toBe(answers);
      expect(await one("SELECT count(*) FROM log_entries WHERE kind = 'text.commit'")).toBe(120);
      expect(await one('SELECT count(*) FROM log_entries WHERE hash IS NULL')).toBe(0);
      expect(await one('SELECT count(*) FROM log_checkpoints')).toBeGreaterThan(0);
      // worker times coarse (whole hours), receipt hashes distinct
      expect(await one('SELECT count(*) FROM appeals WHERE created_at % 3600000 <> 0')).toBe(0);
      expect(await one('SELECT count(DISTINCT receipt_hash) FROM appeals')).toBe(120);
      expect(await one('SELECT sum(count) FROM page_views')).toBeGreaterThan(600);
      expect(await one('SELECT count(*) FROM forum_threads')).toBe(10);
      expect(await one('SELECT count(*) FROM forum_replies')).toBe(50);
    } finally {
      db.close();
    }
  }, 60_000);
});
