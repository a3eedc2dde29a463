import { createExecutionContext, createScheduledController } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import entry from '../../src/worker.js';

const ORIGIN = 'http://zhitong.test';
const worker = exports.default;

/** The body as text whatever its Content-Type (workerd warns on .text() of non-text types). */
const bodyOf = async (res: Response) => new TextDecoder().decode(await res.arrayBuffer());

describe('the Workers entry on local D1', () => {
  it('answers /healthz with the migrations wrangler applied', async () => {
    const res = await worker.fetch(`${ORIGIN}/healthz`);
    const body = await bodyOf(res);
    expect(res.status, body).toBe(200);
    const health = JSON.parse(body) as { status: string; database: string; migrations: number };
    expect(health).toMatchObject({ status: 'ok', database: 'ok' });
    expect(health.migrations, body).toBeGreaterThan(0);
  });

  it('lists departments from D1', async () => {
    await env.DB.prepare('INSERT INTO departments (slug, name_zh, name_en) VALUES (?, ?, ?)')
      .bind('depot-7', '第七车辆段', 'Depot No. 7')
      .run();
    const res = await worker.fetch(`${ORIGIN}/api/v1/departments`);
    const body = await bodyOf(res);
    expect(res.status, body).toBe(200);
    expect(JSON.parse(body)).toContainEqual(
      expect.objectContaining({ slug: 'depot-7', name: '第七车辆段', nameEn: 'Depot No. 7', parentId: null }),
    );
  });

  it('publishes an issuer key created at the first request', async () => {
    const res = await worker.fetch(`${ORIGIN}/.well-known/private-token-issuer-directory`);
    const body = await bodyOf(res);
    expect(res.status, body).toBe(200);
    const directory = JSON.parse(body) as { 'issuer-request-uri': string; 'token-keys': unknown[] };
    expect(directory['issuer-request-uri']).toBe(`${ORIGIN}/token-request`);
    expect(directory['token-keys'], body).toHaveLength(1);
  });

  it('destroys expired salts on the 10-minute cron (with deadlines, webhooks, log checkpoint)', async () => {
    await env.DB.prepare("INSERT INTO salts (purpose, epoch, key) VALUES ('ratelimit', 1, 'old')").run();
    const controller = createScheduledController({ cron: '*/10 * * * *', scheduledTime: new Date() });
    await entry.scheduled(controller, env, createExecutionContext());
    const left = await env.DB.prepare('SELECT count(*) AS n FROM salts WHERE epoch = 1').first<{
      n: number;
    }>();
    expect(left?.n).toBe(0);
  });
});
