import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendLog, sealLog, uncommittedItems } from '../../../src/features/audit/index.js';
import type { VerifierState } from '../../../src/features/audit/verifier/index.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { storeAppeal, verify } from './audit-fixture.js';

// What an operator with full database access (and even the server's secrets) might do, and what the
// standalone verifier says about it. Every test starts from a log a verifier has already seen once.
describe('the verifier detects tampering', () => {
  let h: Harness;
  let ids: number[];
  let seen: VerifierState;

  beforeEach(async () => {
    h = await createHarness();
    ids = [
      (await storeAppeal(h, '班车太早', '早班班车 5:10 发车。')).id,
      (await storeAppeal(h, '食堂', '晚饭太早。')).id,
    ];
    await appendLog(h.db, {
      kind: 'settings.update',
      actor: { role: 'admin', username: 'admin' },
      now: h.clock.now(),
      data: { changes: { autoHideWeight: { from: null, to: 5 } } },
    });
    const first = await verify(h);
    expect(first.problems).toEqual([]);
    seen = first.state;
  });
  afterEach(() => h.close());

  const run = (sqlText: string) => h.db.run(sql.raw(sqlText));
  const codes = async (state: VerifierState | null = seen) =>
    (await verify(h, state)).problems.map((p) => p.code);

  it('an edited worker text (the DBA dropped the immutability trigger first)', async () => {
    const triggers = await h.db.all<{ name: string }>(
      sql`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'appeals'`,
    );
    for (const t of triggers) await run(`DROP TRIGGER "${t.name}"`);
    await run(`UPDATE appeals SET body = body || '（已改）' WHERE id = ${ids[0]}`);
    const report = await verify(h, seen);
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'text-mismatch', item: { type: 'appeal', id: ids[0] } }),
    ]);
  });

  it('an edited text whose stored commitment was rewritten to match: the log still holds the original', async () => {
    for (const t of await h.db.all<{ name: string }>(
      sql`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'appeals'`,
    ))
      await run(`DROP TRIGGER "${t.name}"`);
    await run(`UPDATE appeals SET title = '改过的标题' WHERE id = ${ids[1]}`);
    await run(`UPDATE text_commitments SET commitment = '${'ab'.repeat(32)}' WHERE item_id = ${ids[1]}`);
    expect(await codes()).toContain('commitment-mismatch');
  });

  it('a deleted log row', async () => {
    await run('DELETE FROM log_entries WHERE seq = 2');
    const found = await codes();
    expect(found).toContain('gap');
    expect(found).toContain('chain');
  });

  it('reordered log rows', async () => {
    await run('UPDATE log_entries SET seq = -1 WHERE seq = 1');
    await run('UPDATE log_entries SET seq = 1 WHERE seq = 2');
    await run('UPDATE log_entries SET seq = 2 WHERE seq = -1');
    const found = await codes();
    expect(found).toContain('hash');
    expect(found).toContain('chain');
  });

  it('reordered rows re-chained with the server’s own code: the signed checkpoint no longer matches', async () => {
    await run('UPDATE log_entries SET seq = -1 WHERE seq = 1');
    await run('UPDATE log_entries SET seq = 1 WHERE seq = 2');
    await run('UPDATE log_entries SET seq = 2 WHERE seq = -1');
    await run('UPDATE log_entries SET hash = NULL, prev_hash = NULL');
    await sealLog(h.db);
    const found = await codes(null);
    expect(found).not.toContain('chain');
    expect(found).not.toContain('hash');
    expect(found).toContain('checkpoint-mismatch');
  });

  it('two different signed checkpoints for one size (history rewritten and re-signed with the real key)', async () => {
    const size = (await verify(h, seen)).size;
    await run(
      `UPDATE log_entries SET data = replace(data, '"to":5', '"to":50'), hash = NULL, prev_hash = NULL`,
    );
    await sealLog(h.db);
    await run('DELETE FROM log_checkpoints');
    // a verifier with no memory of the log cannot tell: the rewritten log is consistent with itself
    expect((await verify(h, null)).problems).toEqual([]);
    // one that kept the checkpoint it saw holds two signed heads for the same size: proof of a fork
    const report = await verify(h, seen);
    const fork = report.problems.find((p) => p.code === 'fork');
    expect(fork?.message).toContain(`size ${size}`);
    expect(fork?.evidence).toHaveLength(2);
    expect(new Set(fork?.evidence).size).toBe(2);
  });

  it('a truncated log (the newest row deleted)', async () => {
    const { size } = await verify(h, seen);
    await run(`DELETE FROM log_entries WHERE seq = ${size}`);
    expect(await codes()).toContain('truncated');
  });

  it('a replaced signing key', async () => {
    await run('DELETE FROM log_checkpoints');
    await run('DELETE FROM log_keys');
    expect(await codes()).toContain('key-changed');
  });

  it('a published text inserted behind the application, with no commitment (operator check)', async () => {
    await run(
      `INSERT INTO appeals (title, body, category_id, status, pseudonym, receipt_hash, created_at, publish_at)
       VALUES ('插入的', '没有承诺', 1, 'published', 'x', 'fake-${Date.now()}', 0, 0)`,
    );
    expect(await uncommittedItems(h.db, h.clock.now())).toHaveLength(1);
  });
});
