import { MediaType } from '@cloudflare/privacypass-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingKeys } from '../../../db/schema/index.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { errorOf } from '../../helpers/wallet.js';
import {
  addRatings,
  deptId,
  openRatings,
  rate,
  ratingBody,
  ratingOffer,
  ratingToken,
  requestRatingToken,
} from './rating-phone.js';

describe('ratings: bad input gets a stable code, never a 500', () => {
  let h: Harness;
  let canteen: number;
  beforeAll(async () => {
    h = await createHarness();
    await openRatings(h, 'canteen', 'housing');
    canteen = await deptId(h, 'canteen');
  });
  afterAll(() => h.close());

  it('scores outside 1–5, fractions, missing criteria or a malformed period → 422 VALIDATION_FAILED', async () => {
    const [code] = (await h.codes(1)) as [string];
    const token = await ratingToken(h, canteen, code);
    for (const body of [
      ratingBody(h, { responsiveness: 0 }),
      ratingBody(h, { fairness: 6 }),
      ratingBody(h, { result: 3.5 }),
      { period: ratingBody(h).period, responsiveness: 3, fairness: 3 },
      ratingBody(h, { period: '2026-Q5' }),
      ratingBody(h, { comment: 'x'.repeat(2001) }),
    ]) {
      expect(await errorOf(await rate(h, canteen, token, body)), JSON.stringify(body)).toMatchObject({
        status: 422,
        code: 'VALIDATION_FAILED',
      });
    }
    // the token was not spent by the refused attempts
    expect((await rate(h, canteen, token, ratingBody(h))).status).toBe(201);
  });

  it('another period than the current one → 409 RATING_PERIOD_CLOSED, before any token is asked for', async () => {
    for (const period of ['2025-Q4', '2026-Q2']) {
      expect(await errorOf(await rate(h, canteen, undefined, ratingBody(h, { period })))).toMatchObject({
        status: 409,
        code: 'RATING_PERIOD_CLOSED',
      });
    }
  });

  it('a department that does not exist → 404 RATING_DEPARTMENT_NOT_FOUND everywhere', async () => {
    const [code] = (await h.codes(1)) as [string];
    const responses = [
      await rate(h, 9999, undefined, ratingBody(h)),
      await h.request('/api/v1/departments/9999/scorecard'),
      await h.request('/api/v1/departments/9999/rating-comments'),
      await h.request('/token-request/ratings/9999', {
        method: 'POST',
        headers: { 'content-type': MediaType.PRIVATE_TOKEN_REQUEST, authorization: `Bearer ${code}` },
        body: new Uint8Array(8),
      }),
    ];
    for (const res of responses)
      expect(await errorOf(res)).toMatchObject({ status: 404, code: 'RATING_DEPARTMENT_NOT_FOUND' });
  });

  it('rating twice: a second token → 429 RATING_TOKEN_ISSUED; the same token again → 409 TOKEN_ALREADY_SPENT', async () => {
    const housing = await deptId(h, 'housing');
    const [code] = (await h.codes(1)) as [string];
    const token = await ratingToken(h, housing, code);
    const again = await requestRatingToken(h, housing, code);
    expect(await errorOf(again.res)).toMatchObject({ status: 429, code: 'RATING_TOKEN_ISSUED' });
    expect((await rate(h, housing, token, ratingBody(h))).status).toBe(201);
    expect(await errorOf(await rate(h, housing, token, ratingBody(h)))).toMatchObject({
      status: 409,
      code: 'TOKEN_ALREADY_SPENT',
    });
  });

  it("no token → 401 TOKEN_REQUIRED naming the department's own challenge; a batch → 415", async () => {
    const res = await rate(h, canteen, undefined, ratingBody(h));
    expect(await errorOf(res)).toMatchObject({ status: 401, code: 'TOKEN_REQUIRED' });
    expect(res.headers.get('www-authenticate')).toMatch(/^PrivateToken challenge=/);
    const [code] = (await h.codes(1)) as [string];
    const batch = await h.request((await ratingOffer(h, canteen)).path, {
      method: 'POST',
      headers: { 'content-type': MediaType.ARBITRARY_BATCHED_TOKEN_REQUEST, authorization: `Bearer ${code}` },
      body: new Uint8Array(8),
    });
    expect(await errorOf(batch)).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('queries: a malformed period → 422, a bad cursor → 400, an unknown or unpublished comment → 404', async () => {
    expect(await errorOf(await h.request('/api/v1/ratings?period=Q4-2026'))).toMatchObject({
      status: 422,
      code: 'VALIDATION_FAILED',
    });
    const safety = await deptId(h, 'safety');
    await addRatings(
      h,
      safety,
      Array.from({ length: 5 }, () => [3, 3, 3] as [number, number, number]),
    );
    expect(
      await errorOf(await h.request(`/api/v1/departments/${safety}/rating-comments?cursor=nonsense`)),
    ).toMatchObject({ status: 400, code: 'CURSOR_INVALID' });
    expect(await errorOf(await h.request('/api/v1/ratings/comments/12345'))).toMatchObject({
      status: 404,
      code: 'RATING_COMMENT_NOT_FOUND',
    });
  });

  it('answering a comment twice → 409 RATING_REPLY_EXISTS; an empty answer → 422', async () => {
    const bus = await deptId(h, 'commuter-bus');
    await addRatings(
      h,
      bus,
      Array.from({ length: 5 }, () => [4, 4, 4] as [number, number, number]),
      (i) => (i === 0 ? '夜班专线什么时候开？' : ''),
    );
    const url = `/api/v1/departments/${bus}/rating-comments?period=${ratingBody(h).period}`;
    const { items } = (await (await h.request(url)).json()) as {
      items: { id: number }[];
    };
    const admin = await h.signIn(await h.createStaff({ role: 'admin' }));
    const path = `/api/v1/staff/ratings/comments/${items[0]!.id}/reply`;
    expect(await errorOf(await admin.json('POST', path, { body: '   ' }))).toMatchObject({
      status: 422,
      code: 'VALIDATION_FAILED',
    });
    expect((await admin.json('POST', path, { body: '下月开通。' })).status).toBe(201);
    expect(await errorOf(await admin.json('POST', path, { body: '再说一次' }))).toMatchObject({
      status: 409,
      code: 'RATING_REPLY_EXISTS',
    });
  });
  it('before the scheduled job has made the keys: reads store nothing, the token offer is null, rating → 409 RATING_NOT_OPEN', async () => {
    const fresh = await createHarness();
    try {
      const id = await deptId(fresh, 'canteen');
      const keys = async () => (await fresh.db.select().from(ratingKeys)).length;
      for (const path of ['/ratings', `/departments/${id}/scorecard`, '/api/v1/ratings'])
        expect((await fresh.request(path)).status, path).toBe(200);
      const card = (await (await fresh.request(`/api/v1/departments/${id}/scorecard`)).json()) as Record<
        string,
        unknown
      >;
      expect(card.token).toBeNull();
      expect(await keys()).toBe(0);
      expect(await errorOf(await rate(fresh, id, undefined, ratingBody(fresh)))).toMatchObject({
        status: 409,
        code: 'RATING_NOT_OPEN',
      });
      const issued = await fresh.request(`/token-request/ratings/${id}`, {
        method: 'POST',
        headers: { 'content-type': MediaType.PRIVATE_TOKEN_REQUEST, authorization: 'Bearer nonsense' },
        body: new Uint8Array(8),
      });
      expect(await errorOf(issued)).toMatchObject({ status: 409, code: 'RATING_NOT_OPEN' });
      expect(await keys()).toBe(0);
    } finally {
      fresh.close();
    }
  });
});
