import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { appeals, categories, departments, type StaffRole } from '../../../db/schema/index.js';
import { appealStatements } from '../../../src/features/appeals/appeals.service.js';
import { createStaff } from '../../../src/features/staff/index.js';
import { startSession } from '../../../src/features/staff/sessions.service.js';
import { newPseudonym, newReceipt } from '../../../src/features/tokens/index.js';
import { HOUR, MINUTE } from '../../../src/platform/clock.js';
import { type Harness, ORIGIN } from '../../helpers/harness.js';

export const deptId = async (h: Harness, slug: string) =>
  (await h.db.select().from(departments).where(eq(departments.slug, slug)))[0]!.id;

export const categoryId = async (h: Harness, slug: string) =>
  (await h.db.select().from(categories).where(eq(categories.slug, slug)))[0]!.id;

/** Posts through the HTTP app with a token, as a phone would; returns id and receipt. */
export async function post(
  h: Harness,
  authorization: string,
  body: { title: string; body: string; categoryId: number; departmentId?: number },
) {
  const res = await h.postJson('/api/v1/appeals', body, { authorization });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: number; receipt: string; pseudonym: string; status: string };
}

/**
 * Stores an appeal the way the demo seed does (the same statements as posting, without a token), at the
 * harness clock's current hour. For fixtures of many appeals where token blinding would only cost time.
 */
export async function store(
  h: Harness,
  input: { title: string; body: string; category: string; departmentId?: number; unrouted?: boolean },
) {
  const { receipt, receiptHash } = newReceipt(h.secrets);
  const at = Math.floor(h.clock.now() / HOUR) * HOUR;
  const { statements } = await appealStatements(
    h.db,
    {
      title: input.title,
      body: input.body,
      categoryId: await categoryId(h, input.category),
      requestedDepartmentId: input.departmentId ?? null,
      pseudonym: newPseudonym(),
      receiptHash,
      createdAt: at,
      publishAt: at,
    },
    { unrouted: input.unrouted },
  );
  const [rows] = (await h.db.batch(statements as never)) as unknown as [{ id: number }[]];
  return { id: rows[0]!.id, receipt };
}

export async function row(h: Harness, id: number) {
  return (await h.db.select().from(appeals).where(eq(appeals.id, id)))[0]!;
}

/** GET JSON with a status check that prints the body on failure. */
export async function getJson<T = Record<string, unknown>>(
  h: Harness,
  path: string,
  status = 200,
): Promise<T> {
  const res = await h.request(path);
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

export interface StaffClient {
  id: number;
  json(method: string, path: string, body?: unknown): Promise<Response>;
}

/**
 * A staff member and a client for them. Each request carries a freshly started real session (cookie and
 * Origin), so the clock can jump days ahead without idle expiry; password sign-in itself (scrypt, ~1 s)
 * is tested with the staff feature and skipped here.
 */
export async function staffMember(
  h: Harness,
  opts: { role: StaffRole; departmentIds?: number[] },
): Promise<StaffClient> {
  const id = await createStaff(h.db, {
    username: `${opts.role}-${randomUUID()}`,
    displayName: opts.role,
    role: opts.role,
    departmentIds: opts.departmentIds,
    mustChangePassword: false,
    now: h.clock.now(),
  });
  return {
    id,
    async json(method, path, body) {
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
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    },
  };
}

/** A staff call whose status is checked with the body in the message; returns the parsed JSON. */
export async function call<T = Record<string, unknown>>(
  who: StaffClient,
  method: string,
  path: string,
  body: unknown,
  status: number,
): Promise<T> {
  const res = await who.json(method, path, body);
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(status);
  return (await res.json()) as T;
}

export interface PublicAppeal {
  id: number;
  title: string;
  body: string;
  status: string;
  departmentId: number | null;
  round: number;
  answerDueAt: string | null;
  answerOverdue: boolean;
  overdue: boolean;
  cosignCount: number;
  answers: {
    kind: string;
    departmentId: number;
    responderRole: string;
    content: Record<string, unknown>;
    commitments: { id: number; kind: string; dueDate: string; overdue: boolean; outcome: string | null }[];
  }[];
  timeline: {
    kind: string;
    departmentId: number | null;
    actorRole: string | null;
    data: Record<string, unknown> | null;
  }[];
}

export const kinds = (a: PublicAppeal) => a.timeline.map((e) => e.kind);
