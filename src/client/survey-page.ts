import {
  AuthorizationHeader,
  TokenChallenge,
} from '@cloudflare/privacypass-ts/lib/src/auth_scheme/private_token.js';
import { MediaType } from '@cloudflare/privacypass-ts/lib/src/issuance.js';
import { BlindRSAMode, Client } from '@cloudflare/privacypass-ts/lib/src/pub_verif_token.js';
import { onSubmit } from './api.js';
import { kv } from './idb-store.js';
import { $, msg, say } from './page-kit.js';
import { b64url, call, errorFrom, normaliseCode, WalletError } from './wallet.js';

interface SurveyToken {
  'token-key': string;
  'token-challenge': string;
  'issuer-request-uri': string;
}

type Answer = number | number[] | string | null;

/**
 * This survey's one token: fetched with the enrollment code under the survey's own challenge, and kept
 * on the phone until the answer is accepted, since the issuer gives each person only one.
 */
async function surveyToken(id: number, code: string): Promise<string> {
  const stored = await kv.get<string>(`survey-token:${id}`);
  if (stored) return stored;
  const info = await call(`/api/v1/surveys/${id}`);
  if (!info.ok) throw await errorFrom(info);
  const offer = ((await info.json()) as { token: SurveyToken | null }).token;
  if (!offer) throw new WalletError('SURVEY_NOT_OPEN');
  const client = new Client(BlindRSAMode.PSS);
  const challenge = TokenChallenge.deserialize(b64url.decode(offer['token-challenge']));
  const request = await client.createTokenRequest(challenge, b64url.decode(offer['token-key']));
  const res = await call(new URL(offer['issuer-request-uri']).pathname, {
    method: 'POST',
    headers: { 'content-type': MediaType.PRIVATE_TOKEN_REQUEST, authorization: `Bearer ${code}` },
    body: request.serialize() as BodyInit,
  });
  if (!res.ok) throw await errorFrom(res);
  const token = await client.finalize(
    client.deserializeTokenResponse(new Uint8Array(await res.arrayBuffer())),
  );
  const header = new AuthorizationHeader(token).toString(true);
  await kv.set(`survey-token:${id}`, header);
  return header;
}

/** answers[i] in the API's shape: option index, indexes, scale value, text, or null when left blank. */
function answersOf(form: HTMLFormElement): Answer[] {
  const data = new FormData(form);
  return [...form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-kind]')].map((fs) => {
    const values = data
      .getAll(`q${fs.dataset.index}`)
      .map(String)
      .filter((v) => v.trim() !== '');
    if (values.length === 0) return null;
    if (fs.dataset.kind === 'multiple') return values.map(Number);
    return fs.dataset.kind === 'text' ? values[0]! : Number(values[0]);
  });
}

/** The survey page: one answer per worker, paid with this survey's own token. */
export async function surveyPage() {
  const root = document.getElementById('survey');
  const form = document.getElementById('survey-form') as HTMLFormElement | null;
  if (!root || !form) return;
  const id = Number(root.dataset.surveyId);
  const saved = await kv.get<string>('code');
  $('survey-code-field').hidden = saved !== undefined;
  form.hidden = false;
  onSubmit(form, { status: 'survey-status', error: 'survey-error' }, async (fields) => {
    const code = saved ?? normaliseCode(fields.code ?? '');
    if (!code) throw new WalletError('CREDENTIAL_REQUIRED');
    const authorization = await surveyToken(id, code);
    const res = await call(`/api/v1/surveys/${id}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ answers: answersOf(form) }),
    });
    if (res.ok) await kv.delete(`survey-token:${id}`);
    else {
      const err = await errorFrom(res);
      // a token the server no longer takes is of no use to keep
      if (/^TOKEN_/.test(err.code)) await kv.delete(`survey-token:${id}`);
      throw err;
    }
    form.hidden = true;
    say($('survey-status'), msg('js.survey.done'));
  });
}
