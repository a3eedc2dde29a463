import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';

const HOUSING = 4;
const CANTEEN = 12;

describe('notices: staff publish under their name; lists, links to appeals, Atom feeds', () => {
  let h: Harness;
  let responder: Awaited<ReturnType<Harness['signIn']>>;
  let admin: Awaited<ReturnType<Harness['signIn']>>;
  let appealId: number;
  beforeAll(async () => {
    h = await createHarness();
    [responder, admin] = await Promise.all([
      h.signIn(await h.createStaff({ role: 'responder', departmentIds: [HOUSING] })),
      h.signIn(await h.createStaff({ role: 'admin' })),
    ]);
    const [token] = (await fetchTokens(h.request, (await h.codes(1))[0]!, 1)) as [string];
    const appeal = await h.postJson(
      '/api/v1/appeals',
      { title: '公寓热水', body: '单身公寓热水时有时无', categoryId: 3 },
      { authorization: token },
    );
    expect(appeal.status, await appeal.clone().text()).toBe(201);
    appealId = ((await appeal.json()) as { id: number }).id;
  });
  afterAll(() => h.close());

  const publish = async (client: typeof admin, body: Record<string, unknown>) => {
    const res = await client.json('POST', '/api/v1/staff/notices', body);
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { id: number; appealIds: number[]; publishedBy: { role: string } };
  };

  it('a responder publishes for their department, with attachments and the appeals it answers', async () => {
    const notice = await publish(responder, {
      title: '关于单身公寓热水改造的决定',
      body: '自 3 月起分批更换热水器。',
      departmentId: HOUSING,
      decidedOn: '2026-01-04',
      attachments: [{ title: '改造计划', url: 'https://files.example/plan.pdf' }],
      appealIds: [appealId, appealId],
    });
    expect(notice).toMatchObject({ appealIds: [appealId], publishedBy: { role: 'responder' } });
    const [logged] = await h.db.all<{ kind: string; actor_role: string; hash: string | null }>(
      sql`SELECT kind, actor_role, hash FROM log_entries WHERE item_type = 'notice' AND item_id = ${notice.id}`,
    );
    expect(logged, 'on the public, chained log').toMatchObject({
      kind: 'notice.publish',
      actor_role: 'responder',
    });
    expect(logged!.hash).not.toBeNull();
    const got = await (await h.request(`/api/v1/notices/${notice.id}`)).json();
    expect(got).toMatchObject({
      departmentName: '房产管理处',
      decidedOn: '2026-01-04',
      attachments: [{ title: '改造计划', url: 'https://files.example/plan.pdf' }],
    });
    const forAppeal = (await (await h.request(`/api/v1/notices?appealId=${appealId}`)).json()) as {
      items: { id: number }[];
    };
    expect(forAppeal.items.map((n) => n.id)).toEqual([notice.id]);
  });

  it('lists filter by department and words, and page by cursor', async () => {
    await publish(admin, {
      title: '食堂延长晚餐供应',
      body: '晚餐延至 20:00',
      departmentId: CANTEEN,
      decidedOn: '2026-01-05',
    });
    await publish(admin, {
      title: '食堂新增夜宵',
      body: '夜班职工可用餐',
      departmentId: CANTEEN,
      decidedOn: '2026-01-05',
    });
    const canteen = (await (await h.request(`/api/v1/notices?departmentId=${CANTEEN}`)).json()) as {
      items: { title: string }[];
    };
    expect(canteen.items.map((n) => n.title)).toEqual(['食堂新增夜宵', '食堂延长晚餐供应']);
    const words = (await (await h.request(`/api/v1/notices?q=${encodeURIComponent('夜班')}`)).json()) as {
      items: { title: string }[];
    };
    expect(words.items.map((n) => n.title)).toEqual(['食堂新增夜宵']);
    const first = (await (await h.request('/api/v1/notices?limit=2')).json()) as {
      items: { id: number }[];
      nextCursor: string;
    };
    const rest = (await (await h.request(`/api/v1/notices?limit=2&cursor=${first.nextCursor}`)).json()) as {
      items: { id: number }[];
      nextCursor: null;
    };
    expect([...first.items, ...rest.items]).toHaveLength(3);
    expect(rest.nextCursor).toBeNull();
  });

  it('Atom feeds: overall and per department, markup in titles escaped', async () => {
    await publish(admin, {
      title: '<script>x</script> & 公告',
      body: 'b',
      departmentId: CANTEEN,
      decidedOn: '2026-01-06',
    });
    const all = await h.request('/api/v1/notices.atom');
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const xml = await all.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    expect(xml.match(/<entry>/g)).toHaveLength(4);
    expect(xml).toContain('&lt;script&gt;x&lt;/script&gt; &amp; 公告');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain(`href="${h.config.PUBLIC_ORIGIN}/api/v1/appeals/${appealId}"`);
    const housing = await (await h.request('/api/v1/departments/housing/notices.atom')).text();
    expect(housing.match(/<entry>/g)).toHaveLength(1);
    expect(housing).toContain('<title type="text">直通 · 政务公开 · 房产管理处</title>');
  });
});
