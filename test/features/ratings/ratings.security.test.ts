import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../../src/platform/clock.js';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { errorOf, fetchTokens } from '../../helpers/wallet.js';
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

type Row = Record<string, unknown>;
const rowsOf = (h: Harness, query: string) => h.db.all<Row>(sql.raw(query));
const pairs = (r: Row) => new Set(Object.entries(r).map(([c, v]) => `${c}=${JSON.stringify(v)}`));
const common = (a: Row, b: Row) => [...pairs(a)].filter((p) => pairs(b).has(p));

describe('ratings: one per worker, department and period; unlinkable; k ≥ 5; staff only answer', () => {
  let h: Harness;
  let canteen: number;
  let housing: number;
  beforeAll(async () => {
    h = await createHarness();
    await openRatings(h, 'canteen', 'housing', 'commuter-bus', 'trade-union', 'labour-wages');
    canteen = await deptId(h, 'canteen');
    housing = await deptId(h, 'housing');
  });
  afterAll(() => h.close());

  it('two ordinary tokens from one enrollment cannot rate (wrong challenge), and a second department token is refused', async () => {
    const [code] = (await h.codes(1)) as [string];
    const [t1, t2] = (await fetchTokens(h.request, code, 2)) as [string, string];
    for (const t of [t1, t2])
      expect(await errorOf(await rate(h, canteen, t, ratingBody(h)))).toMatchObject({
        status: 401,
        code: 'TOKEN_WRONG_CHALLENGE',
      });
    const first = await ratingToken(h, canteen, code);
    expect(await errorOf((await requestRatingToken(h, canteen, code)).res)).toMatchObject({
      status: 429,
      code: 'RATING_TOKEN_ISSUED',
    });
    expect((await rate(h, canteen, first, ratingBody(h))).status).toBe(201);
    const [{ n }] = (await rowsOf(
      h,
      `SELECT count(*) AS n FROM ratings WHERE department_id = ${canteen}`,
    )) as [{ n: number }];
    expect(Number(n)).toBe(1);
  });

  it("a token of one department is worthless for another, even when blinded over the other's challenge", async () => {
    const [a, b] = (await h.codes(2)) as [string, string];
    const forCanteen = await ratingToken(h, canteen, a);
    expect(await errorOf(await rate(h, housing, forCanteen, ratingBody(h)))).toMatchObject({
      status: 401,
      code: 'TOKEN_WRONG_CHALLENGE',
    });
    // the issuer signs blindly and cannot see the challenge: the department's own key is what stops it
    const smuggled = await requestRatingToken(h, canteen, b, {
      challenge: (await ratingOffer(h, housing)).challenge,
    });
    expect(smuggled.res.status).toBe(200);
    expect(await errorOf(await rate(h, housing, smuggled.header, ratingBody(h)))).toMatchObject({
      status: 401,
      code: 'TOKEN_UNKNOWN_KEY',
    });
  });

  it('stored data: ratings of one worker for two departments, and of two workers, share no value', async () => {
    const bus = await deptId(h, 'commuter-bus');
    const union = await deptId(h, 'trade-union');
    const [w, v] = (await h.codes(2)) as [string, string];
    // scores and comments differ column by column, so each row is found and no score coincides by chance
    const plan = [
      { code: w, dept: bus, scores: { responsiveness: 1, fairness: 2, result: 3 }, comment: 'W@bus' },
      { code: w, dept: union, scores: { responsiveness: 4, fairness: 5, result: 4 }, comment: 'W@union' },
      { code: v, dept: bus, scores: { responsiveness: 2, fairness: 3, result: 1 }, comment: 'V@bus' },
    ];
    for (const p of plan) {
      const res = await rate(h, p.dept, await ratingToken(h, p.dept, p.code), {
        ...ratingBody(h),
        ...p.scores,
        comment: p.comment,
      });
      expect(res.status, await res.text()).toBe(201);
    }
    const scores = await rowsOf(h, `SELECT * FROM ratings WHERE department_id IN (${bus}, ${union})`);
    const rating = (p: (typeof plan)[number]) =>
      scores.find((r) => r.responsiveness === p.scores.responsiveness)!;
    const comments = await rowsOf(h, `SELECT * FROM rating_comments WHERE body LIKE '_@%'`);
    const comment = (p: (typeof plan)[number]) => comments.find((r) => r.body === p.comment)!;
    const commitment = async (p: (typeof plan)[number]) =>
      (await rowsOf(h, `SELECT * FROM text_commitments WHERE item_id = ${comment(p).id}`))[0]!;
    const [wBus, wUnion, vBus] = plan;
    for (const of of [rating, comment, commitment]) {
      const [a, b, c] = [await of(wBus!), await of(wUnion!), await of(vBus!)];
      // one worker, two departments: only what every rating of the period carries
      for (const p of common(a, b)) expect(pairs(c).has(p), `${p} shared by W only`).toBe(true);
      // two workers, one department: only the department and period (and what every row carries)
      for (const p of common(a, c))
        expect(p.startsWith('department_id=') || pairs(b).has(p), `${p} shared by W and V only`).toBe(true);
    }
    for (const [table, col] of [
      ['rating_ballots', 'key_hash'],
      ['rating_nonces', 'nonce'],
    ] as const) {
      const values = (
        await rowsOf(h, `SELECT ${col} AS v FROM ${table} WHERE department_id IN (${bus}, ${union})`)
      ).map((r) => r.v);
      expect(values, table).toHaveLength(3);
      expect(new Set(values).size, `${table}: a worker's two departments give unrelated values`).toBe(3);
    }
    const columns = async (t: string) =>
      (await rowsOf(h, `PRAGMA table_info(${t})`)).map((c) => c.name).sort();
    expect(await columns('ratings'), 'no time, token or pseudonym beside scores').toEqual([
      'department_id',
      'fairness',
      'id',
      'period',
      'responsiveness',
      'result',
    ]);
    expect(await columns('rating_comments'), 'nothing joins a comment to its scores').toEqual([
      'body',
      'department_id',
      'id',
      'period',
    ]);
  });

  it('under 5 ratings nothing is shown: no scores, no rank, no count, no comments (not even by id); no scores at all while the period runs', async () => {
    const safety = await deptId(h, 'safety');
    await addRatings(
      h,
      safety,
      Array.from({ length: 4 }, () => [1, 1, 1] as [number, number, number]),
      () => '只有四个人',
    );
    const running = `period=${ratingBody(h).period}`;
    const card = (await (
      await h.request(`/api/v1/departments/${safety}/scorecard?${running}`)
    ).json()) as Row;
    expect(card).toMatchObject({ scores: null, ratingsSoFar: null, commentsShown: false });
    const list = (await (
      await h.request(`/api/v1/departments/${safety}/rating-comments?${running}`)
    ).json()) as Row;
    expect(list).toEqual({ shown: false, items: [], nextCursor: null });
    const [hidden] = await rowsOf(
      h,
      `SELECT id FROM rating_comments WHERE department_id = ${safety} LIMIT 1`,
    );
    expect((await h.request(`/api/v1/ratings/comments/${hidden!.id}`)).status).toBe(404);
    const league = (await (await h.request(`/api/v1/ratings?${running}`)).json()) as {
      bureau: { ratings: number; mean: number | null };
      departments: { department: { id: number }; rank: number | null; scores: unknown }[];
    };
    expect(league.departments.find((d) => d.department.id === safety)).toMatchObject({
      rank: null,
      scores: null,
      ratingsSoFar: null,
    });
    // while the period runs no department has scores, and the bureau has no mean
    expect(league.departments.filter((d) => d.scores !== null || d.rank !== null)).toEqual([]);
    expect(league.bureau.mean).toBeNull();
    // the fifth rating opens scores and comments
    await addRatings(h, safety, [[2, 2, 2]]);
    const opened = (await (
      await h.request(`/api/v1/departments/${safety}/rating-comments?${running}`)
    ).json()) as Row;
    expect(opened).toMatchObject({ shown: true });
    expect((opened.items as unknown[]).length).toBe(4);
  });

  it('a worker cannot answer as staff; a responder of another department or a moderator is refused', async () => {
    const bus = await deptId(h, 'commuter-bus');
    await addRatings(
      h,
      bus,
      Array.from({ length: 5 }, () => [3, 3, 3] as [number, number, number]),
      () => '班车太挤',
    );
    const [{ id }] = (await rowsOf(
      h,
      `SELECT id FROM rating_comments WHERE department_id = ${bus} LIMIT 1`,
    )) as [{ id: number }];
    const path = `/api/v1/staff/ratings/comments/${id}/reply`;
    const [code] = (await h.codes(1)) as [string];
    const [token] = (await fetchTokens(h.request, code, 1)) as [string];
    const auths: Record<string, string>[] = [
      {},
      { authorization: token },
      { authorization: `Bearer ${code}` },
    ];
    for (const auth of auths) {
      const headers: Record<string, string> = { ...auth, origin: ORIGIN };
      expect(await errorOf(await h.postJson(path, { body: '我是部门的人' }, headers))).toMatchObject({
        status: 401,
        code: 'STAFF_AUTH_REQUIRED',
      });
    }
    const other = await h.signIn(await h.createStaff({ role: 'responder', departmentIds: [housing] }));
    expect(await errorOf(await other.json('POST', path, { body: '不是我们的部门' }))).toMatchObject({
      status: 403,
      code: 'DEPARTMENT_FORBIDDEN',
    });
    const moderator = await h.signIn(await h.createStaff({ role: 'moderator' }));
    expect(await errorOf(await moderator.json('POST', path, { body: '审核员' }))).toMatchObject({
      status: 403,
      code: 'STAFF_FORBIDDEN',
    });
    expect(await rowsOf(h, `SELECT * FROM rating_replies WHERE comment_id = ${id}`)).toEqual([]);
  });

  it('when the period ends: keys, ballot salts, ballots and nonces are erased; an unspent token is worthless', async () => {
    const labour = await deptId(h, 'labour-wages');
    const [a, b] = (await h.codes(2)) as [string, string];
    expect((await rate(h, labour, await ratingToken(h, labour, a), ratingBody(h))).status).toBe(201);
    const unspent = await ratingToken(h, labour, b);
    const oldPeriod = ratingBody(h).period;
    h.clock.advance(90 * DAY);
    // the scheduled job: erases the ended period, makes the new one's keys
    await openRatings(h, 'labour-wages');
    expect(await errorOf(await rate(h, labour, unspent, ratingBody(h, { period: oldPeriod })))).toMatchObject(
      {
        status: 409,
        code: 'RATING_PERIOD_CLOSED',
      },
    );
    expect(await errorOf(await rate(h, labour, unspent, ratingBody(h)))).toMatchObject({ status: 401 });
    const keys = await rowsOf(h, `SELECT * FROM rating_keys WHERE period = '${oldPeriod}'`);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(k).toMatchObject({ private_key_sealed: '', ballot_salt: '' });
    for (const table of ['rating_ballots', 'rating_nonces'])
      expect(await rowsOf(h, `SELECT * FROM ${table} WHERE period = '${oldPeriod}'`), table).toEqual([]);
    // and the same worker may rate again in the new period
    expect((await rate(h, labour, await ratingToken(h, labour, a), ratingBody(h))).status).toBe(201);
  });
});
