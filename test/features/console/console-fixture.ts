import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { analyticsAlerts, type StaffRole } from '../../../db/schema/index.js';
import { dayOf } from '../../../src/features/analytics/analysis.js';
import { createStaff } from '../../../src/features/staff/index.js';
import { startSession } from '../../../src/features/staff/sessions.service.js';
import { MINUTE } from '../../../src/platform/clock.js';
import { type Harness, ORIGIN } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';

export interface ConsoleClient {
  id: number;
  get(path: string): Promise<Response>;
  /** A same-origin form POST (urlencoded), as the browser sends it; `headers` may override Origin. */
  post(path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
}

/**
 * A staff member of `role` and a browser-like client of the console: each request carries a fresh real
 * session cookie (password sign-in itself is tested once, in console.happy.test.ts).
 */
export async function consoleClient(
  h: Harness,
  role: StaffRole,
  departmentIds: number[] = [],
): Promise<ConsoleClient> {
  const id = await createStaff(h.db, {
    username: `${role}-${randomUUID()}`,
    displayName: `${role} console`,
    role,
    departmentIds,
    mustChangePassword: false,
    now: h.clock.now(),
  });
  const cookie = async () =>
    `zt_staff=${await startSession(h.db, h.secrets, id, h.clock.now(), h.config.STAFF_IDLE_MINUTES * MINUTE)}`;
  return {
    id,
    async get(path) {
      return h.request(path, { headers: { cookie: await cookie() } });
    },
    async post(path, fields, headers = {}) {
      return h.request(path, {
        method: 'POST',
        headers: {
          cookie: await cookie(),
          origin: ORIGIN,
          'content-type': 'application/x-www-form-urlencoded',
          ...headers,
        },
        body: new URLSearchParams(fields).toString(),
      });
    },
  };
}

/** The page's HTML, with its status checked and the body in the failure message. */
export async function html(res: Response, status: number): Promise<string> {
  const text = await res.text();
  expect(res.status, text.slice(0, 2000)).toBe(status);
  return text;
}

/** Flags each appeal once through the public API, spending one token each, as readers would. */
export async function flagAppeals(h: Harness, ids: number[]) {
  const tokens = await fetchTokens(h.request, (await h.codes(1))[0]!, ids.length, { batch: true });
  for (const [i, id] of ids.entries()) {
    const res = await h.postJson(
      '/api/v1/flags',
      { itemType: 'appeal', itemId: id, reason: 'personal-attack' },
      { authorization: tokens[i]! },
    );
    expect(res.status, await res.clone().text()).toBe(201);
  }
}

/**
 * An alert as the analysis would record it for a rise in a category over the last three days (the
 * detection itself is tested with the analytics feature).
 */
export async function insertAlert(h: Harness, categorySlug = 'pay') {
  const today = dayOf(h.clock.now());
  const [row] = await h.db
    .insert(analyticsAlerts)
    .values({
      groupKind: 'category',
      groupKey: categorySlug,
      label: '工资待遇：诉求增多',
      startDay: today - 2,
      endDay: today,
      observed: 12,
      distinctCount: 12,
      expected: 3,
      growth: 4,
      pValue: 0.001,
      z: 4.2,
      sampleAppealIds: [],
      departmentIds: [],
      createdAt: h.clock.now(),
      updatedAt: h.clock.now(),
    })
    .returning({ id: analyticsAlerts.id });
  return row!.id;
}
