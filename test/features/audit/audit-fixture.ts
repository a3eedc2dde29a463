import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { categories, type StaffRole } from '../../../db/schema/index.js';
import { appealStatements } from '../../../src/features/appeals/appeals.service.js';
import { type VerifierState, verifyLog } from '../../../src/features/audit/verifier/index.js';
import { createStaff } from '../../../src/features/staff/index.js';
import { startSession } from '../../../src/features/staff/sessions.service.js';
import { newPseudonym, newReceipt } from '../../../src/features/tokens/index.js';
import { HOUR, MINUTE } from '../../../src/platform/clock.js';
import { type Harness, ORIGIN } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';

/** Posts an appeal through the HTTP API with a real token, as a phone would. */
export async function postAppeal(h: Harness, title: string, body: string) {
  const [authorization] = await fetchTokens(h.request, (await h.codes(1))[0]!, 1);
  const categoryId = (await h.db.select().from(categories).where(eq(categories.slug, 'canteen')))[0]!.id;
  const res = await h.postJson(
    '/api/v1/appeals',
    { title, body, categoryId },
    { authorization: authorization! },
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: number; receipt: string };
}

/**
 * Stores an appeal with the statements posting uses (commitment included), without a token: for fixtures
 * where blinding a token per post would only cost time.
 */
export async function storeAppeal(h: Harness, title: string, body: string) {
  const { receipt, receiptHash } = newReceipt(h.secrets);
  const at = Math.floor(h.clock.now() / HOUR) * HOUR;
  const categoryId = (await h.db.select().from(categories).where(eq(categories.slug, 'canteen')))[0]!.id;
  const { statements } = await appealStatements(h.db, {
    title,
    body,
    categoryId,
    requestedDepartmentId: null,
    pseudonym: newPseudonym(),
    receiptHash,
    createdAt: at,
    publishAt: at,
  });
  const [rows] = (await h.db.batch(statements as never)) as unknown as [{ id: number }[]];
  return { id: rows[0]!.id, receipt };
}

export interface StaffClient {
  id: number;
  username: string;
  role: StaffRole;
  json(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/**
 * A staff member and a client whose every request carries a freshly started real session (cookie and
 * Origin). Password sign-in (scrypt, ~1 s) is exercised by the sign-in and TOTP tests instead.
 */
export async function staffClient(
  h: Harness,
  role: StaffRole,
  departmentIds?: number[],
): Promise<StaffClient> {
  const username = `${role}-${randomUUID().slice(0, 8)}`;
  const id = await createStaff(h.db, {
    username,
    displayName: role,
    role,
    departmentIds,
    mustChangePassword: false,
    now: h.clock.now(),
  });
  return {
    id,
    username,
    role,
    async json(method, path, body, headers = {}) {
      const token = await startSession(
        h.db,
        h.secrets,
        id,
        h.clock.now(),
        h.config.STAFF_IDLE_MINUTES * MINUTE,
      );
      return h.request(path, {
        method,
        headers: {
          cookie: `zt_staff=${token}`,
          origin: ORIGIN,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
  };
}

/** A staff call whose status is checked (with the body in the message); returns the JSON. */
export async function call<T = Record<string, unknown>>(
  who: StaffClient,
  method: string,
  path: string,
  body: unknown,
  status = 200,
): Promise<T> {
  const res = await who.json(method, path, body);
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(status);
  return (await res.json()) as T;
}

/** Runs the standalone verifier against the in-process app, exactly as against a public URL. */
export function verify(h: Harness, state?: VerifierState | null) {
  return verifyLog({ url: ORIGIN, fetch: (u, init) => h.app.request(u, init), state });
}

export interface PublicEntry {
  seq: number;
  kind: string;
  item: { type: string; id: number } | null;
  actor: { role: string; username: string } | null;
  data: Record<string, unknown>;
}

/** Every entry of the public log, read as anyone would. */
export async function publicLog(h: Harness): Promise<PublicEntry[]> {
  await h.request('/api/v1/log/checkpoint');
  const res = await h.request('/api/v1/log?limit=1000');
  expect(res.status).toBe(200);
  return ((await res.json()) as { entries: PublicEntry[] }).entries;
}
