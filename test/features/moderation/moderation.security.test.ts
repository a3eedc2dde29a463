import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisions } from '../../../src/features/moderation/decisions.service.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';
import { call, staffClient, storeAppeal } from '../audit/audit-fixture.js';

// Hostile inputs a worker might post to attack the moderators who review them.
const HOSTILE = [
  '<script>alert("xss")</script>',
  '<img src=x onerror="alert(1)">',
  '<a href="javascript:alert(1)">点我领取补贴</a>',
  '<svg/onload=alert(1)>',
  '<style>*{display:none}</style><div style="background:url(javascript:alert(1))">CSS</div>',
  '"><iframe srcdoc="<script>alert(1)</script>">',
  '</textarea></script><script>alert(1)</script>',
  '\u202Etxt.exe\u202C 右到左覆盖 \u2066\u2067隔离\u2069',
  // template-injection probes, kept as plain text
  '{{constructor.constructor("alert(1)")()}} $' + '{alert(1)}',
  "'; DROP TABLE appeals; --",
];

describe('moderator API and hostile input', () => {
  let h: Harness;
  let ids: number[];
  beforeAll(async () => {
    h = await createHarness();
    ids = [];
    const tokens = await fetchTokens(h.request, (await h.codes(1))[0]!, HOSTILE.length);
    for (const [i, text] of HOSTILE.entries()) {
      const { id } = await storeAppeal(h, text.slice(0, 100), `${text}\n${text}`);
      ids.push(id);
      const res = await h.postJson(
        '/api/v1/flags',
        { itemType: 'appeal', itemId: id, reason: 'illegal' },
        { authorization: tokens[i]! },
      );
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => h.close());

  it('returns every hostile text verbatim, as JSON under a script-free CSP (a Chromium test is a later issue)', async () => {
    const mod = await staffClient(h, 'moderator');
    const res = await mod.json('GET', '/api/v1/staff/moderation/queue?limit=50');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const { items } = (await res.json()) as {
      items: { itemId: number; text: { title: string; body: string } }[];
    };
    for (const [i, text] of HOSTILE.entries()) {
      const item = items.find((x) => x.itemId === ids[i]);
      expect(item?.text, text).toEqual({ title: text.slice(0, 100), body: `${text}\n${text}` });
    }
  });

  it('has no operation that edits text: moderation can keep, hide, restore or uphold, nothing else', async () => {
    expect([...decisions]).toEqual(['keep', 'hide', 'restore', 'uphold']);
    const writes = h.app.routes.filter(
      (r) =>
        ['PUT', 'PATCH'].includes(r.method) &&
        /^\/api\/v1\/(appeals|flags|moderation|staff\/moderation)/.test(r.path),
    );
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    const mod = await staffClient(h, 'moderator');
    const edit = await mod.json('POST', `/api/v1/staff/moderation/items/appeal/${ids[0]}/edit`, {
      note: 'x',
      title: 'y',
    });
    expect(edit.status).toBe(422);
    await call(mod, 'POST', `/api/v1/staff/moderation/items/appeal/${ids[0]}/keep`, {
      note: 'ok',
      title: 'changed?',
    });
    const after = (await (await h.request(`/api/v1/appeals/${ids[0]}`)).json()) as { title: string };
    expect(after.title).toBe(HOSTILE[0]);
  });

  it('refuses a contest without the right receipt, and any contest of a visible item', async () => {
    const { id, receipt } = await storeAppeal(h, '可见', '正文');
    const res = await h.postJson('/api/v1/moderation/contests', { itemType: 'appeal', itemId: id, receipt });
    expect(res.status).toBe(409);
    const other = await storeAppeal(h, '别人的', '正文');
    const wrong = await h.postJson('/api/v1/moderation/contests', {
      itemType: 'appeal',
      itemId: id,
      receipt: other.receipt,
    });
    expect(wrong.status).toBe(403);
  });
});
