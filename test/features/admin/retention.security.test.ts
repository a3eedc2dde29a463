import { count } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appeals,
  logCheckpoints,
  logEntries,
  pageViews,
  staffNotifications,
  staffSessions,
  textCommitments,
  webhookDeliveries,
  webhooks,
} from '../../../db/schema/index.js';
import { purgeExpired } from '../../../src/features/admin/index.js';
import { DAY, HOUR } from '../../../src/platform/clock.js';
import { runScheduledJobs } from '../../../src/scheduled.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import {
  call,
  publicLog,
  type StaffClient,
  staffClient,
  storeAppeal,
  verify,
} from '../audit/audit-fixture.js';

describe('retention purge (scheduled, injected clock)', () => {
  let h: Harness;
  let admin: StaffClient;
  // the whole scheduled run once (the purge is wired there), then the purge alone: other jobs cost seconds
  const runAll = () =>
    runScheduledJobs({ db: h.db, config: h.config, secrets: h.secrets, clock: h.clock, log: h.log });
  const run = () => purgeExpired(h.db, h.config, h.clock.now());
  const rows = async (table: SQLiteTable) => (await h.db.select({ n: count() }).from(table))[0]!.n;

  beforeAll(async () => {
    h = await createHarness();
    admin = await staffClient(h, 'admin');
    const now = h.clock.now();
    const hour = Math.floor(now / HOUR) * HOUR;
    const { id: appealId } = await storeAppeal(h, '班车太挤', '早班车每天都坐不下');
    await h.db.insert(pageViews).values([
      { page: 'appeals', hour: hour - 400 * DAY, count: 3 },
      { page: 'appeals', hour, count: 1 },
    ]);
    const [hook] = await h.db
      .insert(webhooks)
      .values({ format: 'wecom', urlSealed: 'sealed', host: 'qyapi.example', createdAt: now - 300 * DAY })
      .returning();
    await h.db.update(webhooks).set({ disabledAt: now });
    const notes = await h.db
      .insert(staffNotifications)
      .values([
        { appealId, departmentId: 2, kind: 'assigned', dedupeKey: 'old', at: now - 200 * DAY },
        { appealId, departmentId: 2, kind: 'assigned', dedupeKey: 'new', at: now - DAY },
      ])
      .returning();
    await h.db
      .insert(webhookDeliveries)
      .values(notes.map((n) => ({ notificationId: n.id, webhookId: hook!.id, attempts: 1, sentAt: n.at })));
    await h.db.insert(staffSessions).values({
      idHash: 'ended-long-ago',
      staffId: admin.id,
      createdAt: now - 100 * DAY,
      lastSeenAt: now - 100 * DAY,
      revokedAt: now - 100 * DAY,
    });
    await call(admin, 'PUT', '/api/v1/staff/admin/settings', { autoHideWeight: 9 });
  });
  afterAll(() => h.close());

  it('by default deletes inbox items (180 days) and ended sessions (90 days) past retention, keeps view counts', async () => {
    await runAll();
    const kept = (await h.db.select().from(staffNotifications)).map((n) => n.dedupeKey);
    expect(kept).toContain('new');
    expect(kept).not.toContain('old');
    expect(await rows(webhookDeliveries), 'the old item’s delivery went with it').toBe(1);
    expect((await h.db.select().from(staffSessions)).map((s) => s.idHash)).not.toContain('ended-long-ago');
    expect(await rows(staffSessions), 'the admin’s live session stays').toBeGreaterThan(0);
    expect(await rows(pageViews), 'view counts feed public figures: kept unless an admin sets a limit').toBe(
      2,
    );
  }, 120_000);

  it('with a page-view retention set, deletes older hourly counts only', async () => {
    await call(admin, 'PUT', '/api/v1/staff/admin/settings', { retainPageViewDays: 365 });
    await run();
    expect((await h.db.select().from(pageViews)).map((v) => v.count)).toEqual([1]);
    const tooShort = await admin.json('PUT', '/api/v1/staff/admin/settings', { retainNotificationDays: 3 });
    expect(tooShort.status, 'shorter than the webhook outbox window').toBe(422);
  });

  it('never purges public content, log entries, checkpoints or commitments: the public log still verifies', async () => {
    const before = {
      appeals: await rows(appeals),
      entries: (await publicLog(h)).map((e) => e.seq),
      commitments: await rows(textCommitments),
      checkpoints: await rows(logCheckpoints),
    };
    await call(admin, 'PUT', '/api/v1/staff/admin/settings', {
      retainPageViewDays: 8,
      retainNotificationDays: 8,
      retainStaffSessionDays: 8,
    });
    h.clock.advance(20 * 365 * DAY);
    await run();
    expect(await rows(appeals)).toBe(before.appeals);
    expect(await rows(textCommitments)).toBe(before.commitments);
    expect(await rows(logCheckpoints)).toBeGreaterThanOrEqual(before.checkpoints);
    const seqs = (await h.db.select({ seq: logEntries.seq }).from(logEntries)).map((e) => e.seq);
    for (const seq of before.entries) expect(seqs).toContain(seq);
    const inbox = await h.db.select().from(staffNotifications);
    expect(inbox.filter((n) => n.at < h.clock.now() - 8 * DAY)).toEqual([]);
    expect((await verify(h)).problems).toEqual([]);
  });
});
