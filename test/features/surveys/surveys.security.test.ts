import { MediaType, publicVerif } from '@cloudflare/privacypass-ts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finaliseClosedSurveys } from '../../../src/features/surveys/index.js';
import { DAY } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { errorOf, fetchTokens } from '../../helpers/wallet.js';
import { answer, publishedSurvey, requestSurveyToken, surveyOffer, surveyToken } from './survey-phone.js';

const ANSWERS = [0, [1], 3, null];
const rowsOf = (h: Harness, query: string) => h.db.all<Record<string, unknown>>(sql.raw(query));

describe('surveys: one answer per worker, unlinkable answers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('a second token for the same survey is refused (429), batches are not taken (415); the first answers', async () => {
    const id = await publishedSurvey(h);
    const [code] = (await h.codes(1)) as [string];
    const batch = await h.request((await surveyOffer(h, id)).path, {
      method: 'POST',
      headers: { 'content-type': MediaType.ARBITRARY_BATCHED_TOKEN_REQUEST, authorization: `Bearer ${code}` },
      body: new Uint8Array(8),
    });
    expect(await errorOf(batch)).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    const first = await surveyToken(h, id, code);
    const again = await requestSurveyToken(h, id, code);
    expect(await errorOf(again.res)).toMatchObject({ status: 429, code: 'SURVEY_TOKEN_ISSUED' });
    expect((await answer(h, id, first, { answers: ANSWERS })).status).toBe(201);
  });

  it('a token spent once is refused the second time (409), also under 8 concurrent replays', async () => {
    const id = await publishedSurvey(h);
    const [a, b] = (await h.codes(2)) as [string, string];
    const token = await surveyToken(h, id, a);
    expect((await answer(h, id, token, { answers: ANSWERS })).status).toBe(201);
    expect(await errorOf(await answer(h, id, token, { answers: ANSWERS }))).toMatchObject({
      status: 409,
      code: 'TOKEN_ALREADY_SPENT',
    });
    const racing = await surveyToken(h, id, b);
    const statuses = await Promise.all(
      Array.from({ length: 8 }, async () => (await answer(h, id, racing, { answers: ANSWERS })).status),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    const [{ n }] = (await rowsOf(
      h,
      `SELECT count(*) AS n FROM survey_responses WHERE survey_id = ${id}`,
    )) as [{ n: number }];
    expect(Number(n)).toBe(2);
  });

  it('two ordinary tokens from one enrollment cannot answer: wrong challenge (401)', async () => {
    const id = await publishedSurvey(h);
    const [code] = (await h.codes(1)) as [string];
    const [t1, t2] = (await fetchTokens(h.request, code, 2)) as [string, string];
    for (const t of [t1, t2]) {
      expect(await errorOf(await answer(h, id, t, { answers: ANSWERS }))).toMatchObject({
        status: 401,
        code: 'TOKEN_WRONG_CHALLENGE',
      });
    }
  });

  it("a token from survey A's issuer is worthless for B, even when blinded over B's challenge", async () => {
    const a = await publishedSurvey(h);
    const b = await publishedSurvey(h);
    const [c1, c2] = (await h.codes(2)) as [string, string];
    const forA = await surveyToken(h, a, c1);
    expect(await errorOf(await answer(h, b, forA, { answers: ANSWERS }))).toMatchObject({
      status: 401,
      code: 'TOKEN_WRONG_CHALLENGE',
    });
    // the issuer signs blindly, so it cannot see that this request carries B's challenge: A's key is what stops it
    const offerB = await surveyOffer(h, b);
    const smuggled = await requestSurveyToken(h, a, c2, { challenge: offerB.challenge });
    expect(smuggled.res.status).toBe(200);
    expect(await errorOf(await answer(h, b, smuggled.header, { answers: ANSWERS }))).toMatchObject({
      status: 401,
      code: 'TOKEN_UNKNOWN_KEY',
    });
  });

  it('staff cannot answer as workers: a staff session is neither a token nor an eligibility credential', async () => {
    const id = await publishedSurvey(h);
    const staff = await h.signIn(await h.createStaff({ role: 'admin' }));
    const res = await staff.json('POST', `/api/v1/surveys/${id}/responses`, { answers: ANSWERS });
    expect(await errorOf(res)).toMatchObject({ status: 401, code: 'TOKEN_REQUIRED' });
    const offer = await surveyOffer(h, id);
    const client = new publicVerif.Client(publicVerif.BlindRSAMode.PSS);
    const request = await client.createTokenRequest(offer.challenge, offer.tokenKey);
    const issued = await staff.request(offer.path, {
      method: 'POST',
      headers: { 'content-type': MediaType.PRIVATE_TOKEN_REQUEST },
      body: request.serialize() as BodyInit,
    });
    expect(await errorOf(issued)).toMatchObject({ status: 401, code: 'CREDENTIAL_REQUIRED' });
  });

  it('stored data: answers of one worker to two surveys share no value that another worker does not share too', async () => {
    const [s1, s2] = [await publishedSurvey(h), await publishedSurvey(h)];
    const [w, v] = (await h.codes(2)) as [string, string];
    // the text answer only lets the test find each row; department 2 is declared by both workers
    for (const [code, who] of [
      [w, 'W'],
      [v, 'V'],
    ] as const) {
      for (const s of [s1, s2]) {
        const res = await answer(h, s, await surveyToken(h, s, code), {
          departmentId: 2,
          answers: [0, [1], 3, `${who}@${s}`],
        });
        expect(res.status).toBe(201);
      }
    }
    const responses = await rowsOf(h, `SELECT * FROM survey_responses WHERE survey_id IN (${s1}, ${s2})`);
    const rowOf = (who: string, s: number) =>
      responses.find((r) => String(r.answers).includes(`${who}@${s}`))!;
    const values = (r: Record<string, unknown>) =>
      new Set(
        Object.entries(r)
          .filter(([col]) => col !== 'survey_id')
          .flatMap(([col, v]) => (col === 'answers' ? (JSON.parse(String(v)) as unknown[]) : [v]))
          .map((v) => JSON.stringify(v)),
      );
    const [w1, w2, v1, v2] = [
      values(rowOf('W', s1)),
      values(rowOf('W', s2)),
      values(rowOf('V', s1)),
      values(rowOf('V', s2)),
    ];
    const shared = [...w1].filter((x) => w2.has(x));
    expect(shared.length).toBeGreaterThan(0); // department and identical choices
    for (const x of shared) expect(v1.has(x) && v2.has(x), `${x} is shared by W only`).toBe(true);
    // ballots (issuance) and nonces (spending): per survey, nothing in common between the two surveys
    for (const table of ['survey_ballots', 'survey_nonces']) {
      const col = table === 'survey_ballots' ? 'key_hash' : 'nonce';
      const one = (await rowsOf(h, `SELECT ${col} AS v FROM ${table} WHERE survey_id = ${s1}`)).map(
        (r) => r.v,
      );
      const two = (await rowsOf(h, `SELECT ${col} AS v FROM ${table} WHERE survey_id = ${s2}`)).map(
        (r) => r.v,
      );
      expect(one).toHaveLength(2);
      expect(
        one.filter((x) => two.includes(x)),
        table,
      ).toEqual([]);
    }
    const columns = (await rowsOf(h, 'PRAGMA table_info(survey_responses)')).map((c) => c.name);
    expect(columns.sort(), 'no time, token, receipt or pseudonym beside an answer').toEqual([
      'answers',
      'department_id',
      'id',
      'survey_id',
    ]);
  });

  it('after the close: key, ballot salt, ballots and nonces are erased; nothing more is issued or spent', async () => {
    const id = await publishedSurvey(h);
    const [a, b] = (await h.codes(2)) as [string, string];
    await answer(h, id, await surveyToken(h, id, a), { answers: ANSWERS });
    const unspent = await surveyToken(h, id, b);
    h.clock.advance(7 * DAY);
    expect(await errorOf(await answer(h, id, unspent, { answers: ANSWERS }))).toMatchObject({
      status: 409,
      code: 'SURVEY_CLOSED',
    });
    const [key] = await rowsOf(h, `SELECT * FROM survey_keys WHERE survey_id = ${id}`);
    expect(key).toMatchObject({ private_key_sealed: '', ballot_salt: '' });
    for (const table of ['survey_ballots', 'survey_nonces']) {
      expect(await rowsOf(h, `SELECT * FROM ${table} WHERE survey_id = ${id}`), table).toEqual([]);
    }
    const late = await requestSurveyToken(h, id, (await h.codes(1))[0]!);
    expect(await errorOf(late.res)).toMatchObject({ status: 409, code: 'SURVEY_CLOSED' });
  });

  it('the sweep erases ballots of surveys nobody has looked at since their close', async () => {
    const id = await publishedSurvey(h);
    await surveyToken(h, id, (await h.codes(1))[0]!);
    h.clock.advance(7 * DAY);
    expect(await finaliseClosedSurveys(h.db, h.clock.now())).toBeGreaterThanOrEqual(1);
    expect(await rowsOf(h, `SELECT * FROM survey_ballots WHERE survey_id = ${id}`)).toEqual([]);
    expect(await finaliseClosedSurveys(h.db, h.clock.now())).toBe(0);
  });
});
