import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { postAppeal, publicLog, storeAppeal, verify } from './audit-fixture.js';

describe('public log: chain, checkpoints, commitments', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('commits a posted appeal and a standalone verifier accepts chain, signature and text', async () => {
    const posted = await postAppeal(h, '食堂晚餐太早收摊', '夜班职工 19:30 下班，食堂 19:00 就关门了。');
    const first = await verify(h);
    expect(first.problems).toEqual([]);
    expect(first.ok).toBe(true);
    expect(first.itemsChecked).toBe(1);
    const entries = await publicLog(h);
    const commit = entries.find((e) => e.kind === 'text.commit');
    expect(commit?.item).toEqual({ type: 'appeal', id: posted.id });
    // the log grows and a later run, remembering the first checkpoint, still agrees
    await storeAppeal(h, '第二条', '正文');
    const second = await verify(h, first.state);
    expect(second.problems).toEqual([]);
    expect(second.size).toBeGreaterThan(first.size);
    expect(second.itemsChecked).toBe(2);
  });

  it('signs a checkpoint with Ed25519 (EdDSA JWS) over log, size, head and time; the key is on the log', async () => {
    const cp = (await (await h.request('/api/v1/log/checkpoint')).json()) as {
      size: number;
      head: string;
      signature: string;
      kid: string;
    };
    const [header, payload] = cp.signature
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p!, 'base64url').toString()));
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'zhitong-checkpoint', kid: cp.kid });
    expect(payload).toMatchObject({ log: 'http://zhitong.test', size: cp.size, head: cp.head });
    const keys = (await (await h.request('/api/v1/log/keys')).json()) as {
      keys: { crv: string; kid: string }[];
    };
    expect(keys.keys).toEqual([expect.objectContaining({ crv: 'Ed25519', kid: cp.kid })]);
    const announced = (await publicLog(h)).filter((e) => e.kind === 'log.key-created');
    expect(announced.map((e) => e.data.kid)).toEqual([cp.kid]);
  });

  it('logs nothing about a worker beyond the item id and the commitment', async () => {
    const title = '独特的标题 canary-7f3a';
    const body = '独特的正文 canary-91bc';
    await postAppeal(h, title, body);
    const raw = await (await h.request('/api/v1/log?limit=1000')).text();
    expect(raw).not.toContain('canary-7f3a');
    expect(raw).not.toContain('canary-91bc');
    expect(raw).not.toContain('职工·');
    for (const e of (await publicLog(h)).filter((x) => x.kind === 'text.commit')) {
      expect(e.actor).toBeNull();
      expect(Object.keys(e.data).sort()).toEqual(['commitment', 'fields', 'url']);
    }
  });

  it('serves the salt only as an opening of a logged commitment', async () => {
    const { id } = await storeAppeal(h, 'opening', 'body');
    await h.request('/api/v1/log/checkpoint');
    const res = await h.request(`/api/v1/log/items/appeal/${id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ itemId: id, withheld: false, fields: ['title', 'body'] });
    expect((await h.request('/api/v1/log/items/appeal/999999')).status).toBe(404);
  });
});

describe('public log with a publication delay', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ env: { PUBLISH_DELAY_MAX_MINUTES: '120' } });
  });
  afterAll(() => h.close());

  it('logs a delayed post only once it is public, so the log does not date it', async () => {
    const { id } = await postAppeal(h, '延迟发布', '正文');
    const isLogged = async () =>
      (await publicLog(h)).some((e) => e.kind === 'text.commit' && e.item?.id === id);
    expect(await isLogged()).toBe(false);
    h.clock.advance(3 * HOUR);
    expect(await isLogged()).toBe(true);
    expect((await verify(h)).problems).toEqual([]);
  });
});
