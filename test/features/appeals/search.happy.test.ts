import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCORED_MATCHES } from '../../../src/features/appeals/search.service.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';
import { categoryId, getJson, post, store } from './appeals-fixture.js';

type Page = { items: { id: number; title: string }[]; nextCursor: string | null };

/** Chinese full-text search: 2-character words, 3-character and longer phrases, English and digits mixed in. */
describe('search', () => {
  let h: Harness;
  const ids: Record<string, number> = {};
  const search = async (q: string, extra = '') =>
    (await getJson<Page>(h, `/api/v1/appeals?q=${encodeURIComponent(q)}${extra}`)).items.map((i) => i.id);

  beforeAll(async () => {
    h = await createHarness();
    const fixtures = {
      subsidy: {
        title: '住房补贴申请材料太多',
        body: '申请住房补贴要开七八个证明，倒班职工没时间跑。',
        category: 'housing',
      },
      bus: {
        title: '通勤班车座位不够',
        body: '南线通勤班车每天超员，很多人站一个多小时。',
        category: 'commuting',
      },
      canteen: {
        title: '夜班食堂饭菜是凉的',
        body: '夜班吃饭时间食堂的菜都是中午剩下的。',
        category: 'canteen',
      },
      // 住 and 房 both occur, but never as the word 住房
      rent: { title: '住在公寓里房租太贵', body: '我住在公寓，房租又涨了。', category: 'housing' },
      train: {
        title: 'G1234次列车乘务员没有热饭',
        body: '乘务员吃饭问题一直没解决，KPI考核也不合理。',
        category: 'canteen',
      },
      network: {
        title: '公寓网络太慢',
        body: '宽带晚上用不了，能否升级成5G或者千兆宽带？',
        category: 'housing',
      },
      // 住房 in the body only: found, but ranked after a title match
      repair: {
        title: '宿舍热水器坏了',
        body: '热水器坏了一个月，和住房补贴没有关系。',
        category: 'housing',
      },
      // typed with full-width letters and digits, as Chinese keyboards often do
      fullwidth: { title: 'Ｇ１２３４次晚点没有通知', body: '晚点两小时。', category: 'other' },
    };
    for (const [key, f] of Object.entries(fixtures)) ids[key] = (await store(h, f)).id;
  });
  afterAll(() => h.close());

  it('finds 2-character words (住房, 通勤, 食堂) and not their characters apart', async () => {
    expect(await search('住房')).toEqual([ids.subsidy, ids.repair]);
    expect(await search('通勤')).toEqual([ids.bus]);
    expect(await search('食堂')).toEqual([ids.canteen]);
    expect(await search('住房')).not.toContain(ids.rent);
  });

  it('finds 3-character and longer phrases (5+ characters) as written', async () => {
    expect(await search('夜班食')).toEqual([ids.canteen]);
    expect(await search('千兆宽带')).toEqual([ids.network]);
    expect(await search('申请住房补贴')).toEqual([ids.subsidy]);
    expect(await search('通勤班车每天超员')).toEqual([ids.bus]);
    expect(await search('通勤班车每天满员')).toEqual([]);
  });

  it('finds English and digits mixed with Chinese, case- and width-insensitively', async () => {
    expect(await search('G1234次')).toEqual(expect.arrayContaining([ids.train, ids.fullwidth]));
    expect((await search('g1234')).sort()).toEqual([ids.train, ids.fullwidth].sort());
    expect(await search('kpi考核')).toEqual([ids.train]);
    expect(await search('5G')).toEqual([ids.network]);
  });

  it('needs every term, ranks title matches first, and combines with filters and pagination', async () => {
    expect(await search('住房 证明')).toEqual([ids.subsidy]);
    expect(await search('公寓 住在')).toEqual([ids.rent]);
    const housing = await categoryId(h, 'housing');
    expect(await search('热水器', `&categoryId=${housing}`)).toEqual([ids.repair]);
    const first = await getJson<Page>(h, `/api/v1/appeals?q=${encodeURIComponent('住房')}&limit=1`);
    expect(first.items.map((i) => i.id)).toEqual([ids.subsidy]);
    const second = await getJson<Page>(
      h,
      `/api/v1/appeals?q=${encodeURIComponent('住房')}&limit=1&cursor=${first.nextCursor}`,
    );
    expect(second.items.map((i) => i.id)).toEqual([ids.repair]);
    expect(second.nextCursor).toBeNull();
    expect(await search('住房', '&sort=newest')).toEqual([ids.repair, ids.subsidy]);
  });

  it('treats query syntax as text and refuses a query of one character', async () => {
    expect(await search('"住房" OR * NEAR(')).toEqual([]);
    expect(await search('住房"')).toEqual([ids.subsidy, ids.repair]);
    const short = await h.request(`/api/v1/appeals?q=${encodeURIComponent('住')}`);
    expect(short.status).toBe(422);
  });

  it('ranks a common word among its newest matches only, unless another filter narrows the search', async () => {
    const old = await store(h, { title: '信号楼信号楼漏雨', body: '信号楼屋顶漏雨。', category: 'safety' });
    // SCORED_MATCHES newer copies elsewhere, each a weaker match than the old one
    const columns = (await h.db.all<{ name: string }>(sql`PRAGMA table_info(appeals)`)).map((c) => c.name);
    const other = await categoryId(h, 'other');
    const copied = columns.map((c) =>
      c === 'id'
        ? sql`NULL`
        : c === 'receipt_hash'
          ? sql`hex(randomblob(16))`
          : c === 'category_id'
            ? sql`${other}`
            : c === 'title'
              ? sql`'信号楼门口积水'`
              : sql.identifier(c),
    );
    await h.db.run(sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${SCORED_MATCHES})
      INSERT INTO appeals (${sql.join(
        columns.map((c) => sql.identifier(c)),
        sql`, `,
      )})
      SELECT ${sql.join(copied, sql`, `)} FROM appeals, n WHERE appeals.id = ${old.id}`);
    await h.db.run(sql`INSERT INTO appeal_search_trigram (rowid, title, body)
      SELECT id, title, body FROM appeals WHERE id > ${old.id}`);
    const top = await search('信号楼');
    expect(top).toHaveLength(20);
    expect(top).not.toContain(old.id);
    expect(await search('信号楼', `&categoryId=${await categoryId(h, 'safety')}`)).toEqual([old.id]);
  });

  it('indexes a posted appeal in the same batch as the post: searchable at once', async () => {
    const [token] = await fetchTokens(h.request, (await h.codes(1))[0]!, 1);
    const { id } = await post(h, token!, {
      title: '检修库照明不足',
      body: '地沟照明不够，建议更换LED灯。',
      categoryId: await categoryId(h, 'safety'),
    });
    expect(await search('照明')).toEqual([id]);
    expect(await search('led灯')).toEqual([id]);
  });
});
