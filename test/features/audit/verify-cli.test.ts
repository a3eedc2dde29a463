import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLogCommand } from '../../../src/cli/verify-log.command.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { storeAppeal } from './audit-fixture.js';

describe('npm run cli -- verify-log', () => {
  let h: Harness;
  let server: ServerType;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhitong-verifier-'));
    // the server must know its public origin before the app is built, so the port is taken first
    let app: Harness['app'] | undefined;
    await new Promise<void>((resolve) => {
      server = serve({ fetch: (req) => app!.fetch(req), hostname: '127.0.0.1', port: 0 }, (info) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
    h = await createHarness({ env: { PUBLIC_ORIGIN: base } });
    app = h.app;
    await storeAppeal(h, '标题', '正文');
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('--url: a third party verifies a live server over HTTP and keeps the checkpoints it saw', async () => {
    const lines: string[] = [];
    const out = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    const state = join(dir, 'state.json');
    await verifyLogCommand.run(out as never, ['--url', base, '--state', state]);
    expect(lines.at(-1)).toBe('OK');
    expect(lines.join('\n')).toContain('1 texts match their commitments');
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { log: string; checkpoints: unknown[] };
    expect(saved.log).toBe(base);
    expect(saved.checkpoints.length).toBeGreaterThan(0);
  });

  it('without --url: the operator verifies the database through the same API, in a separate process', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli.ts', 'verify-log', '--state', join(dir, 'db-state.json')], {
      env: { ...process.env, DATABASE_URL: `file:${h.dbFile}`, SECRET_KEY: h.secretKey, PUBLIC_ORIGIN: base },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n').at(-1)).toBe('OK');
  });
});
