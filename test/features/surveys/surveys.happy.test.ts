import { createHash } from 'node:crypto';
import type { IssuerConfig } from '@cloudflare/privacypass-ts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, HOUR } from '../../../src/platform/clock.js';
import { fromBase64Url } from '../../../src/platform/crypto/encoding.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import {
  answer,
  challengeFrom401,
  publishedSurvey,
  QUESTIONS,
  requestSurveyToken,
  type SurveyJson,
  surveyToken,
} from './survey-phone.js';

const answers = (i: number) => [
  i % 3,
  i % 2 === 0 ? [0, 2] : [1],
  1 + (i % 5),
  i === 0 ? '增加夜班班车' : null,
];

describe('surveys: build, publish, answer once, results after the close', () => {
  let h: Harness;
  let staff: Awaited<ReturnType<Harness['signIn']>>;
  beforeAll(async () => {
    h = await createHarness();
    staff = await h.signIn(await h.createStaff({ role: 'analyst' }));
  });
  afterAll(() => h.close());

  it('staff create a draft (invisible to the public), publish it, and its own token key appears', async () => {
    const now = h.clock.now();
    const created = await staff.json('POST', '/api/v1/staff/surveys', {
      title: '食堂满意度',
      opensAt: new Date(now + HOUR).toISOString(),
      closesAt: new Date(now + 3 * DAY).toISOString(),
      questions: QUESTIONS,
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const draft = (await created.json()) as SurveyJson & { k: number; createdBy: number };
    expect(draft).toMatchObject({ status: 'draft', token: null, k: 5 });
    expect((await h.request(`/api/v1/surveys/${draft.id}`)).status).toBe(404);

    const published = await staff.json('POST', `/api/v1/staff/surveys/${draft.id}/publish`, {});
    expect(published.status, await published.clone().text()).toBe(200);
    const survey = (await published.json()) as SurveyJson;
    expect(survey.status).toBe('scheduled');
    expect(survey.token!['issuer-request-uri']).toBe(
      `${h.config.PUBLIC_ORIGIN}/token-request/surveys/${draft.id}`,
    );
    const directory = (await (
      await h.request('/.well-known/private-token-issuer-directory')
    ).json()) as IssuerConfig;
    expect(directory['token-keys'].map((k) => k['token-key'])).not.toContain(survey.token!['token-key']);

    const log = await h.db.all<{ kind: string; actor_role: string; data: string }>(
      sql`SELECT kind, actor_role, data FROM log_entries WHERE item_type = 'survey' AND item_id = ${draft.id}
        ORDER BY seq`,
    );
    expect(log.map((e) => [e.kind, e.actor_role])).toEqual([
      ['survey.create', 'analyst'],
      ['survey.publish', 'analyst'],
    ]);
    const keyId = createHash('sha256').update(fromBase64Url(survey.token!['token-key'])).digest('base64url');
    expect(JSON.parse(log[1]!.data), 'the key id is on the public log').toEqual({ keyId });

    const listed = (await (await h.request('/api/v1/surveys?q=食堂')).json()) as { items: SurveyJson[] };
    expect(listed.items.map((s) => s.id)).toEqual([draft.id]);
    const staffList = (await (await staff.request('/api/v1/staff/surveys')).json()) as {
      items: SurveyJson[];
    };
    expect(staffList.items.some((s) => s.id === draft.id)).toBe(true);
  });

  it('a phone answers from the 401 challenge alone: survey context, survey key, then 201', async () => {
    const id = await publishedSurvey(h);
    const probe = await answer(h, id, undefined, { answers: answers(0) });
    expect(probe.status).toBe(401);
    const offer = await challengeFrom401(probe);
    expect(offer.challenge.redemptionContext).toHaveLength(32);
    const [code] = (await h.codes(1)) as [string];
    const { header } = await requestSurveyToken(h, id, code, {
      challenge: offer.challenge,
      tokenKey: offer.tokenKey,
    });
    const res = await answer(h, id, header, { departmentId: 2, answers: answers(0) });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('results stay hidden while open, then show counts, percentages and the mean; CSV matches', async () => {
    const id = await publishedSurvey(h);
    const codes = await h.codes(6);
    for (const [i, code] of codes.entries()) {
      const res = await answer(h, id, await surveyToken(h, id, code), { answers: answers(i) });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const hidden = await h.request(`/api/v1/surveys/${id}/results`);
    expect(hidden.status).toBe(403);
    h.clock.advance(8 * DAY);
    const res = await h.request(`/api/v1/surveys/${id}/results`);
    expect(res.status, await res.clone().text()).toBe(200);
    const results = (await res.json()) as {
      responseCount: number;
      final: boolean;
      questions: {
        options?: { label: string; count: number; percent: number }[];
        mean?: number;
        texts?: string[];
      }[];
    };
    expect(results).toMatchObject({ responseCount: 6, final: true });
    expect(results.questions[0]!.options!.map((o) => o.count)).toEqual([2, 2, 2]);
    expect(results.questions[0]!.options![0]!.percent).toBe(33.3);
    expect(results.questions[1]!.options!.map((o) => o.count)).toEqual([3, 3, 3]);
    expect(results.questions[2]!.mean).toBe(2.67);
    expect(results.questions[3]!.texts).toEqual(['增加夜班班车']);

    const csv = await h.request(`/api/v1/surveys/${id}/results.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)], 'a BOM, for spreadsheet programs').toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('"question"')).toBe(true);
    expect(text).toContain('"1","通勤班车准点吗？","all","准点","2","33.3"');
    expect(text).toContain('"增加夜班班车"');
  });

  it('the OpenAPI document describes the survey, forum and notice endpoints with the others', async () => {
    const res = await h.request('/api/v1/openapi.json');
    expect(res.status, await res.clone().text()).toBe(200);
    const paths = Object.keys(((await res.json()) as { paths: Record<string, unknown> }).paths);
    for (const p of [
      '/api/v1/surveys/{id}/responses',
      '/api/v1/surveys/{id}/results.csv',
      '/api/v1/staff/surveys/{id}/publish',
      '/token-request/surveys/{id}',
      '/api/v1/forum/threads/{id}/replies',
      '/api/v1/notices.atom',
      '/api/v1/departments/{slug}/notices.atom',
    ])
      expect(paths, p).toContain(p);
  });

  it('live results refresh only after k more answers, so two readings never differ by one person', async () => {
    const id = await publishedSurvey(h, { liveResults: true });
    const read = async () =>
      ((await (await h.request(`/api/v1/surveys/${id}/results`)).json()) as { responseCount: number | null })
        .responseCount;
    const codes = await h.codes(11);
    const seen: (number | null)[] = [];
    for (const [i, code] of codes.entries()) {
      await answer(h, id, await surveyToken(h, id, code), { answers: answers(i) });
      seen.push(await read());
    }
    expect(seen).toEqual([null, null, null, null, 5, 5, 5, 5, 5, 10, 10]);
  });
});
