import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Context } from 'hono';
import type { StaffRole } from '../../db/schema/index.js';
import { createApp } from '../../src/app.js';
import { prepareDatabase } from '../../src/bootstrap.js';
import { createStaff } from '../../src/features/staff/index.js';
import { createCodes } from '../../src/features/tokens/index.js';
import type { ClientBundle } from '../../src/features/web/index.js';
import { manualClock } from '../../src/platform/clock.js';
import { type Config, parseConfig } from '../../src/platform/config/config.js';
import { nodeBlindSigner } from '../../src/platform/crypto/blind-signer.node.js';
import { toBase64Url } from '../../src/platform/crypto/encoding.js';
import { randomBytes } from '../../src/platform/crypto/hash.js';
import { deriveSecrets } from '../../src/platform/crypto/secrets.js';
import { migrateLibsql, openLibsql } from '../../src/platform/db/libsql.js';
import { memoryLogger } from '../../src/platform/log.js';
import type { SendMail } from '../../src/platform/mail/send-mail.js';

export const ORIGIN = 'http://zhitong.test';

export interface HarnessOptions {
  env?: Record<string, string>;
  clientAddress?: (c: Context) => string | undefined;
  fetch?: typeof fetch;
  sendMail?: SendMail;
  /** The browser bundle, for tests of the web pages that run it (see client-build.node.ts). */
  clientBundle?: ClientBundle;
}

/**
 * A fresh Zhitong: a temp libSQL file with migrations and the demo bureau, the real app, a manual clock,
 * and a logger whose lines the test can read. Call `close()` in afterEach/afterAll.
 */
export async function createHarness(opts: HarnessOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'zhitong-test-'));
  const dbFile = join(dir, 'test.db');
  const secretKey = toBase64Url(randomBytes(32));
  const config: Config = parseConfig({
    DATABASE_URL: `file:${dbFile}`,
    PUBLIC_ORIGIN: ORIGIN,
    SECRET_KEY: secretKey,
    ...opts.env,
  });
  const { db, close } = await openLibsql(config);
  await migrateLibsql(db);
  const clock = manualClock();
  const secrets = deriveSecrets(secretKey);
  const seeded = await prepareDatabase(db, secrets, clock.now(), { seed: true });
  const log = memoryLogger();
  const app = createApp({
    db,
    clock,
    config,
    secrets,
    signer: nodeBlindSigner(),
    log,
    clientAddress: opts.clientAddress,
    fetch: opts.fetch,
    sendMail: opts.sendMail,
    clientBundle: opts.clientBundle && (() => opts.clientBundle),
  });
  const request = (path: string, init?: RequestInit) => app.request(`${ORIGIN}${path}`, init);
  let staffCount = 0;
  return {
    app,
    db,
    dbFile,
    clock,
    config,
    secrets,
    secretKey,
    log,
    seeded,
    request,
    /** POST JSON to the app. */
    postJson(path: string, body: unknown, headers: Record<string, string> = {}) {
      return request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    },
    /** Enrollment codes as an admin would hand them out. */
    async codes(count = 1, validDays = 365) {
      return (await createCodes(db, secrets, { count, createdBy: 'test', now: clock.now(), validDays }))
        .codes;
    },
    /**
     * A staff member with a known password (already changed, so no one-time-password gate).
     * @example const mod = await h.createStaff({ role: 'moderator' })
     */
    async createStaff(opts: { role: StaffRole; departmentIds?: number[]; username?: string }) {
      const username = opts.username ?? `${opts.role}-${++staffCount}`;
      const password = `pw-${username}-long-enough`;
      const id = await createStaff(db, {
        username,
        displayName: `${opts.role} ${staffCount}`,
        role: opts.role,
        password,
        departmentIds: opts.departmentIds,
        mustChangePassword: false,
        now: clock.now(),
      });
      return { id, username, password };
    },
    /** Signs in and returns a client that sends the staff cookie and our Origin on every request. */
    async signIn(who: { username: string; password: string }) {
      const res = await request('/api/v1/staff/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: ORIGIN },
        body: JSON.stringify({ username: who.username, password: who.password }),
      });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      let cookie = cookieFrom(res) ?? '';
      const send = async (path: string, init: RequestInit = {}) => {
        const headers = new Headers(init.headers);
        headers.set('cookie', cookie);
        if (!headers.has('origin')) headers.set('origin', ORIGIN);
        const r = await request(path, { ...init, headers });
        cookie = cookieFrom(r) ?? cookie;
        return r;
      };
      return {
        request: send,
        json: (method: string, path: string, body?: unknown) =>
          send(path, {
            method,
            headers: body === undefined ? {} : { 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          }),
        get cookie() {
          return cookie;
        },
      };
    },
    close() {
      close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The staff cookie a response sets (name=value), if any. */
function cookieFrom(res: Response): string | undefined {
  const set = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('zt_staff=') && !c.startsWith('zt_staff=;'));
  return set?.split(';')[0];
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;
