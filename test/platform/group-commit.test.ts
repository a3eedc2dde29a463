import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient, type ResultSet } from '@libsql/client';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { groupCommit } from '../../src/platform/db/group-commit.node.js';

let dir: string;
let file: string;
let inner: Client;
let client: Client;
let transactions: number;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zhitong-group-'));
  file = join(dir, 'g.db');
  inner = createClient({ url: `file:${file}`, concurrency: 1 });
  await inner.execute('PRAGMA journal_mode = WAL');
  await inner.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE)');
  // count the transactions the wrapper opens on the real client (not a mock: the call goes through)
  transactions = 0;
  const open = inner.transaction.bind(inner);
  inner.transaction = ((mode) => {
    transactions++;
    return open(mode);
  }) as Client['transaction'];
  client = groupCommit(inner);
});

afterEach(() => {
  client.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (k: string) => ({ sql: 'INSERT INTO t (k) VALUES (?) RETURNING id, k', args: [k] });
const keys = async () => (await client.execute('SELECT k FROM t ORDER BY k')).rows.map((r) => r.k);
const settle = (batches: Promise<ResultSet[]>[]) => Promise.allSettled(batches);

describe('group commit on an embedded libSQL file', () => {
  it('lets batches and reads wait for an interactive transaction held across awaits', async () => {
    const tx = await client.transaction('write');
    await tx.execute(insert('held-1'));
    const batches = [client.batch([insert('after-1')]), client.batch([insert('after-2')])];
    const read = keys();
    // a turn of the event loop with the transaction still open: the others must not run (or fail) now
    await new Promise((resolve) => setImmediate(resolve));
    await tx.execute(insert('held-2'));
    await tx.commit();
    const [a, b] = await Promise.all(batches);
    expect(a![0]!.rows[0]!.k).toBe('after-1');
    expect(b![0]!.rows[0]!.k).toBe('after-2');
    expect(await read).toEqual(['held-1', 'held-2']);
    expect(await keys()).toEqual(['after-1', 'after-2', 'held-1', 'held-2']);
  });

  it('commits concurrent batches in one transaction, each with its own results in order', async () => {
    const names = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    const results = await Promise.all(
      names.map((k) =>
        client.batch([insert(k), { sql: 'SELECT count(*) AS n FROM t WHERE k = ?', args: [k] }]),
      ),
    );
    expect(transactions).toBe(1);
    for (const [i, [inserted, count]] of results.entries()) {
      expect(inserted!.rows[0]!.k, `batch ${i}`).toBe(names[i]);
      // the batch's read sees its own write, inside the shared transaction
      expect(count!.rows[0]!.n, `batch ${i}`).toBe(1);
    }
    expect(new Set(results.map(([r]) => r!.rows[0]!.id)).size).toBe(names.length);
    expect(await keys()).toEqual(names);
  });

  it('fails only the member whose statement fails, rolling back all of its statements', async () => {
    await client.batch([insert('taken')]);
    transactions = 0;
    const outcomes = await settle([
      client.batch([insert('a1'), insert('a2')]),
      client.batch([insert('b1'), insert('taken'), insert('b3')]),
      client.batch([insert('c1')]),
    ]);
    expect(transactions).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const error = (outcomes[1] as PromiseRejectedResult).reason;
    expect(String(error.message)).toMatch(/UNIQUE constraint failed: t\.k/);
    expect(error.code).toBe('SQLITE_CONSTRAINT');
    expect(await keys()).toEqual(['a1', 'a2', 'c1', 'taken']);
  });

  it('runs the neighbours again when a member’s error ends the whole transaction', async () => {
    await client.batch([insert('taken')]);
    transactions = 0;
    const outcomes = await settle([
      client.batch([insert('before')]),
      client.batch([insert('doomed'), { sql: 'INSERT OR ROLLBACK INTO t (k) VALUES (?)', args: ['taken'] }]),
      client.batch([insert('after')]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(transactions).toBe(2);
    expect(await keys()).toEqual(['after', 'before', 'taken']);
  });

  it('acknowledges a batch only once another connection can read its rows', async () => {
    const reader = new Database(file, { readonly: true });
    try {
      const seen = await Promise.all(
        ['x', 'y', 'z'].map((k) =>
          client
            .batch([insert(k)])
            .then(() => reader.prepare('SELECT count(*) FROM t WHERE k = ?').raw(true).get(k)),
        ),
      );
      expect(seen).toEqual([[1], [1], [1]]);
    } finally {
      reader.close();
    }
  });

  it('lets work started while a group is open (a failed member’s caller reading) wait for it', async () => {
    await client.batch([insert('taken')]);
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      work.push(client.batch([insert(`r${i}`)]));
      // a failed member hears at once, while the group still holds the one connection: without the wait
      // this read fails with TRANSACTION_ACTIVE
      work.push(client.batch([insert('taken')]).catch(() => client.execute('SELECT count(*) FROM t')));
    }
    const outcomes = await Promise.allSettled(work);
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect((await keys()).length).toBe(21);
  });

  it('passes read-mode batches and interactive transactions through to the client', async () => {
    await client.batch([insert('one')]);
    const [rows] = await client.batch(['SELECT k FROM t'], 'read');
    expect(rows!.rows.map((r) => r.k)).toEqual(['one']);
    const tx = await client.transaction('write');
    await tx.execute("INSERT INTO t (k) VALUES ('two')");
    await tx.commit();
    expect(await keys()).toEqual(['one', 'two']);
  });
});
