import { AuthorizationHeader, TOKEN_TYPES } from '@cloudflare/privacypass-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, MINUTE } from '../../src/platform/clock.js';
import { fromBase64Url, normaliseGroupedBase32, toBase64Url } from '../../src/platform/crypto/encoding.js';
import { keyedHash } from '../../src/platform/crypto/hash.js';
import { cellText, dumpDatabaseFile, type TableDump } from '../helpers/db-file.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { fetchTokens } from '../helpers/wallet.js';

// Where issuance leaves its traces (codes, code batches, salted budget/rate counters, the salts). Nothing
// derived from a worker's identity may appear in any other table, and no key may join the two sides.
const ISSUANCE_TABLES = new Set(['enrollment_codes', 'code_batches', 'counters', 'salts']);

/**
 * The adversary: a curious operator holding a copy of the database file and every server secret
 * (SECRET_KEY and all keys derived from it, and the salts in the file), who also knows both workers'
 * enrollment codes. Two workers, A and B, each obtain three tokens and post three appeals, interleaved
 * and minutes apart within one hour. All six posts carry the same text and category, so any difference
 * between them comes from the server, not from what a worker chose to write (writing style is outside
 * what the server can protect: see SECURITY.md).
 */
describe('unlinkability: the database and all secrets link no post to another, to an issuance or to a code', () => {
  let h: Harness;
  let dump: Map<string, TableDump>;
  const codes: string[] = [];
  const posts: { worker: 'A' | 'B'; id: number; nonce: string; receipt: string; postedAt: number }[] = [];

  beforeAll(async () => {
    h = await createHarness();
    codes.push(...((await h.codes(2)) as string[]));
    const wallets = {
      A: await fetchTokens(h.request, codes[0]!, 3),
      B: await fetchTokens(h.request, codes[1]!, 3),
    };
    h.clock.advance(5 * MINUTE);
    for (let i = 0; i < 3; i++) {
      for (const worker of ['A', 'B'] as const) {
        const authorization = wallets[worker][i]!;
        const res = await h.postJson(
          '/api/v1/appeals',
          { title: '夜班餐补标准', body: '夜班餐补多年未调整，请说明标准。', categoryId: 1 },
          { authorization },
        );
        expect(res.status, await res.clone().text()).toBe(201);
        const { id, receipt } = (await res.json()) as { id: number; receipt: string };
        const token = AuthorizationHeader.parse(TOKEN_TYPES.BLIND_RSA, authorization)[0]!.token;
        posts.push({
          worker,
          id,
          receipt,
          nonce: toBase64Url(token.authInput.nonce),
          postedAt: h.clock.now(),
        });
        h.clock.advance(7 * MINUTE);
      }
    }
    dump = await dumpDatabaseFile(h.dbFile);
  });
  afterAll(() => h.close());

  /**
   * The stored rows that belong to one post: its appeals row, every row of any table whose foreign key
   * points at it (timeline events, search and inbox rows, …), and the spent_nonces row of its token.
   * spent_nonces has no reference to the post by design; only the client knows which nonce it spent.
   */
  function rowsOf(post: (typeof posts)[number]) {
    const out: { table: string; row: Record<string, unknown> }[] = [];
    for (const [table, t] of dump) {
      if (table === 'appeals') for (const row of t.rows) if (row.id === post.id) out.push({ table, row });
      for (const fk of t.foreignKeys.filter((f) => f.table === 'appeals'))
        for (const row of t.rows) if (row[fk.from] === post.id) out.push({ table, row });
    }
    for (const row of dump.get('spent_nonces')!.rows)
      if (row.nonce === post.nonce) out.push({ table: 'spent_nonces', row });
    return out;
  }

  // Compared: every column of every row attributed to a post (rowsOf). Each column must either hold the
  // same value for all six posts — category, department, status, title/body (same text by construction),
  // created_at and publish_at (whole hours), timeline kind/at, spent_nonces.key_id (one live key): a value
  // every post shares cannot tell A's posts from B's — or a value no other post holds — row ids and the
  // references to them, pseudonym, receipt_hash, spent_nonces.nonce. A column holding a value shared by
  // some posts but not all (e.g. anything per worker) fails the test.
  it('(a) every stored column of a post is either the same for all six posts or unique to one post', () => {
    // per (table.column): the values each post holds there
    const byColumn = new Map<string, string[][]>();
    posts.forEach((post, i) => {
      for (const { table, row } of rowsOf(post))
        for (const [col, v] of Object.entries(row)) {
          const key = `${table}.${col}`;
          if (!byColumn.has(key))
            byColumn.set(
              key,
              posts.map(() => []),
            );
          byColumn.get(key)![i]!.push(JSON.stringify(v));
        }
    });
    const uniform: string[] = [];
    const unique: string[] = [];
    for (const [column, perPost] of byColumn) {
      const sets = perPost.map((vs) => [...new Set(vs)].sort().join('|'));
      if (new Set(sets).size === 1) {
        uniform.push(column);
        continue;
      }
      // not uniform: then no value may be held by two posts, of the same worker or not
      const seen = new Map<string, number>();
      perPost.forEach((vs, i) => {
        for (const v of new Set(vs)) {
          expect(seen.get(v), `${column} = ${v} shared by posts ${seen.get(v)} and ${i}`).toBeUndefined();
          seen.set(v, i);
        }
      });
      unique.push(column);
    }
    // the columns that tell posts apart are the per-post ones, and nothing more
    for (const col of ['appeals.pseudonym', 'appeals.receipt_hash', 'spent_nonces.nonce'])
      expect(unique, col).toContain(col);
    for (const col of ['appeals.created_at', 'appeals.category_id', 'appeals.status', 'spent_nonces.key_id'])
      expect(uniform, col).toContain(col);
    // and no per-post string (pseudonym, hash, nonce…) reappears in another post's rows under another
    // column; integers are left out: row ids of different tables count independently and collide by chance
    const owner = new Map<string, number>();
    posts.forEach((post, i) => {
      for (const { table, row } of rowsOf(post))
        for (const [col, v] of Object.entries(row)) {
          if (!unique.includes(`${table}.${col}`) || typeof v !== 'string') continue;
          const text = v;
          expect(owner.get(text) ?? i, `${table}.${col}`).toBe(i);
          owner.set(text, i);
        }
    });
  });

  it('(a) stored times are the hour, shared by all six posts though they were made 35 minutes apart', () => {
    const appeals = dump.get('appeals')!.rows;
    const hour = Math.floor(posts[0]!.postedAt / HOUR) * HOUR;
    expect(posts.at(-1)!.postedAt - posts[0]!.postedAt).toBe(35 * MINUTE);
    for (const row of appeals) {
      expect(row.created_at).toBe(hour);
      expect(Number(row.publish_at) % HOUR).toBe(0);
    }
    // every time stored with a post, in any table, is a whole hour
    for (const post of posts)
      for (const { table, row } of rowsOf(post))
        for (const [col, v] of Object.entries(row))
          if (/(^|_)(at|since)$/.test(col) && v !== null) expect(Number(v) % HOUR, `${table}.${col}`).toBe(0);
  });

  // Derived values searched for (as substrings of every cell of every table outside ISSUANCE_TABLES): both
  // codes as printed and normalised, their keyed hashes (enrollment_codes.code_hash), the budget subjects
  // `code:<hash>`, and HMACs of each of these under every stored salt and every key derived from
  // SECRET_KEY, framed as the code frames them (purpose 'budget', 'ratelimit'+'issuance', …) and bare;
  // plus every counters.key_hash and enrollment_codes.code_hash actually stored.
  it('(b) no value derived from either code, under any secret or stored salt, is stored outside issuance', () => {
    const salts = dump
      .get('salts')!
      .rows.map((r) => ({ purpose: String(r.purpose), key: fromBase64Url(String(r.key)) }));
    expect(salts.length).toBeGreaterThan(0);
    const secretKeys = Object.values(h.secrets) as Uint8Array[];
    const derived = new Set<string>();
    for (const code of codes) {
      const codeHash = keyedHash(h.secrets.codeKey, 'enrollment-code', normaliseGroupedBase32(code));
      // positive control: this is exactly how the code is stored, and how its budget counter is keyed
      expect(dump.get('enrollment_codes')!.rows.map((r) => r.code_hash)).toContain(codeHash);
      const budgetKeys = salts
        .filter((s) => s.purpose === 'budget')
        .map((s) => keyedHash(s.key, 'budget', `code:${codeHash}`));
      expect(dump.get('counters')!.rows.map((r) => r.key_hash)).toEqual(expect.arrayContaining(budgetKeys));
      const identities = [code, normaliseGroupedBase32(code), codeHash, `code:${codeHash}`];
      for (const id of identities) {
        derived.add(id);
        for (const key of [...salts.map((s) => s.key), ...secretKeys])
          for (const framing of [
            [],
            ['budget'],
            ['ratelimit'],
            ['ratelimit', 'issuance'],
            ['enrollment-code'],
            ['receipt'],
          ])
            derived.add(keyedHash(key, ...framing, id));
      }
    }
    for (const t of ['counters', 'enrollment_codes'])
      for (const r of dump.get(t)!.rows) derived.add(String(r.key_hash ?? r.code_hash));
    for (const [table, t] of dump) {
      if (ISSUANCE_TABLES.has(table)) continue;
      for (const row of t.rows)
        for (const [col, v] of Object.entries(row)) {
          const text = cellText(v);
          for (const d of derived)
            expect(text.includes(d), `${table}.${col} holds ${d.slice(0, 12)}…`).toBe(false);
        }
    }
  });

  it('(b) the schema has no key joining issuance tables and content tables, in either direction', () => {
    for (const [table, t] of dump)
      for (const fk of t.foreignKeys)
        expect(ISSUANCE_TABLES.has(table), `${table}.${fk.from} → ${fk.table}`).toBe(
          ISSUANCE_TABLES.has(fk.table),
        );
    // what issuance keeps is exactly this, nothing about the worker beyond a keyed hash
    expect(dump.get('enrollment_codes')!.columns).toEqual([
      'code_hash',
      'batch_id',
      'expires_at',
      'revoked_at',
    ]);
    expect(dump.get('counters')!.columns).toEqual(['purpose', 'epoch', 'key_hash', 'count']);
    // a spent token leaves its key and nonce: no time, no reference to the post
    expect(dump.get('spent_nonces')!.columns).toEqual(['key_id', 'nonce']);
    // and no other table has a column named for a code, its batch or a worker's subject (staff are
    // named: their own company subject binds their account)
    for (const [table, t] of dump) {
      if (ISSUANCE_TABLES.has(table) || table === 'staff') continue;
      expect(
        t.columns.filter((c) => /code_hash|batch_id|subject/.test(c)),
        table,
      ).toEqual([]);
    }
  });

  it('(b) receipts are stored only as their keyed hash', () => {
    const hashes = dump.get('appeals')!.rows.map((r) => r.receipt_hash);
    for (const { receipt } of posts) {
      expect(hashes).toContain(keyedHash(h.secrets.receiptKey, 'receipt', normaliseGroupedBase32(receipt)));
      for (const [table, t] of dump)
        for (const row of t.rows)
          for (const v of Object.values(row)) {
            const text = cellText(v);
            expect(text.includes(receipt) || text.includes(normaliseGroupedBase32(receipt)), table).toBe(
              false,
            );
          }
    }
  });
});
