import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'zhitong-node-'));
  dirs.push(d);
  return d;
}

function start(env: Record<string, string>): {
  child: ChildProcess;
  output: () => { out: string; err: string };
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    err += d;
  });
  return { child, output: () => ({ out, err }) };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((r) => child.on('exit', (code) => r(code)));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe('the Node entry', () => {
  for (const [name, env, setting] of [
    ['a port that is not a number', { PORT: 'eighty' }, 'PORT'],
    ['a database URL of an unknown kind', { DATABASE_URL: 'postgres://x' }, 'DATABASE_URL'],
    ['a short secret', { SECRET_KEY: 'abc' }, 'SECRET_KEY'],
    ['an OIDC issuer without an audience', { OIDC_ISSUER: 'https://id.example' }, 'OIDC_AUDIENCE'],
    ['a staff idle limit above 60 minutes', { STAFF_IDLE_MINUTES: '90' }, 'STAFF_IDLE_MINUTES'],
  ] as const) {
    it(`stops with one clear line and a non-zero exit on ${name}`, async () => {
      const { child, output } = start({ DATABASE_URL: `file:${join(tempDir(), 'z.db')}`, ...env });
      const code = await exited(child);
      const { err } = output();
      expect(code).not.toBe(0);
      expect(err.trim().split('\n')).toHaveLength(1);
      expect(err).toContain(setting);
    });
  }

  it('serves, prints the URL and the admin sign-in, applies WAL/foreign keys, and exits 0 on SIGTERM', async () => {
    const dir = tempDir();
    const port = await freePort();
    const { child, output } = start({ DATABASE_URL: `file:${join(dir, 'z.db')}`, PORT: String(port) });
    // readiness is the line the server prints once it listens, not a timer
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', () => output().out.includes('is serving') && resolve());
      child.on('exit', () => reject(new Error(`exited early: ${output().err}`)));
    });
    const body = (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { status: string };
    expect(body.status).toBe('ok');
    const { out } = output();
    expect(out).toContain(`http://127.0.0.1:${port}`);
    expect(out).toMatch(/user "admin"\s+one-time password [0-9A-Z]{4}-/);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    const db = createClient({ url: `file:${join(dir, 'z.db')}` });
    expect((await db.execute('PRAGMA journal_mode')).rows[0]?.[0]).toBe('wal');
    expect((await db.execute('SELECT count(*) FROM departments')).rows[0]?.[0]).toBeGreaterThan(10);
    db.close();
  }, 120_000);
});
