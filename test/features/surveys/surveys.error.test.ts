import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../src/platform/clock.js';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { errorOf } from '../../helpers/wallet.js';
import {
  answer,
  publishedSurvey,
  QUESTIONS,
  requestSurveyToken,
  surveyOffer,
  surveyToken,
} from './survey-phone.js';

describe('surveys: bad input, wrong time, wrong role', () => {
  let h: Harness;
  let analyst: Awaited<ReturnType<Harness['signIn']>>;
  let responder: Awaited<ReturnType<Harness['signIn']>>;
  const draft = (over: Record<string, unknown> = {}) => {
    const now = h.clock.now();
    return {
      title: '住房需求调查',
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + DAY).toISOString(),
      questions: QUESTIONS,
      ...over,
    };
  };
  beforeAll(async () => {
    h = await createHarness();
    [analyst, responder] = await Promise.all([
      h.signIn(await h.createStaff({ role: 'analyst' })),
      h.signIn(await h.createStaff({ role: 'responder', departmentIds: [4] })),
    ]);
  });
  afterAll(() => h.close());

  it.each([
    ['one option', { questions: [{ kind: 'single', prompt: '?', options: ['只有一个'] }] }],
    ['scale max ≤ min', { questions: [{ kind: 'scale', prompt: '?', min: 3, max: 3 }] }],
    ['unknown kind', { questions: [{ kind: 'ranking', prompt: '?' }] }],
    ['no questions', { questions: [] }],
    ['k below 5', { k: 4 }],
    ['close before open', { closesAt: new Date(Date.UTC(2020, 0, 1)).toISOString() }],
    ['empty title', { title: '  ' }],
  ])('a draft with %s is refused (422)', async (_, over) => {
    const res = await analyst.json('POST', '/api/v1/staff/surveys', draft(over));
    expect(await errorOf(res)).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' });
  });

  it('workers cannot build surveys (401); other roles (403); responders only for their department', async () => {
    const anonymous = await h.postJson('/api/v1/staff/surveys', draft(), { origin: ORIGIN });
    expect(await errorOf(anonymous)).toMatchObject({ status: 401, code: 'STAFF_AUTH_REQUIRED' });
    const mod = await h.signIn(await h.createStaff({ role: 'moderator' }));
    expect(await errorOf(await mod.json('POST', '/api/v1/staff/surveys', draft()))).toMatchObject({
      status: 403,
      code: 'STAFF_FORBIDDEN',
    });
    const other = await responder.json('POST', '/api/v1/staff/surveys', draft({ departmentId: 2 }));
    expect(await errorOf(other)).toMatchObject({ status: 403, code: 'DEPARTMENT_FORBIDDEN' });
    const own = await responder.json('POST', '/api/v1/staff/surveys', draft({ departmentId: 4 }));
    expect(own.status, await own.clone().text()).toBe(201);
    const unknown = await analyst.json('POST', '/api/v1/staff/surveys', draft({ departmentId: 999 }));
    expect(await errorOf(unknown)).toMatchObject({ status: 422, code: 'DEPARTMENT_NOT_FOUND' });
  });

  it('publishing twice is a conflict; unknown and draft surveys are 404 to the public', async () => {
    const { id } = (await (await analyst.json('POST', '/api/v1/staff/surveys', draft())).json()) as {
      id: number;
    };
    for (const path of [`/api/v1/surveys/${id}`, `/api/v1/surveys/${id}/results`, '/api/v1/surveys/9999']) {
      expect(await errorOf(await h.request(path)), path).toMatchObject({
        status: 404,
        code: 'SURVEY_NOT_FOUND',
      });
    }
    expect((await analyst.json('POST', `/api/v1/staff/surveys/${id}/publish`, {})).status).toBe(200);
    const again = await analyst.json('POST', `/api/v1/staff/surveys/${id}/publish`, {});
    expect(await errorOf(again)).toMatchObject({ status: 409, code: 'SURVEY_PUBLISHED' });
  });

  it('answers that do not fit the questions are refused (422) before any token is asked for', async () => {
    const id = await publishedSurvey(h);
    for (const answers of [
      [0, [1], 3],
      [9, [1], 3, null],
      [0, [], 3, null],
      [0, [1, 1], 3, null],
      [0, [1], 6, null],
      [0, [1], 3, 7],
      ['0', [1], 3, null],
    ]) {
      const res = await answer(h, id, undefined, { answers });
      expect((await errorOf(res)).status, JSON.stringify(answers)).toBe(422);
    }
    const [code] = (await h.codes(1)) as [string];
    const res = await answer(h, id, await surveyToken(h, id, code), {
      departmentId: 999,
      answers: [0, [1], 3, null],
    });
    expect(await errorOf(res)).toMatchObject({ status: 422, code: 'DEPARTMENT_NOT_FOUND' });
  });

  it('tokens can be fetched before the opening, answers only within open…close', async () => {
    const id = await publishedSurvey(h, {
      opensAt: new Date(h.clock.now() + HOUR).toISOString(),
      closesAt: new Date(h.clock.now() + 2 * HOUR).toISOString(),
    });
    const [code] = (await h.codes(1)) as [string];
    const token = await surveyToken(h, id, code);
    const early = await answer(h, id, token, { answers: [0, [1], 3, null] });
    expect(await errorOf(early)).toMatchObject({ status: 409, code: 'SURVEY_NOT_OPEN' });
    h.clock.advance(HOUR);
    expect((await answer(h, id, token, { answers: [0, [1], 3, null] })).status).toBe(201);
  });

  it('a token request that cannot be signed is 400 and gives the one-token budget back', async () => {
    const id = await publishedSurvey(h);
    const [code] = (await h.codes(1)) as [string];
    const keyId = createHash('sha256')
      .update((await surveyOffer(h, id)).tokenKey)
      .digest();
    // well-formed, names the survey key, but the blinded message is not below the modulus
    const body = new Uint8Array([0, 2, keyId.at(-1)!, ...new Uint8Array(256).fill(0xff)]);
    const post = (b: Uint8Array) =>
      h.request(`/token-request/surveys/${id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/private-token-request', authorization: `Bearer ${code}` },
        body: b as BodyInit,
      });
    expect(await errorOf(await post(body))).toMatchObject({ status: 400, code: 'TOKEN_REQUEST_INVALID' });
    expect(await errorOf(await post(new Uint8Array(12)))).toMatchObject({ status: 400 });
    expect((await requestSurveyToken(h, id, code)).res.status).toBe(200);
  });
});
