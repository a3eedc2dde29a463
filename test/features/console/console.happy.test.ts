import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staff } from '../../../db/schema/index.js';
import { createStaff } from '../../../src/features/staff/index.js';
import { DAY, HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { deptId, row, store } from '../appeals/appeals-fixture.js';
import { consoleClient, flagAppeals, html, insertAlert } from './console-fixture.js';

const chinaDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
const setCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('zt_staff=')) ?? '';

describe('staff console: the day of a responder, a dispatcher and a moderator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('signs in through the form, must change a one-time password first, and signs out', async () => {
    await createStaff(h.db, {
      username: 'new-responder',
      displayName: '新答复员',
      role: 'responder',
      password: 'one-time-password-123',
      departmentIds: [1],
      mustChangePassword: true,
      now: h.clock.now(),
    });
    const form = (fields: Record<string, string>, cookie = '') => ({
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams(fields).toString(),
    });
    const signIn = await h.request(
      '/staff/sign-in',
      form({ username: 'new-responder', password: 'one-time-password-123', totp: '' }),
    );
    expect(signIn.status, await signIn.clone().text()).toBe(303);
    expect(signIn.headers.get('location')).toBe('/staff/password');
    const cookie = setCookie(signIn).split(';')[0]!;
    expect(cookie).toMatch(/^zt_staff=./);

    const blocked = await h.request('/staff/queue', { headers: { cookie } });
    expect(blocked.status).toBe(303);
    expect(blocked.headers.get('location')).toBe('/staff/password');
    expect(await html(await h.request('/staff/password', { headers: { cookie } }), 200)).toContain(
      'name="newPassword"',
    );

    const changed = await h.request(
      '/staff/password',
      form({ currentPassword: 'one-time-password-123', newPassword: 'my-own-long-password' }, cookie),
    );
    expect(changed.status, await changed.clone().text()).toBe(303);
    expect(changed.headers.get('location')).toBe('/staff/queue');
    const fresh = setCookie(changed).split(';')[0]!;
    expect(await html(await h.request('/staff/queue', { headers: { cookie: fresh } }), 200)).toContain(
      '待答复的诉求',
    );
    // the old session ended with the password change
    expect((await h.request('/staff/queue', { headers: { cookie } })).status).toBe(303);

    const out = await h.request('/staff/sign-out', form({}, fresh));
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/staff/sign-in?out=1');
    const after = await h.request('/staff/queue', { headers: { cookie: fresh } });
    expect(after.headers.get('location'), 'a signed-out session is refused').toBe('/staff/sign-in');
  });

  it('a responder sees the department’s queue and answers with a commitment that the public page shows', async () => {
    const { id } = await store(h, {
      title: '机务段食堂晚上不开门',
      body: '夜班职工吃不上热饭。',
      category: 'pay',
    });
    const dept = (await row(h, id)).departmentId!;
    const responder = await consoleClient(h, 'responder', [dept]);
    const queue = await html(await responder.get('/staff/queue'), 200);
    expect(queue).toContain('机务段食堂晚上不开门');
    expect(queue).toContain(`/staff/appeals/${id}`);

    const page = await html(await responder.get(`/staff/appeals/${id}`), 200);
    for (const field of [
      'measures',
      'ownerDepartmentId',
      'dueDate',
      'reason',
      'investigation',
      'nextUpdate',
      'explanation',
    ])
      expect(page, field).toContain(`name="${field}"`);

    const due = chinaDay(h.clock.now() + 30 * DAY);
    const res = await responder.post(`/staff/appeals/${id}/answers`, {
      kind: 'solvable',
      measures: '食堂夜间窗口延长到 23 点',
      ownerDepartmentId: String(dept),
      dueDate: due,
    });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/appeals/${id}?done=answered`);

    const publicPage = await html(await h.request(`/appeals/${id}`), 200);
    expect(publicPage).toContain('食堂夜间窗口延长到 23 点');
    expect(publicPage).toContain('承诺于');
    const api = (await (await h.request(`/api/v1/appeals/${id}`)).json()) as {
      answers: { commitments: { dueDate: string }[] }[];
    };
    expect(api.answers[0]?.commitments[0]?.dueDate).toBe(due);
  });

  it('a dispatcher reassigns from the routing view, with a public reason', async () => {
    const { id } = await store(h, { title: '宿舍热水器坏了', body: '三楼热水器坏了两周。', category: 'pay' });
    const target = await deptId(h, 'personnel');
    const dispatcher = await consoleClient(h, 'dispatcher');
    const routing = await html(await dispatcher.get('/staff/routing'), 200);
    expect(routing).toContain(`/staff/appeals/${id}/assignment`);
    const res = await dispatcher.post(`/staff/appeals/${id}/assignment`, {
      departmentId: String(target),
      reason: '属于人事部门职责',
      from: 'routing',
    });
    expect(res.status, await res.clone().text()).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/routing?done=assigned');
    expect((await row(h, id)).departmentId).toBe(target);
  });

  it('a moderator hides a flagged appeal with a public reason; the public page shows the tombstone', async () => {
    const { id } = await store(h, { title: '点名批评张三师傅', body: '张三师傅天天迟到。', category: 'pay' });
    await flagAppeals(h, [id]);
    const mod = await consoleClient(h, 'moderator');
    const queue = await html(await mod.get('/staff/moderation'), 200);
    expect(queue).toContain('点名批评张三师傅');
    expect(queue).toContain(`/staff/moderation/appeal/${id}/hide`);

    const res = await mod.post(`/staff/moderation/appeal/${id}/hide`, {
      reason: 'personal-attack',
      note: '点名了普通职工',
    });
    expect(res.status, await res.clone().text()).toBe(303);
    const publicPage = await html(await h.request(`/appeals/${id}`), 200);
    expect(publicPage).toContain('已被审核隐藏');
    expect(publicPage).toContain('点名了普通职工');
    expect(publicPage).not.toContain('张三师傅天天迟到');
  });

  it('an analyst opens an alert with its daily volume as SVG, assigns it and records the response', async () => {
    for (let i = 0; i < 3; i++)
      await store(h, { title: `工资晚发 ${i}`, body: '本月工资又晚发了。', category: 'pay' });
    const alertId = await insertAlert(h);
    const analyst = await consoleClient(h, 'analyst');
    expect(await html(await analyst.get('/staff/alerts'), 200)).toContain(`/staff/alerts/${alertId}`);
    const page = await html(await analyst.get(`/staff/alerts/${alertId}`), 200);
    const svg = page.match(/<svg class="chart"[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect(svg).toContain('role="img"');
    // four weeks of baseline and the three days of the rise, one bar a day
    expect(svg.match(/<rect /g)?.length).toBe(31);
    expect(svg).not.toMatch(/<script|style=/);
    const personnel = await deptId(h, 'personnel');
    const assigned = await analyst.post(`/staff/alerts/${alertId}/assignment`, {
      departmentId: String(personnel),
    });
    expect(assigned.status, await assigned.clone().text()).toBe(303);
    const closed = await analyst.post(`/staff/alerts/${alertId}/closure`, {
      responseKind: 'explainer',
      note: '发布了工资发放时间的说明',
      url: '',
    });
    expect(closed.status, await closed.clone().text()).toBe(303);
    const after = await html(await analyst.get(`/staff/alerts/${alertId}`), 200);
    expect(after).toContain('发布了工资发放时间的说明');
    expect(after).not.toContain('/closure');
  });

  it('an admin creates a responder (one-time password shown once), disables a member and rotates salts', async () => {
    const admin = await consoleClient(h, 'admin');
    expect(await html(await admin.get('/staff/admin'), 200)).toContain('autoHideWeight');
    const created = await admin.post('/staff/admin/staff', {
      username: 'canteen-responder',
      displayName: '食堂答复员',
      role: 'responder',
      departmentIds: String(await deptId(h, 'canteen')),
    });
    const page = await html(created, 200);
    expect(page).toMatch(/一次性密码（只显示一次）：\S{8,}/);
    expect(page).toContain('canteen-responder');
    const [member] = await h.db.select().from(staff).where(eq(staff.username, 'canteen-responder'));
    expect(member?.mustChangePassword).toBe(true);

    const disabled = await admin.post(`/staff/admin/staff/${member!.id}/disable`, {});
    expect(disabled.status, await disabled.clone().text()).toBe(303);
    expect((await h.db.select().from(staff).where(eq(staff.id, member!.id)))[0]?.disabledAt).not.toBeNull();

    const rotated = await admin.post('/staff/admin/salts/rotate', {});
    expect(rotated.status).toBe(303);
    const log = (await (await h.request('/api/v1/log?limit=100')).json()) as { entries?: { kind: string }[] };
    const kinds = JSON.stringify(log);
    for (const kind of ['staff.create', 'staff.disable', 'salts.rotate']) expect(kinds).toContain(kind);
    const viewer = await html(await (await consoleClient(h, 'analyst')).get('/staff/log'), 200);
    expect(viewer).toContain('<code>salts.rotate</code>');
    expect(viewer.indexOf('salts.rotate'), 'newest first').toBeLessThan(viewer.indexOf('staff.create'));
  });
});
