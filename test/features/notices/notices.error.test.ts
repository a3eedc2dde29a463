import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { errorOf } from '../../helpers/wallet.js';

const valid = { title: '通知', body: '正文', departmentId: 4, decidedOn: '2026-01-05' };

describe('notices: who may publish, and bad input', () => {
  let h: Harness;
  let responder: Awaited<ReturnType<Harness['signIn']>>;
  let admin: Awaited<ReturnType<Harness['signIn']>>;
  beforeAll(async () => {
    h = await createHarness();
    [responder, admin] = await Promise.all([
      h.signIn(await h.createStaff({ role: 'responder', departmentIds: [4] })),
      h.signIn(await h.createStaff({ role: 'admin' })),
    ]);
  });
  afterAll(() => h.close());

  it('workers cannot publish (401), moderators may not (403), responders only for their departments', async () => {
    const worker = await h.postJson('/api/v1/staff/notices', valid, { origin: ORIGIN });
    expect(await errorOf(worker)).toMatchObject({ status: 401, code: 'STAFF_AUTH_REQUIRED' });
    const mod = await h.signIn(await h.createStaff({ role: 'moderator' }));
    expect(await errorOf(await mod.json('POST', '/api/v1/staff/notices', valid))).toMatchObject({
      status: 403,
      code: 'STAFF_FORBIDDEN',
    });
    const elsewhere = await responder.json('POST', '/api/v1/staff/notices', { ...valid, departmentId: 12 });
    expect(await errorOf(elsewhere)).toMatchObject({ status: 403, code: 'DEPARTMENT_FORBIDDEN' });
  });

  it.each([
    ['a javascript: attachment', { attachments: [{ title: 'x', url: 'javascript:alert(1)' }] }],
    ['a data: attachment', { attachments: [{ title: 'x', url: 'data:text/html,hi' }] }],
    ['a bad date', { decidedOn: '2026-13-40' }],
    ['an empty title', { title: ' ' }],
  ])('%s is refused (422)', async (_, over) => {
    const res = await admin.json('POST', '/api/v1/staff/notices', { ...valid, ...over });
    expect(await errorOf(res)).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
  });

  it('unknown department or appeal is 422; unknown notice or department feed is 404', async () => {
    const dept = await admin.json('POST', '/api/v1/staff/notices', { ...valid, departmentId: 999 });
    expect(await errorOf(dept)).toMatchObject({ status: 422, code: 'DEPARTMENT_NOT_FOUND' });
    const appeal = await admin.json('POST', '/api/v1/staff/notices', { ...valid, appealIds: [424242] });
    expect(await errorOf(appeal)).toMatchObject({ status: 422, code: 'NOTICE_APPEAL_NOT_FOUND' });
    expect(await errorOf(await h.request('/api/v1/notices/999'))).toMatchObject({ status: 404 });
    expect((await h.request('/api/v1/departments/nowhere/notices.atom')).status).toBe(404);
  });
});
