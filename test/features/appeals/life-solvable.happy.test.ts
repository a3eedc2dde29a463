import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';
import {
  call,
  categoryId,
  deptId,
  getJson,
  kinds,
  type PublicAppeal,
  post,
  type StaffClient,
  staffMember,
} from './appeals-fixture.js';

/**
 * The whole life of an appeal answered "solvable", with the clock in the test's hand: the first-answer
 * deadline passes and the appeal escalates to the parent department; the promised date passes unkept and
 * shows overdue; the outcome is posted; with no verdict from the author, the appeal closes by itself.
 */
describe('life of an appeal: solvable, escalated, promise broken, auto-closed', () => {
  let h: Harness;
  let busTeam: StaffClient;
  let logistics: StaffClient;
  let admin: StaffClient;
  let id: number;
  let commitmentId: number;
  let dept: { bus: number; logistics: number };

  beforeAll(async () => {
    h = await createHarness();
    dept = { bus: await deptId(h, 'commuter-bus'), logistics: await deptId(h, 'logistics') };
    busTeam = await staffMember(h, { role: 'responder', departmentIds: [dept.bus] });
    logistics = await staffMember(h, { role: 'responder', departmentIds: [dept.logistics] });
    admin = await staffMember(h, { role: 'admin' });
    const [token] = await fetchTokens(h.request, (await h.codes(1))[0]!, 1);
    // Monday 2026-01-05, 17:00 in Beijing
    const created = await post(h, token!, {
      title: '早班通勤班车发车太早',
      body: '机务段早班班车 5:10 发车，倒班职工赶不上，只能打车。',
      categoryId: await categoryId(h, 'commuting'),
    });
    id = created.id;
  });
  afterAll(() => h.close());

  const detail = () => getJson<PublicAppeal>(h, `/api/v1/appeals/${id}`);
  const runDeadlines = () =>
    call<Record<string, number>>(admin, 'POST', '/api/v1/staff/deadlines/run', {}, 200);

  it('is routed by category and gets a public deadline of 5 working days (end of Monday the 12th)', async () => {
    const a = await detail();
    expect(a.status).toBe('assigned');
    expect(a.departmentId).toBe(dept.bus);
    expect(a.answerDueAt).toBe('2026-01-12T16:00:00.000Z');
    expect(a.answerOverdue).toBe(false);
    expect(kinds(a)).toEqual(['submitted', 'assigned']);
    const inbox = await call<{ kind: string; appeal: { id: number } }[]>(
      busTeam,
      'GET',
      '/api/v1/staff/inbox',
      undefined,
      200,
    );
    expect(inbox.map((n) => [n.kind, n.appeal.id])).toContainEqual(['assigned', id]);
  });

  it('misses the deadline: recorded against the department, escalated to the parent, listed as overdue', async () => {
    h.clock.set(Date.UTC(2026, 0, 12, 2)); // the last day, 10:00 in Beijing
    expect((await runDeadlines()).reminded).toBeGreaterThanOrEqual(1);
    h.clock.set(Date.UTC(2026, 0, 13, 2));
    expect(await runDeadlines()).toMatchObject({ missed: 1, escalated: 1 });
    const a = await detail();
    expect(a.departmentId).toBe(dept.logistics);
    expect(a.answerOverdue).toBe(true);
    // the parent gets its own 5 working days from the escalation
    expect(a.answerDueAt).toBe('2026-01-20T16:00:00.000Z');
    const missed = a.timeline.find((e) => e.kind === 'deadline_missed')!;
    expect(missed.departmentId).toBe(dept.bus);
    expect(a.timeline.find((e) => e.kind === 'escalated')!.data).toMatchObject({
      from: dept.bus,
      to: dept.logistics,
    });
    const overdue = await getJson<{ items: { id: number }[] }>(h, '/api/v1/appeals?overdue=true');
    expect(overdue.items.map((i) => i.id)).toContain(id);
    // idempotent: a second run changes nothing
    expect(await runDeadlines()).toMatchObject({ missed: 0, escalated: 0 });
    expect((await detail()).timeline.length).toBe(a.timeline.length);
    const notes = await call<{ kind: string }[]>(logistics, 'GET', '/api/v1/staff/inbox', undefined, 200);
    expect(notes.map((n) => n.kind)).toContain('escalated');
  });

  it('is answered by the parent with measures, an owner and a due date, which becomes a commitment', async () => {
    const answer = {
      kind: 'solvable',
      measures: '增开 5:40 班次',
      ownerDepartmentId: dept.bus,
      dueDate: '2026-01-20',
    };
    const refused = await busTeam.json('POST', `/api/v1/staff/appeals/${id}/answers`, answer);
    expect(refused.status).toBe(403);
    const created = await call<{ commitmentId: number }>(
      logistics,
      'POST',
      `/api/v1/staff/appeals/${id}/answers`,
      answer,
      201,
    );
    commitmentId = created.commitmentId;
    const a = await detail();
    expect(a.status).toBe('answered');
    expect(a.answerOverdue).toBe(false);
    expect(a.answers[0]).toMatchObject({
      kind: 'solvable',
      departmentId: dept.logistics,
      responderRole: 'responder',
    });
    expect(a.answers[0]!.content).toMatchObject({ measures: '增开 5:40 班次', ownerDepartmentId: dept.bus });
    expect(a.answers[0]!.commitments).toEqual([
      expect.objectContaining({
        id: commitmentId,
        kind: 'due',
        dueDate: '2026-01-20',
        overdue: false,
        outcome: null,
      }),
    ]);
  });

  it('shows the commitment overdue once its day has passed without an outcome', async () => {
    h.clock.set(Date.UTC(2026, 0, 21, 2));
    const before = await detail();
    expect(before.overdue).toBe(true);
    expect(before.answers[0]!.commitments[0]!.overdue).toBe(true);
    expect(await runDeadlines()).toMatchObject({ commitmentsOverdue: 1 });
    expect(kinds(await detail())).toContain('commitment_overdue');
    const notes = await call<{ kind: string; appeal: { id: number } }[]>(
      busTeam,
      'GET',
      '/api/v1/staff/inbox?unread=true',
      undefined,
      200,
    );
    expect(notes.map((n) => [n.kind, n.appeal.id])).toContainEqual(['commitment_overdue', id]);
  });

  it('gets the owner’s outcome (not kept, with text) and closes itself 14 days later without a verdict', async () => {
    await call(
      busTeam,
      'POST',
      `/api/v1/staff/commitments/${commitmentId}/outcome`,
      { outcome: 'not_kept', text: '车辆未到位' },
      200,
    );
    const a = await detail();
    expect(a.overdue).toBe(false);
    expect(a.answers[0]!.commitments[0]).toMatchObject({ outcome: 'not_kept', overdue: false });
    h.clock.advance(13 * DAY);
    expect(await runDeadlines()).toMatchObject({ closed: 0 });
    h.clock.advance(DAY + HOUR);
    expect(await runDeadlines()).toMatchObject({ closed: 1 });
    const closed = await detail();
    expect(closed.status).toBe('closed');
    expect(closed.timeline.at(-1)).toMatchObject({ kind: 'closed', data: { by: 'auto', afterDays: 14 } });
    expect(await runDeadlines()).toMatchObject({ closed: 0 });
  });

  it('leaves every step on the public, hash-chained log: staff by name and role, the clock as nobody', async () => {
    const log = await getJson<{
      entries: { kind: string; item: { id: number } | null; actor: { role: string } | null }[];
    }>(h, '/api/v1/log?limit=1000');
    const mine = log.entries.filter((e) => e.item?.id === id && e.kind.startsWith('appeal.'));
    expect(mine.map((e) => [e.kind, e.actor?.role ?? null])).toEqual([
      ['appeal.deadline-missed', null],
      ['appeal.escalate', null],
      ['appeal.answer', 'responder'],
      ['appeal.commitment-overdue', null],
      ['appeal.commitment-outcome', 'responder'],
      ['appeal.auto-close', null],
    ]);
  });
});
