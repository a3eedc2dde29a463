import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';
import {
  call,
  publicLog,
  type StaffClient,
  staffClient,
  storeAppeal,
  verify,
} from '../audit/audit-fixture.js';

interface QueueItem {
  itemId: number;
  weight: number;
  reasons: Record<string, number>;
  contest: { statement: string | null } | null;
}
interface PublicAppeal {
  title: string;
  body: string;
  moderation?: {
    reason: string;
    role: string;
    date: string;
    contest: string | null;
    tombstone: { zh: string; en: string };
  };
}

describe('moderation: flags, queue, hide with tombstone, contest, restore', () => {
  let h: Harness;
  let tokens: string[];
  let mod: StaffClient;
  let otherMod: StaffClient;
  let admin: StaffClient;
  const flag = async (itemId: number, reason: string, status = 201) => {
    const res = await h.postJson(
      '/api/v1/flags',
      { itemType: 'appeal', itemId, reason },
      { authorization: tokens.pop()! },
    );
    expect(res.status, await res.clone().text()).toBe(status);
  };
  const appeal = async (id: number) =>
    (await (await h.request(`/api/v1/appeals/${id}`)).json()) as PublicAppeal;
  const queue = async (who: StaffClient) =>
    (await call<{ items: QueueItem[] }>(who, 'GET', '/api/v1/staff/moderation/queue', undefined)).items;

  beforeAll(async () => {
    h = await createHarness();
    tokens = [];
    for (const code of await h.codes(2)) tokens.push(...(await fetchTokens(h.request, code, 12)));
    mod = await staffClient(h, 'moderator');
    otherMod = await staffClient(h, 'moderator');
    admin = await staffClient(h, 'admin');
  });
  afterAll(() => h.close());

  it('a flag needs a token: 401 with a PrivateToken challenge, and a token flags once', async () => {
    const { id } = await storeAppeal(h, '需要令牌', '正文');
    const bare = await h.postJson('/api/v1/flags', { itemType: 'appeal', itemId: id, reason: 'spam' });
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toMatch(/^PrivateToken /);
    const token = tokens.pop()!;
    const once = await h.postJson(
      '/api/v1/flags',
      { itemType: 'appeal', itemId: id, reason: 'spam' },
      { authorization: token },
    );
    expect(once.status).toBe(201);
    const twice = await h.postJson(
      '/api/v1/flags',
      { itemType: 'appeal', itemId: id, reason: 'spam' },
      { authorization: token },
    );
    expect(twice.status).toBe(409);
    // an unknown item costs no token
    const unknown = tokens.at(-1)!;
    expect(
      (
        await h.postJson(
          '/api/v1/flags',
          { itemType: 'appeal', itemId: 99999, reason: 'spam' },
          { authorization: unknown },
        )
      ).status,
    ).toBe(404);
    await flag(id, 'off-topic');
    await call(mod, 'POST', `/api/v1/staff/moderation/items/appeal/${id}/keep`, { note: 'test cleanup' });
  });

  it('queues flagged items by weight, then age', async () => {
    const older = (await storeAppeal(h, '较早被举报', '正文')).id;
    await flag(older, 'spam');
    h.clock.advance(2 * HOUR);
    const newer = (await storeAppeal(h, '较晚被举报', '正文')).id;
    await flag(newer, 'spam');
    const heavy = (await storeAppeal(h, '严重', '正文')).id;
    await flag(heavy, 'threat');
    const order = (await queue(mod)).map((i) => i.itemId);
    expect(order).toEqual([heavy, older, newer]);
    expect((await queue(mod))[0]).toMatchObject({ weight: 3, reasons: { threat: 1 } });
    for (const id of order)
      await call(mod, 'POST', `/api/v1/staff/moderation/items/appeal/${id}/keep`, { note: '无违规' });
    expect(await queue(mod)).toEqual([]);
  });

  it('hides with a public tombstone in place of the text, logged with username and role', async () => {
    const { id, receipt } = await storeAppeal(h, '点名的帖子', '某某班组的张三……');
    await flag(id, 'personal-attack');
    await call(mod, 'POST', `/api/v1/staff/moderation/items/appeal/${id}/hide`, {
      reason: 'personal-attack',
      note: '点名普通职工',
    });
    const shown = await appeal(id);
    expect(shown.title).toBe(shown.moderation!.tombstone.zh);
    expect(shown.body).toBe(shown.moderation!.tombstone.zh);
    expect(shown.moderation!.tombstone.zh).toMatch(
      /^已被审核隐藏 — 人身攻击或点名普通个人：点名普通职工 — \d{4}-\d{2}-\d{2} — 审核员$/,
    );
    expect(shown.moderation!.tombstone.en).toMatch(/^hidden by moderation — personal attack/);
    expect(JSON.stringify(shown)).not.toContain('张三');
    const list = (await (await h.request('/api/v1/appeals?limit=50')).json()) as {
      items: { id: number; title: string; excerpt: string }[];
    };
    const inList = list.items.find((i) => i.id === id);
    expect(inList?.title).toBe(shown.moderation!.tombstone.zh);
    expect(JSON.stringify(list)).not.toContain('张三');
    // the salt is withheld while the text is hidden; the log explains why, so the verifier agrees
    await h.request('/api/v1/log/checkpoint');
    const opening = (await (await h.request(`/api/v1/log/items/appeal/${id}`)).json()) as {
      salt: string | null;
    };
    expect(opening.salt).toBeNull();
    const report = await verify(h);
    expect(report.problems).toEqual([]);
    expect(report.itemsWithheld).toBe(1);
    const entry = (await publicLog(h)).find((e) => e.kind === 'moderation.hide' && e.item?.id === id);
    expect(entry?.actor).toEqual({ role: 'moderator', username: mod.username });
    expect(entry?.data).toMatchObject({
      reason: 'personal-attack',
      note: '点名普通职工',
      visibility: 'hidden',
    });
    await flag(id, 'spam', 409);

    // the author contests with the receipt; it goes to another moderator, not the one who hid it
    const contest = (r: string) =>
      h.postJson('/api/v1/moderation/contests', {
        itemType: 'appeal',
        itemId: id,
        receipt: r,
        statement: '我没有点名',
      });
    expect((await contest('0000-0000-0000-0000-0000-0000-0000-0000')).status).toBe(403);
    expect((await contest(receipt)).status).toBe(201);
    expect((await contest(receipt)).status).toBe(409);
    expect((await queue(mod)).map((i) => i.itemId)).not.toContain(id);
    const forOther = (await queue(otherMod)).find((i) => i.itemId === id);
    expect(forOther?.contest?.statement).toBe('我没有点名');
    const own = await mod.json('POST', `/api/v1/staff/moderation/items/appeal/${id}/restore`, {
      note: '我自己恢复',
    });
    expect(own.status).toBe(403);
    expect(((await own.json()) as { error: { code: string } }).error.code).toBe('MODERATION_OWN_DECISION');
    await call(otherMod, 'POST', `/api/v1/staff/moderation/items/appeal/${id}/restore`, {
      note: '复核后恢复',
    });
    const back = await appeal(id);
    expect(back.title).toBe('点名的帖子');
    expect(back.moderation).toBeUndefined();
    const restore = (await publicLog(h)).find((e) => e.kind === 'moderation.restore' && e.item?.id === id);
    expect(restore).toMatchObject({
      actor: { role: 'moderator', username: otherMod.username },
      data: { contest: 'granted' },
    });
    expect((await verify(h)).problems).toEqual([]);
  });

  it('upholds a hiding against a contest (by someone else) and keeps the tombstone', async () => {
    const { id, receipt } = await storeAppeal(h, '广告', '加微信 xxx');
    await call(mod, 'POST', `/api/v1/staff/moderation/items/appeal/${id}/hide`, {
      reason: 'spam',
      note: '广告',
    });
    await h.postJson('/api/v1/moderation/contests', { itemType: 'appeal', itemId: id, receipt });
    expect(
      (await mod.json('POST', `/api/v1/staff/moderation/items/appeal/${id}/uphold`, { note: 'x' })).status,
    ).toBe(403);
    await call(admin, 'POST', `/api/v1/staff/moderation/items/appeal/${id}/uphold`, { note: '确属广告' });
    expect((await appeal(id)).moderation).toMatchObject({ contest: 'upheld', role: 'moderator' });
    const entry = (await publicLog(h)).find((e) => e.kind === 'moderation.uphold' && e.item?.id === id);
    expect(entry?.actor).toEqual({ role: 'admin', username: admin.username });
  });

  it('hides nothing automatically unless an admin sets a threshold; never overrides a review', async () => {
    const { id } = await storeAppeal(h, '很多举报', '正文');
    for (let i = 0; i < 3; i++) await flag(id, 'threat');
    expect((await appeal(id)).moderation).toBeUndefined();
    await call(admin, 'PUT', '/api/v1/staff/admin/settings', { autoHideWeight: 3 });
    const fresh = (await storeAppeal(h, '新帖', '正文')).id;
    await flag(fresh, 'threat');
    const hidden = await appeal(fresh);
    expect(hidden.moderation).toMatchObject({ reason: 'threat', role: 'system' });
    const entry = (await publicLog(h)).find((e) => e.kind === 'moderation.hide' && e.item?.id === fresh);
    expect(entry).toMatchObject({
      actor: { role: 'system', username: 'auto-hide' },
      data: { automatic: true },
    });
    // reviewed (kept) items stay up whatever the flags say
    await call(mod, 'POST', `/api/v1/staff/moderation/items/appeal/${id}/keep`, { note: '言辞激烈但无威胁' });
    await flag(id, 'threat');
    expect((await appeal(id)).moderation).toBeUndefined();
    await call(admin, 'PUT', '/api/v1/staff/admin/settings', { autoHideWeight: null });
    expect((await verify(h)).problems).toEqual([]);
  });
});
