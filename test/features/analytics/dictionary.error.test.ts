import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';

const TERMS = '/api/v1/staff/admin/analytics/terms';

describe('analysis dictionary errors and access', () => {
  let h: Harness;
  let admin: Awaited<ReturnType<Harness['signIn']>>;

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.signIn(await h.createStaff({ role: 'admin' }));
  });
  afterAll(() => h.close());

  const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  it('409 for a word already in the dictionary, however it is written', async () => {
    expect((await admin.json('POST', TERMS, { kind: 'term', term: '探亲假' })).status).toBe(201);
    const res = await admin.json('POST', TERMS, { kind: 'term', term: ' 探亲假 ' });
    expect(res.status).toBe(409);
    expect(await code(res)).toBe('DICTIONARY_ENTRY_EXISTS');
  });

  it('404 for removing an entry that does not exist', async () => {
    const res = await admin.request(`${TERMS}/99999`, { method: 'DELETE' });
    expect(res.status).toBe(404);
    expect(await code(res)).toBe('DICTIONARY_ENTRY_NOT_FOUND');
  });

  it.each([
    ['an empty term', { kind: 'term', term: '  ' }],
    ['a sentence', { kind: 'term', term: '班车，太早' }],
    ['an unknown kind', { kind: 'synonym', term: '班车' }],
    ['an extra field', { kind: 'term', term: '班车', weight: 2 }],
    ['a term that is too long', { kind: 'term', term: '长'.repeat(21) }],
  ])('422 for %s', async (_, body) => {
    const res = await admin.json('POST', TERMS, body);
    expect(res.status, await res.clone().text()).toBe(422);
  });

  it.each(['analyst', 'moderator'] as const)(
    '403 for an %s: only admins edit the dictionary',
    async (role) => {
      const other = await h.signIn(await h.createStaff({ role }));
      expect((await other.json('POST', TERMS, { kind: 'term', term: '夜餐费' })).status).toBe(403);
      expect((await other.json('GET', TERMS)).status).toBe(403);
    },
  );

  it('401 without a staff session', async () => {
    expect((await h.request(TERMS)).status).toBe(401);
  });
});
