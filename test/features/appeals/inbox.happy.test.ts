import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cosignStatement } from '../../../src/features/appeals/cosign.service.js';
import { DAY, HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { call, deptId, type StaffClient, staffMember, store } from './appeals-fixture.js';

type Note = { id: number; kind: string; read: boolean; appeal: { id: number; overdue: boolean } };

/** The staff inbox and work queue: what each responder sees, and in which order. */
describe('staff inbox and queue', () => {
  let h: Harness;
  let canteen: StaffClient;
  let housing: StaffClient;
  let admin: StaffClient;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    h = await createHarness();
    canteen = await staffMember(h, { role: 'responder', departmentIds: [await deptId(h, 'canteen')] });
    housing = await staffMember(h, { role: 'responder', departmentIds: [await deptId(h, 'housing')] });
    admin = await staffMember(h, { role: 'admin' });
    ids.old = (await store(h, { title: '最早的', body: '内容', category: 'canteen' })).id;
    h.clock.advance(DAY);
    ids.popular = (await store(h, { title: '很多人附议', body: '内容', category: 'canteen' })).id;
    ids.quiet = (await store(h, { title: '无人附议', body: '内容', category: 'canteen' })).id;
    ids.housing = (await store(h, { title: '公寓', body: '内容', category: 'housing' })).id;
    await cosignStatement(h.db, ids.popular, h.clock.now(), 9);
    await cosignStatement(h.db, ids.quiet, h.clock.now(), 1);
  });
  afterAll(() => h.close());

  it('shows a responder the items of their own departments only', async () => {
    const mine = await call<Note[]>(canteen, 'GET', '/api/v1/staff/inbox', undefined, 200);
    expect(mine.map((n) => n.appeal.id).sort()).toEqual([ids.old, ids.popular, ids.quiet].sort());
    const theirs = await call<Note[]>(housing, 'GET', '/api/v1/staff/inbox', undefined, 200);
    expect(theirs.map((n) => n.appeal.id)).toEqual([ids.housing]);
    const all = await call<Note[]>(admin, 'GET', '/api/v1/staff/inbox', undefined, 200);
    expect(all).toHaveLength(4);
  });

  it('marks items read, and another department cannot mark them', async () => {
    const [first] = await call<Note[]>(canteen, 'GET', '/api/v1/staff/inbox', undefined, 200);
    await call(housing, 'POST', `/api/v1/staff/inbox/${first!.id}/read`, {}, 404);
    await call(canteen, 'POST', `/api/v1/staff/inbox/${first!.id}/read`, {}, 200);
    const unread = await call<Note[]>(canteen, 'GET', '/api/v1/staff/inbox?unread=true', undefined, 200);
    expect(unread.map((n) => n.id)).not.toContain(first!.id);
  });

  it('reminds before a deadline and reports it passed; the queue puts overdue first, then co-signs', async () => {
    // canteen appeals have 3 working days; the first was posted a day before the others
    h.clock.set(Date.UTC(2026, 0, 8, 20)); // Friday 04:00 in Beijing: the first one's day is over
    await call(admin, 'POST', '/api/v1/staff/deadlines/run', {}, 200);
    const notes = await call<Note[]>(canteen, 'GET', '/api/v1/staff/inbox?unread=true', undefined, 200);
    expect(notes.map((n) => [n.kind, n.appeal.id])).toEqual(
      expect.arrayContaining([
        ['deadline_passed', ids.old],
        ['deadline_approaching', ids.popular],
        ['deadline_approaching', ids.quiet],
      ]),
    );
    const logistics = await staffMember(h, {
      role: 'responder',
      departmentIds: [await deptId(h, 'logistics')],
    });
    const escalated = await call<Note[]>(logistics, 'GET', '/api/v1/staff/inbox', undefined, 200);
    expect(escalated.map((n) => [n.kind, n.appeal.id])).toEqual([['escalated', ids.old]]);
    h.clock.advance(6 * HOUR);
    const queue = await call<{ id: number; overdue: boolean }[]>(
      admin,
      'GET',
      '/api/v1/staff/queue',
      undefined,
      200,
    );
    expect(queue.map((q) => q.id)).toEqual([ids.old, ids.popular, ids.quiet, ids.housing]);
    expect(queue[0]!.overdue).toBe(true);
  });
});
