import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logEntries } from '../../../db/schema/index.js';
import { loadSegmenter } from '../../../src/features/analytics/dictionary.service.js';
import { createHarness, type Harness } from '../../helpers/harness.js';

const TERMS = '/api/v1/staff/admin/analytics/terms';

describe('the admin-editable analysis dictionary', () => {
  let h: Harness;
  let admin: Awaited<ReturnType<Harness['signIn']>>;

  beforeAll(async () => {
    h = await createHarness();
    admin = await h.signIn(await h.createStaff({ role: 'admin' }));
  });
  afterAll(() => h.close());

  it('segments real-looking sentences with built-in domain terms before any edit', async () => {
    const seg = await loadSegmenter(h.db);
    expect(seg.words('路局劳卫处今年调资方案什么时候公布')).toEqual(
      expect.arrayContaining(['路局', '劳卫处', '调资']),
    );
    expect(seg.words('倒班职工坐不上班车，公寓热水也经常停')).toEqual(
      expect.arrayContaining(['倒班', '班车', '公寓']),
    );
    expect(seg.words('异地就医的医保报销太麻烦')).toEqual(expect.arrayContaining(['医保', '异地就医']));
    // what ICU splits and no built-in entry knows yet
    expect(seg.words('夜班的夜餐费标准太低')).not.toContain('夜餐费');
  });

  it('keeps an admin-added term whole from the next run, and logs the addition publicly', async () => {
    const res = await admin.json('POST', TERMS, { kind: 'term', term: '夜餐费' });
    expect(res.status, await res.clone().text()).toBe(201);
    const seg = await loadSegmenter(h.db);
    expect(seg.words('夜班的夜餐费标准太低，路局劳卫处给个说法')).toEqual(
      expect.arrayContaining(['夜餐费', '路局', '劳卫处']),
    );
    expect(seg.terms('夜餐费好几年没涨')).toContain('夜餐费');
    const log = await h.db.select().from(logEntries);
    expect(log.map((e) => e.kind)).toContain('analytics-dictionary.add');
  });

  it('drops an admin-added stop word from the terms, and stops using a removed entry', async () => {
    const added = await admin.json('POST', TERMS, { kind: 'stop-word', term: '重视' });
    expect(added.status).toBe(201);
    expect((await loadSegmenter(h.db)).terms('请领导重视医保报销')).not.toContain('重视');
    const { id } = (await added.json()) as { id: number };
    expect((await admin.request(`${TERMS}/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await loadSegmenter(h.db)).terms('请领导重视医保报销')).toContain('重视');
    const list = (await (await admin.json('GET', TERMS)).json()) as { items: { term: string }[] };
    expect(list.items.map((e) => e.term)).toEqual(['夜餐费']);
    const kinds = (await h.db.select().from(logEntries)).map((e) => e.kind);
    expect(kinds).toContain('analytics-dictionary.remove');
  });

  it('stores a term as the segmenter compares it (NFKC, lower case)', async () => {
    const res = await admin.json('POST', TERMS, { kind: 'term', term: 'ＣＲＨ３８０' });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { term: string }).term).toBe('crh380');
  });
});
