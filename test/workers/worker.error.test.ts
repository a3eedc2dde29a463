import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { expect, it, vi } from 'vitest';
import worker, { type Bindings } from '../../src/worker.js';

const ORIGIN = 'http://zhitong.test';

// every test file runs in its own isolate, so no earlier request here has built the per-isolate app

async function fetchWith(bindings: Bindings & Record<string, unknown>) {
  const res = await worker.fetch(new Request(`${ORIGIN}/healthz`), bindings, createExecutionContext());
  return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } };
}

it('names a missing SECRET_KEY and starts nothing', async () => {
  const { status, body } = await fetchWith({ DB: env.DB, PUBLIC_ORIGIN: ORIGIN });
  expect(status).toBe(500);
  expect(body.error).toEqual({
    code: 'MISCONFIGURED',
    message: 'Zhitong is misconfigured: missing setting SECRET_KEY (details in the worker log)',
  });
});

it('names an invalid SECRET_KEY without echoing it, in the response or the log', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const { status, body } = await fetchWith({ DB: env.DB, PUBLIC_ORIGIN: ORIGIN, SECRET_KEY: 'too-short' });
  const lines = log.mock.calls.map((args) => String(args[0]));
  log.mockRestore();
  expect(status).toBe(500);
  expect(body.error.message).toContain('invalid setting SECRET_KEY');
  expect(JSON.stringify(body)).not.toContain('too-short');
  expect(lines.join('\n')).toContain('invalid setting SECRET_KEY=<redacted>');
  expect(lines.join('\n')).not.toContain('too-short');
});

it('refuses a file: DATABASE_URL, which Workers cannot open', async () => {
  const { body } = await fetchWith({ ...env, DATABASE_URL: 'file:data/zhitong.db' });
  expect(body.error.message).toContain('invalid setting DATABASE_URL');
});

// workerd itself also prints "Uncaught (in promise) … Network connection lost" for the refused fetch
it('answers 500 when the libSQL server is unreachable, and logs the error by name only', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const { status, body } = await fetchWith({
    PUBLIC_ORIGIN: ORIGIN,
    SECRET_KEY: env.SECRET_KEY,
    DATABASE_URL: 'https://127.0.0.1:1',
    DATABASE_AUTH_TOKEN: 'token-that-must-not-be-logged',
  });
  const lines = log.mock.calls.map((args) => String(args[0])).join('\n');
  log.mockRestore();
  expect(status).toBe(500);
  expect(body.error.code).toBe('INTERNAL');
  expect(lines).toContain('startup failed');
  expect(lines).not.toContain('token-that-must-not-be-logged');
});
