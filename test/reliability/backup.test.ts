import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { EXCLUDED_TABLES } from '../../src/cli/backup-copy.js';
import { systemClock } from '../../src/platform/clock.js';
import { nodeBlindSigner } from '../../src/platform/crypto/blind-signer.node.js';
import { openLibsql } from '../../src/platform/db/libsql.js';
import { memoryLogger } from '../../src/platform/log.js';
import { dumpDatabaseFile, type TableDump } from '../helpers/db-file.js';
import { createHarness, type Harness, ORIGIN } from '../helpers/harness.js';
import { errorOf, fetchTokens } from '../helpers/wallet.js';
import { halfWrittenAppeals, integrity } from './appeal-consistency.js';
import { mintTokens } from './minted-tokens.js';

/** `npm run cli -- <args>` in its own process, as an operator runs it. */
function cli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const rowsOf = (t: Pick<TableDump, 'rows'> | undefined) =>
  (t?.rows ?? []).map((r) => JSON.stringify(r)).sort();
// FTS5 keeps its index in shadow tables whose b-tree segments are merged as rows arrive; their content
// is compared through the virtual tables and the appeal consistency rules instead
const FTS_SHADOW = /^appeal_search_\w+_(data|idx|content|docsize|config)$/;

function isSubset(small: string[], big: string[]) {
  const left = new Map<string, number>();
  for (const r of big) left.set(r, (left.get(r) ?? 0) + 1);
  return small.filter((r) => {
    const n = left.get(r) ?? 0;
    left.set(r, n - 1);
    return n <= 0;
  });
}

describe('npm run cli -- backup / restore', () => {
  let h: Harness;
  let dir: string;
  const appeal = (n: number) => ({
    title: `备份测试 ${n} 宿舍热水`,
    body: `第 ${n} 条：热水不够用`,
    categoryId: 1,
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhitong-backup-'));
    h = await createHarness();
  });
  afterAll(() => {
    h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies a serving database consistently without salts, counters, nonces; the restore refuses spent tokens', async () => {
    // content: appeals and a forum thread paid with tokens, and one issuance (a salt and a counter)
    const [code] = await h.codes(1);
    const [phoneToken] = await fetchTokens(h.request, code!, 1);
    const tokens = await mintTokens(h.db, h.secrets, ORIGIN, 40);
    const post = (i: number, auth: string) =>
      h.postJson('/api/v1/appeals', appeal(i), { authorization: auth });
    for (let i = 0; i < 8; i++) expect((await post(i, tokens[i]!.authorization)).status).toBe(201);
    const thread = await h.postJson(
      '/api/v1/forum/threads',
      { title: '夜班通勤', body: '大家怎么回家？' },
      { authorization: phoneToken! },
    );
    expect(thread.status, await thread.text()).toBe(201);
    const before = await dumpDatabaseFile(h.dbFile);
    for (const t of ['salts', 'counters', 'spent_nonces'])
      expect(before.get(t)?.rows.length, `${t} in the source`).toBeGreaterThan(0);

    // back up from another process while this one keeps reading and writing
    const env = { DATABASE_URL: `file:${h.dbFile}`, SECRET_KEY: h.secretKey, PUBLIC_ORIGIN: ORIGIN };
    const backupFile = join(dir, 'backup.db');
    const backup = cli(['backup', backupFile], env);
    let done = false;
    void backup.then(() => {
      done = true;
    });
    const during: number[] = [];
    for (let i = 8; !done && i < tokens.length; i++) {
      const [created, list] = await Promise.all([
        post(i, tokens[i]!.authorization),
        h.request('/api/v1/appeals?limit=20'),
      ]);
      during.push(created.status, list.status);
    }
    const b = await backup;
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/backup\.db\t\d+ bytes/);
    expect(b.stderr).toContain('consistent snapshot');
    expect(during.length, 'requests served while the backup ran').toBeGreaterThan(0);
    expect(new Set(during), 'answers while the backup ran').toEqual(new Set([200, 201]));
    const after = await dumpDatabaseFile(h.dbFile);

    // restore into a fresh instance; a second restore over it is refused
    const restoredFile = join(dir, 'restored.db');
    const restoreEnv = { ...env, DATABASE_URL: `file:${restoredFile}` };
    const r = await cli(['restore', backupFile], restoreEnv);
    expect(r.code, r.stderr).toBe(0);
    const again = await cli(['restore', backupFile], restoreEnv);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('refusing to restore');
    const restored = await dumpDatabaseFile(restoredFile);

    for (const t of EXCLUDED_TABLES) expect(restored.get(t)?.rows ?? [], `${t} after restore`).toEqual([]);
    for (const [name, dump] of after) {
      if (FTS_SHADOW.test(name) || (EXCLUDED_TABLES as readonly string[]).includes(name)) continue;
      if (name === 'issuer_keys' || name === 'log_entries') continue;
      const got = rowsOf(restored.get(name));
      expect(isSubset(rowsOf(before.get(name)), got), `${name}: rows from before the backup`).toEqual([]);
      expect(isSubset(got, rowsOf(dump)), `${name}: rows the source never had`).toEqual([]);
    }
    // the log: the source's entries as of the snapshot, then the restore's own entry
    const log = restored.get('log_entries')!.rows;
    expect(log.at(-1)?.kind).toBe('backup.restore');
    expect(isSubset(rowsOf({ rows: log.slice(0, -1) }), rowsOf(after.get('log_entries')))).toEqual([]);
    // keys: every key of backup time retired with no private key, one new active key
    const keys = restored.get('issuer_keys')!.rows;
    const oldIds = new Set(before.get('issuer_keys')!.rows.map((k) => k.id));
    expect(keys.filter((k) => oldIds.has(k.id)).map((k) => [k.state, k.private_key_sealed])).toEqual(
      [...oldIds].map(() => ['retired', '']),
    );
    expect(keys.filter((k) => !oldIds.has(k.id)).map((k) => k.state)).toEqual(['active']);

    const client = createClient({ url: `file:${restoredFile}` });
    expect(await integrity(client)).toEqual({ integrity: 'ok', foreignKeyViolations: 0 });
    expect(await halfWrittenAppeals(client)).toEqual({});
    client.close();

    // served again: a token spent before the backup, and one held unspent, are both refused; new ones work
    const { db, close } = await openLibsql({ ...h.config, DATABASE_URL: `file:${restoredFile}` });
    try {
      const app = createApp({
        db,
        clock: systemClock,
        config: h.config,
        secrets: h.secrets,
        signer: nodeBlindSigner(),
        log: memoryLogger(),
      });
      const send = (auth: string) =>
        app.request(`${ORIGIN}/api/v1/appeals`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: auth },
          body: JSON.stringify(appeal(99)),
        });
      expect((await errorOf(await send(tokens[0]!.authorization))).code).toBe('TOKEN_UNKNOWN_KEY');
      expect((await errorOf(await send(tokens.at(-1)!.authorization))).code).toBe('TOKEN_UNKNOWN_KEY');
      const [fresh] = await mintTokens(db, h.secrets, ORIGIN, 1);
      expect((await send(fresh!.authorization)).status).toBe(201);
    } finally {
      close();
    }

    const verified = await cli(['verify-log', '--state', join(dir, 'verifier.json')], restoreEnv);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout.trim().split('\n').at(-1)).toBe('OK');
  }, 120_000);
});
