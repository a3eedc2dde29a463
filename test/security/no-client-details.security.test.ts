import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.js';
import { fetchTokens } from '../helpers/wallet.js';

// Distinctive values a request carries; none may appear in a log line or in the database files.
const CANARY_IP = '198.51.100.77';
const CANARY_CF_IP = '203.0.113.99';
const CANARY_UA = 'CanaryPhone/9.9 (ZT-UA-5f1c0ffee)';
const CANARY_QUERY = 'q=ztquerycanary';

describe('no IP address, user agent or query string is logged or stored', () => {
  let h: Harness;
  let server: ServerType;
  let base: string;

  beforeAll(async () => {
    h = await createHarness({ clientAddress: (c) => getConnInfo(c).remote.address });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: h.app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    h.close();
  });

  const canaryFetch = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', `${CANARY_IP}, 10.0.0.1`);
    headers.set('cf-connecting-ip', CANARY_CF_IP);
    headers.set('x-real-ip', CANARY_IP);
    headers.set('user-agent', CANARY_UA);
    return fetch(`${base}${path}`, { ...init, headers });
  };

  it('serves real requests carrying the canaries: reads, failed and good issuance, a post, errors', async () => {
    for (const path of [
      '/healthz',
      `/api/v1/categories?${CANARY_QUERY}`,
      '/api/v1/departments',
      '/api/v1/nope',
      '/.well-known/private-token-issuer-directory',
    ]) {
      expect((await canaryFetch(path)).status).toBeLessThan(500);
    }
    const bad = await canaryFetch('/token-request', {
      method: 'POST',
      headers: { 'content-type': 'application/private-token-request', authorization: 'Bearer NOT-A-CODE' },
      body: new Uint8Array(259),
    });
    expect(bad.status).toBe(401);
    const [code] = await h.codes(1);
    const [auth] = await fetchTokens(canaryFetch, code!);
    const post = await canaryFetch(`/api/v1/appeals?${CANARY_QUERY}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: auth! },
      body: JSON.stringify({ title: '食堂晚餐太早结束', body: '夜班职工吃不上饭', categoryId: 5 }),
    });
    expect(post.status, await post.clone().text()).toBe(201);
  });

  it('no canary in any log line, and every request logged as method, route pattern, status, duration', () => {
    const all = h.log.lines.join('\n');
    for (const canary of [CANARY_IP, CANARY_CF_IP, CANARY_UA, 'CanaryPhone', 'ztquerycanary', '127.0.0.1']) {
      expect(all, canary).not.toContain(canary);
    }
    const requests = h.log.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
    expect(requests.length).toBeGreaterThanOrEqual(8);
    for (const r of requests)
      expect(Object.keys(r).sort()).toEqual(['level', 'method', 'ms', 'msg', 'route', 'status']);
    expect(requests.map((r) => r.route)).toContain('/api/v1/appeals');
  });

  it('no canary, and not the real client address, anywhere in the database files (main, WAL, shm)', () => {
    const dir = dirname(h.dbFile);
    const files = readdirSync(dir).filter((f) => f.startsWith('test.db'));
    expect(files).toContain('test.db');
    for (const f of files) {
      const bytes = readFileSync(join(dir, f));
      for (const canary of [CANARY_IP, CANARY_CF_IP, CANARY_UA, 'CanaryPhone', '127.0.0.1']) {
        expect(bytes.includes(Buffer.from(canary)), `${canary} in ${f}`).toBe(false);
      }
    }
  });
});
