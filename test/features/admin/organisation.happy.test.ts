import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { call, publicLog, type StaffClient, staffClient, verify } from '../audit/audit-fixture.js';

interface Department {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  parentId: number | null;
}
interface Category {
  id: number;
  slug: string;
  answerDays: number;
  defaultDepartmentId: number | null;
}

describe('admin API: departments and categories, each change on the public log', () => {
  let h: Harness;
  let admin: StaffClient;
  const lastEntry = async (kind: string) => (await publicLog(h)).filter((e) => e.kind === kind).at(-1);
  const bureau = async () =>
    (await call<Department[]>(admin, 'GET', '/api/v1/staff/admin/departments', undefined)).find(
      (d) => d.slug === 'bureau',
    )!;

  beforeAll(async () => {
    h = await createHarness();
    admin = await staffClient(h, 'admin');
  });
  afterAll(() => h.close());

  it('creates a department, renames it and moves it under another parent; the public list follows', async () => {
    const root = await bureau();
    const depot = await call<Department>(
      admin,
      'POST',
      '/api/v1/staff/admin/departments',
      { slug: 'emu-depot', nameZh: '动车段', nameEn: 'EMU Depot', parentId: root.id },
      201,
    );
    expect(await lastEntry('department.create')).toMatchObject({
      actor: { role: 'admin', username: admin.username },
      data: { slug: 'emu-depot', parentId: root.id },
    });
    const workshop = await call<Department>(
      admin,
      'POST',
      '/api/v1/staff/admin/departments',
      { slug: 'emu-workshop', nameZh: '检修车间', nameEn: 'Workshop', parentId: root.id },
      201,
    );
    const moved = await call<Department>(admin, 'PATCH', `/api/v1/staff/admin/departments/${workshop.id}`, {
      nameEn: 'EMU Maintenance Workshop',
      parentId: depot.id,
    });
    expect(moved).toMatchObject({
      nameZh: '检修车间',
      nameEn: 'EMU Maintenance Workshop',
      parentId: depot.id,
    });
    expect(await lastEntry('department.update')).toMatchObject({
      data: {
        slug: 'emu-workshop',
        changes: {
          nameEn: { from: 'Workshop', to: 'EMU Maintenance Workshop' },
          parentId: { from: root.id, to: depot.id },
        },
      },
    });
    const list = (await (await h.request('/api/v1/departments')).json()) as Department[];
    expect(list.find((d) => d.id === workshop.id)?.parentId).toBe(depot.id);
  });

  it('deletes a department nothing refers to, logged', async () => {
    const temp = await call<Department>(
      admin,
      'POST',
      '/api/v1/staff/admin/departments',
      { slug: 'temp-office', nameZh: '临时办公室', nameEn: 'Temporary Office', parentId: null },
      201,
    );
    expect(await call(admin, 'DELETE', `/api/v1/staff/admin/departments/${temp.id}`, undefined)).toEqual({
      ok: true,
    });
    expect(await lastEntry('department.delete')).toMatchObject({
      data: { id: temp.id, slug: 'temp-office' },
    });
    const list = await call<Department[]>(admin, 'GET', '/api/v1/staff/admin/departments', undefined);
    expect(list.map((d) => d.slug)).not.toContain('temp-office');
  });

  it('creates a category and changes its names, default department and answer days in one logged change', async () => {
    const root = await bureau();
    const created = await call<Category>(
      admin,
      'POST',
      '/api/v1/staff/admin/categories',
      { slug: 'uniforms', nameZh: '工装', nameEn: 'Uniforms' },
      201,
    );
    expect(created).toMatchObject({ answerDays: 5, defaultDepartmentId: null });
    const updated = await call<Category>(admin, 'PATCH', `/api/v1/staff/admin/categories/${created.id}`, {
      nameZh: '工装劳保',
      answerDays: 10,
      defaultDepartmentId: root.id,
    });
    expect(updated).toMatchObject({ answerDays: 10, defaultDepartmentId: root.id });
    expect(await lastEntry('category.update')).toMatchObject({
      data: {
        slug: 'uniforms',
        changes: {
          nameZh: { from: '工装', to: '工装劳保' },
          answerDays: { from: 5, to: 10 },
          defaultDepartmentId: { from: null, to: root.id },
        },
      },
    });
    const listed = await call<Category[]>(admin, 'GET', '/api/v1/staff/admin/categories', undefined);
    expect(listed.find((c) => c.id === created.id)).toMatchObject({ answerDays: 10 });
  });

  it('the answer-days endpoint of the appeal settings is the same change, and is logged too', async () => {
    const [category] = await call<Category[]>(admin, 'GET', '/api/v1/staff/admin/categories', undefined);
    await call(admin, 'PUT', `/api/v1/staff/categories/${category!.id}/answer-days`, { answerDays: 7 });
    expect(await lastEntry('category.update')).toMatchObject({
      data: { id: category!.id, changes: { answerDays: { from: category!.answerDays, to: 7 } } },
    });
    expect((await verify(h)).problems).toEqual([]);
  });
});
