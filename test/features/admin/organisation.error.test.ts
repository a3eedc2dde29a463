import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { call, type StaffClient, staffClient, storeAppeal } from '../audit/audit-fixture.js';

interface Department {
  id: number;
  slug: string;
  parentId: number | null;
}

describe('admin API: departments and categories refuse with stable codes', () => {
  let h: Harness;
  let admin: StaffClient;
  let bySlug: Map<string, Department>;
  const codeOf = async (res: Response, status: number) => {
    const body = (await res.json()) as { error: { code: string } };
    expect(res.status, JSON.stringify(body)).toBe(status);
    return body.error.code;
  };
  const create = (slug: string, parentId: number | null) =>
    call<Department>(
      admin,
      'POST',
      '/api/v1/staff/admin/departments',
      { slug, nameZh: slug, nameEn: slug, parentId },
      201,
    );

  beforeAll(async () => {
    h = await createHarness();
    admin = await staffClient(h, 'admin');
    const all = await call<Department[]>(admin, 'GET', '/api/v1/staff/admin/departments', undefined);
    bySlug = new Map(all.map((d) => [d.slug, d]));
  });
  afterAll(() => h.close());

  it('a move under itself or any of its descendants → 409 DEPARTMENT_CYCLE, nothing changed', async () => {
    const logistics = bySlug.get('logistics')!;
    const canteen = bySlug.get('canteen')!;
    const grandchild = await create('canteen-kitchen', canteen.id);
    for (const parentId of [logistics.id, canteen.id, grandchild.id]) {
      const res = await admin.json('PATCH', `/api/v1/staff/admin/departments/${logistics.id}`, { parentId });
      expect(await codeOf(res, 409), `under ${parentId}`).toBe('DEPARTMENT_CYCLE');
    }
    const root = await admin.json('PATCH', `/api/v1/staff/admin/departments/${bySlug.get('bureau')!.id}`, {
      parentId: canteen.id,
    });
    expect(await codeOf(root, 409)).toBe('DEPARTMENT_CYCLE');
    const after = await call<Department[]>(admin, 'GET', '/api/v1/staff/admin/departments', undefined);
    expect(after.find((d) => d.id === logistics.id)?.parentId).toBe(logistics.parentId);
  });

  it('deleting a department with appeals → 409 DEPARTMENT_HAS_APPEALS', async () => {
    const { id } = await storeAppeal(h, '食堂饭菜', '太咸');
    const dept = await create('appeal-holder', bySlug.get('bureau')!.id);
    await h.db.run(`UPDATE appeals SET department_id = ${dept.id} WHERE id = ${id}`);
    const res = await admin.json('DELETE', `/api/v1/staff/admin/departments/${dept.id}`);
    expect(await codeOf(res, 409)).toBe('DEPARTMENT_HAS_APPEALS');
  });

  it('deleting a department with sub-departments, staff or categories → 409 DEPARTMENT_IN_USE', async () => {
    for (const slug of ['logistics', 'labour-wages']) {
      const res = await admin.json('DELETE', `/api/v1/staff/admin/departments/${bySlug.get(slug)!.id}`);
      expect(await codeOf(res, 409), slug).toBe('DEPARTMENT_IN_USE');
    }
    const staffed = await create('staffed-office', null);
    await staffClient(h, 'responder', [staffed.id]);
    const res = await admin.json('DELETE', `/api/v1/staff/admin/departments/${staffed.id}`);
    expect(await codeOf(res, 409)).toBe('DEPARTMENT_IN_USE');
  });

  it('a taken slug → 409 SLUG_TAKEN; a bad slug or an unknown parent → 422', async () => {
    const body = { slug: 'canteen', nameZh: '食堂', nameEn: 'Canteen', parentId: null };
    expect(await codeOf(await admin.json('POST', '/api/v1/staff/admin/departments', body), 409)).toBe(
      'SLUG_TAKEN',
    );
    expect(
      await codeOf(
        await admin.json('POST', '/api/v1/staff/admin/categories', { ...body, parentId: undefined }),
        409,
      ),
    ).toBe('SLUG_TAKEN');
    const badSlug = await admin.json('POST', '/api/v1/staff/admin/departments', {
      ...body,
      slug: 'Bad Slug',
    });
    expect(await codeOf(badSlug, 422)).toBe('VALIDATION_FAILED');
    const orphan = await admin.json('POST', '/api/v1/staff/admin/departments', {
      ...body,
      slug: 'orphan',
      parentId: 999999,
    });
    expect(await codeOf(orphan, 422)).toBe('DEPARTMENT_NOT_FOUND');
    const move = await admin.json('PATCH', `/api/v1/staff/admin/departments/${bySlug.get('canteen')!.id}`, {
      parentId: 999999,
    });
    expect(await codeOf(move, 422)).toBe('DEPARTMENT_NOT_FOUND');
  });

  it('categories: unknown category, unknown default department, answer days out of range → 422', async () => {
    const missing = await admin.json('PATCH', '/api/v1/staff/admin/categories/999999', { nameZh: 'x' });
    expect(await codeOf(missing, 422)).toBe('CATEGORY_NOT_FOUND');
    const dept = await admin.json('PATCH', '/api/v1/staff/admin/categories/1', {
      defaultDepartmentId: 999999,
    });
    expect(await codeOf(dept, 422)).toBe('DEPARTMENT_NOT_FOUND');
    const days = await admin.json('PATCH', '/api/v1/staff/admin/categories/1', { answerDays: 0 });
    expect(await codeOf(days, 422)).toBe('VALIDATION_FAILED');
    const extra = await admin.json('PATCH', '/api/v1/staff/admin/categories/1', { slug: 'renamed' });
    expect(await codeOf(extra, 422), 'the slug is stable: no field to change it').toBe('VALIDATION_FAILED');
  });
});
