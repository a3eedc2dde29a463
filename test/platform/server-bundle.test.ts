import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../scripts/build-server.js';
import { PROJECT_ROOT } from '../../src/platform/config/project-root.node.js';
import { freePort, startServer } from '../reliability/server-process.js';

/** `npm start` runs the bundle in dist/ on plain node: it must find its migrations and serve like src/. */
describe('the server bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhitong-bundle-'));
  // inside the project, as dist/node.mjs is: the bundle finds the project from where it lies
  const outfile = join(PROJECT_ROOT, 'dist', `node-test-${process.pid}.mjs`);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outfile, { force: true });
  });

  it('migrates a new database, serves pages and the API, and stops cleanly', async () => {
    const entry = await buildServer('src/node.ts', outfile);
    const server = await startServer(
      {
        DATABASE_URL: `file:${join(dir, 'z.db')}`,
        PORT: String(await freePort()),
        SECRET_KEY: 'k'.repeat(43),
      },
      { entry },
    );
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const home = await fetch(`${server.url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain('直通');
      const list = (await (await fetch(`${server.url}/api/v1/appeals`)).json()) as { items: unknown[] };
      expect(Array.isArray(list.items)).toBe(true);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});
