import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';

const HOUSING_DEPT = 4;
const HOUSING_CATEGORY = 3;

interface Explainer {
  id: number;
  version: number;
  departmentId: number;
  bodyHtml: string;
  versions: { id: number; version: number; note: string; editedBy: { role: string } }[];
  questions: { id: number }[];
  answers: { id: number; title: string }[];
}

describe('explainers: publish, edit in public versions, questions and hot topics', () => {
  let h: Harness;
  let responder: Awaited<ReturnType<Harness['signIn']>>;
  let admin: Awaited<ReturnType<Harness['signIn']>>;
  let tokens: string[];
  const pay = () => ({ authorization: tokens.pop()! });
  const draft = {
    title: '单身公寓租金调整解读',
    summary: '租金按面积分档，老职工不变。',
    body: '## 标准\n\n- 每平方米 **8 元**\n\n详见 [通知](https://example.org/rent.pdf)。',
    effectiveOn: '2026-03-01',
    categoryIds: [HOUSING_CATEGORY],
    departmentId: HOUSING_DEPT,
  };
  const publish = async (body: Record<string, unknown> = {}) => {
    const res = await responder.json('POST', '/api/v1/staff/explainers', { ...draft, ...body });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Explainer;
  };
  const get = async <T>(path: string) => {
    const res = await h.request(path);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as T;
  };
  const postAppeal = async (title: string) => {
    const res = await h.postJson(
      '/api/v1/appeals',
      { title, body: `${title}，请解释`, categoryId: 3 },
      pay(),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };

  beforeAll(async () => {
    h = await createHarness();
    [responder, admin] = await Promise.all([
      h.signIn(await h.createStaff({ role: 'responder', departmentIds: [HOUSING_DEPT] })),
      h.signIn(await h.createStaff({ role: 'admin' })),
    ]);
    tokens = await fetchTokens(h.request, (await h.codes(1))[0]!, 8, { batch: true });
  }, 120_000);
  afterAll(() => h.close());

  it('a responder publishes for their department: rendered body, version 1, on the log with a text commitment', async () => {
    const e = await publish();
    expect(e).toMatchObject({ version: 1, departmentId: HOUSING_DEPT, questions: [], answers: [] });
    expect(e.bodyHtml).toContain('<strong>8 元</strong>');
    expect(e.bodyHtml).toContain(
      '<a href="https://example.org/rent.pdf" rel="noopener noreferrer nofollow">',
    );
    expect(e.versions).toMatchObject([{ version: 1, note: '', editedBy: { role: 'responder' } }]);
    const logged = await h.db.all<{ kind: string }>(
      sql`SELECT kind FROM log_entries WHERE item_type = 'explainer' AND item_id = ${e.id}`,
    );
    expect(logged.map((l) => l.kind)).toEqual(['explainer.publish']);
    const [commit] = await h.db.all<{ fields: string }>(
      sql`SELECT fields FROM text_commitments WHERE item_type = 'explainer-version' AND item_id = ${e.versions[0]!.id}`,
    );
    expect(JSON.parse(commit!.fields)).toEqual(['title', 'summary', 'body']);
  });

  it('an edit adds version 2; every version stays public, each with its own commitment', async () => {
    const e = await publish({ title: '租金解读（待更正）' });
    const res = await admin.json('PUT', `/api/v1/staff/explainers/${e.id}`, {
      ...draft,
      body: '每平方米 **7 元**',
      baseVersion: 1,
      note: '更正单价',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const edited = (await res.json()) as Explainer;
    expect(edited.version).toBe(2);
    expect(edited.versions.map((v) => [v.version, v.note, v.editedBy.role])).toEqual([
      [2, '更正单价', 'admin'],
      [1, '', 'responder'],
    ]);
    const first = await get<{ title: string; body: string }>(
      `/api/v1/explainer-versions/${edited.versions[1]!.id}`,
    );
    expect(first).toMatchObject({ title: '租金解读（待更正）', body: draft.body });
    const commitments = await h.db.all<{ n: number }>(
      sql`SELECT count(*) AS n FROM text_commitments WHERE item_type = 'explainer-version'
        AND item_id IN (${edited.versions[0]!.id}, ${edited.versions[1]!.id})`,
    );
    expect(commitments[0]!.n).toBe(2);
    const page = await h.request(`/explainers/${e.id}?version=1`);
    expect(await page.text()).toContain('租金解读（待更正）');
  });

  it('lists latest first and searches title, summary and body; the pages render in Chinese', async () => {
    await publish({ title: '探亲假解读', summary: '一年一次', body: '路费报销标准' });
    const search = async (q: string) =>
      (await get<{ items: { title: string }[] }>(`/api/v1/explainers?q=${encodeURIComponent(q)}`)).items.map(
        (i) => i.title,
      );
    expect(await search('探亲')).toEqual(['探亲假解读']);
    expect(await search('路费报销')).toEqual(['探亲假解读']);
    const first = await get<{ items: unknown[]; nextCursor: string }>('/api/v1/explainers?limit=1');
    expect(first.items).toHaveLength(1);
    const next = await get<{ items: { title: string }[] }>(
      `/api/v1/explainers?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`,
    );
    expect(next.items).toHaveLength(1);
    const list = await h.request('/explainers?q=探亲');
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('政策解读');
    expect(html).toContain('探亲假解读');
  });

  it("a worker's question is an appeal routed to the explainer's department and listed under it", async () => {
    const e = await publish({ title: '公寓退租解读', departmentId: HOUSING_DEPT });
    const res = await h.postJson(
      `/api/v1/explainers/${e.id}/questions`,
      { title: '退租押金多久退？', body: '退租后押金一直没退' },
      pay(),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const asked = (await res.json()) as { id: number; receipt: string };
    expect(asked.receipt).toBeTruthy();
    const appeal = await get<{ departmentId: number; categoryId: number; explainers: unknown }>(
      `/api/v1/appeals/${asked.id}`,
    );
    expect(appeal).toMatchObject({
      departmentId: HOUSING_DEPT,
      categoryId: HOUSING_CATEGORY,
      explainers: { askedUnder: [{ id: e.id, title: '公寓退租解读' }], answeredBy: [] },
    });
    expect((await get<Explainer>(`/api/v1/explainers/${e.id}`)).questions.map((q) => q.id)).toEqual([
      asked.id,
    ]);
  });

  it('现实热点面对面: linked appeals show the explainer (JSON and page) and the explainer lists them', async () => {
    const a = await postAppeal('公寓租金为什么涨');
    const b = await postAppeal('租金按什么标准');
    const e = await publish({ title: '租金热点答疑' });
    const res = await responder.json('POST', `/api/v1/staff/explainers/${e.id}/answered-appeals`, {
      appealIds: [a, b, a],
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as Explainer).answers.map((x) => x.id)).toEqual([a, b]);
    const appeal = await get<{ explainers: { answeredBy: { id: number }[] } }>(`/api/v1/appeals/${a}`);
    expect(appeal.explainers.answeredBy).toEqual([{ id: e.id, title: '租金热点答疑' }]);
    const page = await (await h.request(`/appeals/${a}`)).text();
    expect(page).toContain(`href="/explainers/${e.id}"`);
    const logged = await h.db.all<{ data: string }>(
      sql`SELECT data FROM log_entries WHERE kind = 'explainer.link-appeals' AND item_id = ${e.id}`,
    );
    expect(JSON.parse(logged[0]!.data)).toEqual({ appealIds: [a, b].sort((x, y) => x - y) });
  });
});
