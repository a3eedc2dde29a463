import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoModeration } from '../../../db/seed/demo-moderation.js';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { publicLog, staffClient, storeAppeal, verify } from '../audit/audit-fixture.js';

describe('demo seed: staff with one-time passwords and flagged items', () => {
  let h: Harness;
  let accounts: Awaited<ReturnType<typeof seedDemoModeration>>;
  beforeAll(async () => {
    h = await createHarness();
    for (let i = 0; i < 4; i++) await storeAppeal(h, `演示 ${i}`, '正文');
    accounts = await seedDemoModeration(h.db, h.clock.now());
  });
  afterAll(() => h.close());

  it('creates a moderator, a dispatcher, an analyst and a responder per department, each on the log', async () => {
    const roles = accounts.map((a) => a.role);
    expect(roles.filter((r) => r === 'moderator')).toHaveLength(1);
    expect(roles.filter((r) => r === 'dispatcher')).toHaveLength(1);
    expect(roles.filter((r) => r === 'analyst')).toHaveLength(1);
    const departments = (await (await h.request('/api/v1/departments')).json()) as unknown[];
    expect(roles.filter((r) => r === 'responder')).toHaveLength(departments.length);
    const created = (await publicLog(h)).filter((e) => e.kind === 'staff.create').map((e) => e.data.username);
    expect(created).toEqual(accounts.map((a) => a.username));
    const moderator = accounts.find((a) => a.role === 'moderator')!;
    const res = await h.postJson(
      '/api/v1/staff/session',
      { username: moderator.username, password: moderator.oneTimePassword },
      { origin: ORIGIN },
    );
    expect(res.status).toBe(200);
  });

  it('leaves flagged items in the queue and one hidden with its tombstone; the log verifies', async () => {
    const admin = await staffClient(h, 'admin');
    const queue = (await (await admin.json('GET', '/api/v1/staff/moderation/queue')).json()) as {
      items: unknown[];
    };
    expect(queue.items).toHaveLength(2);
    const hidden = (await publicLog(h)).filter((e) => e.kind === 'moderation.hide');
    expect(hidden).toHaveLength(1);
    expect(hidden[0]!.actor?.username).toBe('moderator');
    expect((await verify(h)).problems).toEqual([]);
  });
});
