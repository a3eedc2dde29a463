import { eq } from 'drizzle-orm';
import Database from 'libsql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { departments } from '../../db/schema/index.js';
import { departmentTree } from '../../src/features/appeals/appeal-state.js';
import { organisationNames } from '../../src/features/web/organisation-names.js';
import { type ChangeWatch, watchChanges } from '../../src/platform/db/change-watch.node.js';
import { watchVersion } from '../../src/platform/db/version-memo.js';
import { createHarness, type Harness } from '../helpers/harness.js';

/** Departments and categories kept per database version: never older than the last commit, by anyone. */
describe('memo per database version', () => {
  let h: Harness;
  let watch: ChangeWatch;
  let deptId: number;
  beforeEach(async () => {
    h = await createHarness();
    watch = watchChanges(h.config.DATABASE_URL)!;
    deptId = (await h.db.select().from(departments))[0]!.id;
  });
  afterEach(() => {
    watch.close();
    h.close();
  });

  it('loads afresh on every call where nothing watches the database', async () => {
    expect(await organisationNames(h.db, 'zh-CN')).not.toBe(await organisationNames(h.db, 'zh-CN'));
  });

  it('keeps one load until this process commits, then shows the change', async () => {
    watchVersion(h.db, watch.version);
    const first = await organisationNames(h.db, 'zh-CN');
    expect(await organisationNames(h.db, 'zh-CN')).toBe(first);
    await h.db.update(departments).set({ nameZh: '新名字' }).where(eq(departments.id, deptId));
    expect((await organisationNames(h.db, 'zh-CN')).department(deptId)).toBe('新名字');
    expect((await departmentTree(h.db)).nameOf(deptId)).toBe('新名字');
  });

  it('shows a commit made by another process (the CLI) at the next read', async () => {
    watchVersion(h.db, watch.version);
    expect((await departmentTree(h.db)).nameOf(deptId)).not.toBe('别处改的');
    const other = new Database(h.config.DATABASE_URL.slice('file:'.length));
    other.prepare('UPDATE departments SET name_zh = ? WHERE id = ?').run('别处改的', deptId);
    other.close();
    expect((await departmentTree(h.db)).nameOf(deptId)).toBe('别处改的');
  });

  it('keeps the two languages apart', async () => {
    watchVersion(h.db, watch.version);
    const zh = await organisationNames(h.db, 'zh-CN');
    const en = await organisationNames(h.db, 'en');
    expect(en.department(deptId)).not.toBe(zh.department(deptId));
  });
});
