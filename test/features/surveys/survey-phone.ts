import { type TokenChallenge, WWWAuthenticateHeader } from '@cloudflare/privacypass-ts';
import { createStaff, loadActor } from '../../../src/features/staff/index.js';
import type { NewSurvey } from '../../../src/features/surveys/surveys.service.js';
import { createSurvey, publishSurvey } from '../../../src/features/surveys/surveys.service.js';
import { DAY } from '../../../src/platform/clock.js';
import type { Harness } from '../../helpers/harness.js';
import { readOffer, requestScopedToken } from '../../helpers/scoped-token.js';

export interface SurveyJson {
  id: number;
  status: string;
  token: { 'token-key': string; 'token-challenge': string; 'issuer-request-uri': string } | null;
}

/** What a phone reads from the survey JSON: the survey's challenge, key and issuer path. */
export async function surveyOffer(h: Harness, surveyId: number) {
  const res = await h.request(`/api/v1/surveys/${surveyId}`);
  if (res.status !== 200) throw new Error(`survey ${surveyId}: ${res.status} ${await res.text()}`);
  return readOffer(((await res.json()) as SurveyJson).token!);
}

/** The challenge and key a 401 from the survey's answer endpoint names (RFC 9577). */
export async function challengeFrom401(res: Response) {
  const [offer] = WWWAuthenticateHeader.parse(res.headers.get('www-authenticate') ?? '');
  if (!offer) throw new Error('no PrivateToken challenge');
  return offer;
}

/**
 * Asks a survey's issuer for one token with an enrollment code, blinding with privacypass-ts's own client.
 * `challenge`/`tokenKey` default to the survey's own; pass others to mint a token for something else.
 */
export async function requestSurveyToken(
  h: Harness,
  surveyId: number,
  code: string,
  opts: { challenge?: TokenChallenge; tokenKey?: Uint8Array; path?: string } = {},
): Promise<{ res: Response; header?: string }> {
  return requestScopedToken(h, await surveyOffer(h, surveyId), code, opts);
}

/** One token for the survey, or a thrown error with the issuer's answer. */
export async function surveyToken(h: Harness, surveyId: number, code: string): Promise<string> {
  const { res, header } = await requestSurveyToken(h, surveyId, code);
  if (!header) throw new Error(`issuance failed: ${res.status} ${await res.text()}`);
  return header;
}

export function answer(h: Harness, surveyId: number, authorization: string | undefined, body: unknown) {
  return h.postJson(`/api/v1/surveys/${surveyId}/responses`, body, authorization ? { authorization } : {});
}

export const QUESTIONS: NewSurvey['questions'] = [
  { kind: 'single', prompt: '通勤班车准点吗？', options: ['准点', '偶尔晚点', '经常晚点'] },
  { kind: 'multiple', prompt: '您乘坐哪些班次？', options: ['早班', '白班', '夜班'] },
  { kind: 'scale', prompt: '总体满意度', min: 1, max: 5 },
  { kind: 'text', prompt: '其他建议' },
];

let surveyors = 0;

/**
 * A published survey made through the services (no staff sign-in, which costs a second of scrypt): by
 * default open now for a week, k = 5, results after the close.
 */
export async function publishedSurvey(h: Harness, overrides: Partial<NewSurvey> = {}) {
  // a staff row without a password: no scrypt, since this fixture never signs in
  const id = await createStaff(h.db, {
    username: `surveyor-${++surveyors}`,
    displayName: '调查员',
    role: 'analyst',
    now: h.clock.now(),
  });
  const actor = (await loadActor(h.db, id))!;
  const now = h.clock.now();
  const row = await createSurvey(
    h.db,
    actor,
    {
      title: '通勤班车满意度调查',
      description: '',
      opensAt: new Date(now).toISOString(),
      closesAt: new Date(now + 7 * DAY).toISOString(),
      liveResults: false,
      k: 5,
      questions: QUESTIONS,
      ...overrides,
    },
    now,
  );
  await publishSurvey(h.db, h.secrets, actor, row.id, now);
  return row.id;
}
