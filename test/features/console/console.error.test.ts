import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealAnswers } from '../../../db/schema/index.js';
import { DAY, HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { deptId, row, store } from '../appeals/appeals-fixture.js';
import { type ConsoleClient, consoleClient, flagAppeals, html } from './console-fixture.js';

const chinaDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);

describe('staff console: wrong input re-renders the form with 422, never a 500', () => {
  let h: Harness;
  let id: number;
  let dept: number;
  let responder: ConsoleClient;

  beforeAll(async () => {
    h = await createHarness();
    ({ id } = await store(h, { title: '通勤班车取消', body: '早班通勤车取消了。', category: 'pay' }));
    dept = (await row(h, id)).departmentId!;
    responder = await consoleClient(h, 'responder', [dept]);
  });
  afterAll(() => h.close());

  const answer = (fields: Record<string, string>) => responder.post(`/staff/appeals/${id}/answers`, fields);

  it('each answer kind requires its own fields; the errors name them and the typed text is kept', async () => {
    const solvable = await html(await answer({ kind: 'solvable', measures: '增开班车', dueDate: '' }), 422);
    expect(solvable).toContain('请修改以下内容');
    expect(solvable).toMatch(
      /id="solvable-ownerDepartmentId"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="solvable-ownerDepartmentId"/,
    );
    expect(solvable).toContain('完成日期（公开承诺）: 请填写此项');
    expect(solvable, 'what was typed is filled back in').toContain('>增开班车</textarea>');

    const notYet = await html(await answer({ kind: 'not_yet_solvable', reason: '需协调车辆' }), 422);
    expect(notYet).toContain('正在调查的内容: 请填写此项');
    expect(notYet).toContain('下次更新日期（公开承诺）: 请填写此项');

    const policy = await html(
      await answer({ kind: 'outside_policy', explanation: '按规定', policyUrl: 'javascript:alert(1)' }),
      422,
    );
    expect(policy).toContain('政策说明链接（可选，https:// 或站内路径）: 此项格式不正确');

    await html(await answer({ kind: 'made_up', text: 'x' }), 422);
    await html(
      await answer({
        kind: 'solvable',
        measures: 'x',
        ownerDepartmentId: String(dept),
        dueDate: '2026-02-30',
      }),
      422,
    );
    expect(await h.db.select().from(appealAnswers), 'nothing was published').toEqual([]);
  });

  it('a commitment date in the past or an unknown department is a field error, not an error page', async () => {
    const past = await html(
      await answer({
        kind: 'solvable',
        measures: '增开班车',
        ownerDepartmentId: String(dept),
        dueDate: chinaDay(h.clock.now() - 2 * DAY),
      }),
      422,
    );
    expect(past).toContain('请填写 年-月-日 格式的日期，且不早于今天');
    const unknown = await html(
      await answer({
        kind: 'solvable',
        measures: '增开班车',
        ownerDepartmentId: '999999',
        dueDate: chinaDay(h.clock.now() + DAY),
      }),
      422,
    );
    expect(unknown).toContain('请选择一个部门');
  });

  it('a responder of another department is refused by the service, as a page', async () => {
    const other = await consoleClient(h, 'responder', [await deptId(h, 'safety')]);
    const res = await other.post(`/staff/appeals/${id}/answers`, {
      kind: 'outside_policy',
      explanation: '按规定',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('unknown appeals, items and decisions are 404 pages', async () => {
    for (const path of ['/staff/appeals/0', '/staff/appeals/abc', '/staff/appeals/999999'])
      expect((await responder.get(path)).status, path).toBe(404);
    const mod = await consoleClient(h, 'moderator');
    expect((await mod.post('/staff/moderation/appeal/999999/keep', { note: 'x' })).status).toBe(404);
    expect((await mod.post(`/staff/moderation/appeal/${id}/rewrite`, { note: 'x' })).status).toBe(404);
  });

  it('hiding without a reason or note is 422 on the queue, and the item stays visible', async () => {
    const { id: flagged } = await store(h, { title: '被举报的帖子', body: '内容', category: 'pay' });
    await flagAppeals(h, [flagged]);
    const mod = await consoleClient(h, 'moderator');
    const page = await html(
      await mod.post(`/staff/moderation/appeal/${flagged}/hide`, { note: '理由', reason: '' }),
      422,
    );
    expect(page).toContain('请填写此项');
    await html(await mod.post(`/staff/moderation/appeal/${flagged}/hide`, { note: '', reason: 'spam' }), 422);
    expect(await html(await h.request(`/appeals/${flagged}`), 200)).toContain('被举报的帖子');
  });

  it('a wrong password re-renders the sign-in form with 401 and keeps the username', async () => {
    const who = await h.createStaff({ role: 'analyst' });
    const res = await h.request('/staff/sign-in', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: who.username, password: 'wrong-password' }).toString(),
    });
    const page = await html(res, 401);
    expect(page).toContain('用户名或密码不正确');
    expect(page).toContain(`value="${who.username}"`);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});
