import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';

describe('Privacy Pass interop (privacypass-ts client ↔ our issuer and origin)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('a phone with an enrollment code gets a token and posts an appeal with it', async () => {
    const [code] = await h.codes(1);
    const [authorization] = await fetchTokens(h.request, code!);
    const res = await h.postJson(
      '/api/v1/appeals',
      { title: '班车太早', body: '早班班车 5:10 发车', categoryId: 2 },
      { authorization: authorization! },
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const created = (await res.json()) as { id: number; pseudonym: string; receipt: string };
    expect(created.pseudonym).toMatch(/^职工·[0-9A-Z]{4}$/);
    expect(created.receipt.replace(/-/g, '')).toHaveLength(32);
    const again = await h.postJson(
      '/api/v1/appeals',
      { title: 'again', body: 'again', categoryId: 2 },
      { authorization: authorization! },
    );
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('TOKEN_ALREADY_SPENT');
    const got = await h.request(`/api/v1/appeals/${created.id}`);
    expect(got.status).toBe(200);
    expect(((await got.json()) as { title: string }).title).toBe('班车太早');
  });
});
