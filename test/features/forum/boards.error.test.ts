import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { errorOf } from '../../helpers/wallet.js';

describe('forum boards and staff replies: who may, and bad input', () => {
  let h: Harness;
  let admin: Awaited<ReturnType<Harness['signIn']>>;
  let responder: Awaited<ReturnType<Harness['signIn']>>;
  beforeAll(async () => {
    h = await createHarness();
    [admin, responder] = await Promise.all([
      h.signIn(await h.createStaff({ role: 'admin' })),
      h.signIn(await h.createStaff({ role: 'responder', departmentIds: [4] })),
    ]);
  }, 120_000);
  afterAll(() => h.close());

  it('only admins manage boards', async () => {
    const body = { slug: 'x', nameZh: '版块', nameEn: 'Board' };
    expect(await errorOf(await responder.json('POST', '/api/v1/staff/forum/boards', body))).toMatchObject({
      status: 403,
      code: 'STAFF_FORBIDDEN',
    });
    expect(
      await errorOf(await h.postJson('/api/v1/staff/forum/boards', body, { origin: ORIGIN })),
    ).toMatchObject({
      status: 401,
    });
  });

  it.each([
    ['an upper-case slug', { slug: 'Pay', nameZh: '工资', nameEn: 'Pay' }],
    ['an empty name', { slug: 'pay2', nameZh: ' ', nameEn: 'Pay' }],
    ['a missing English name', { slug: 'pay3', nameZh: '工资' }],
  ])('%s → 422', async (_, body) => {
    expect(await errorOf(await admin.json('POST', '/api/v1/staff/forum/boards', body))).toMatchObject({
      status: 422,
      code: 'VALIDATION_FAILED',
    });
  });

  it('an empty rename → 422; a staff reply to a missing thread → 404, with an empty body → 422', async () => {
    expect(await errorOf(await admin.json('PATCH', '/api/v1/staff/forum/boards/1', {}))).toMatchObject({
      status: 422,
    });
    const missing = await responder.json('POST', '/api/v1/staff/forum/threads/999/replies', {
      body: '答复',
      departmentId: 4,
    });
    expect(await errorOf(missing)).toMatchObject({ status: 404, code: 'THREAD_NOT_FOUND' });
    const empty = await responder.json('POST', '/api/v1/staff/forum/threads/999/replies', {
      body: '',
      departmentId: 4,
    });
    expect(await errorOf(empty)).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
  });
});
