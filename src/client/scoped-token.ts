import {
  AuthorizationHeader,
  TokenChallenge,
} from '@cloudflare/privacypass-ts/lib/src/auth_scheme/private_token.js';
import { MediaType } from '@cloudflare/privacypass-ts/lib/src/issuance.js';
import { BlindRSAMode, Client } from '@cloudflare/privacypass-ts/lib/src/pub_verif_token.js';
import { onSubmit } from './api.js';
import { kv } from './idb-store.js';
import { $ } from './page-kit.js';
import { b64url, call, errorFrom, normaliseCode, WalletError } from './wallet.js';

/** A scope's offer as the API puts it in a survey or a scorecard (`scopedTokenOffer` on the server). */
interface TokenOffer {
  'token-key': string;
  'token-challenge': string;
  'issuer-request-uri': string;
}

/** Where the token is kept, where its offer is read, and what to say when there is none (scope closed). */
interface Scope {
  store: string;
  offerFrom: string;
  closed: string;
}

/**
 * A scope's one token (a survey, a department's rating period): fetched with the enrollment code under
 * the scope's own challenge, and kept on the phone until it is accepted, since the issuer gives only one.
 */
async function scopedToken(scope: Scope, code: string): Promise<string> {
  const stored = await kv.get<string>(scope.store);
  if (stored) return stored;
  const info = await call(scope.offerFrom);
  if (!info.ok) throw await errorFrom(info);
  const offer = ((await info.json()) as { token: TokenOffer | null }).token;
  if (!offer) throw new WalletError(scope.closed);
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
  await kv.set(scope.store, header);
  return header;
}

/**
 * Wires a form that is paid for with a scope's token: the code field (`codeField`) shows only when the
 * wallet has no enrollment code; on submit the token is fetched if needed and `body` POSTed to `path`.
 */
export async function scopedTokenForm(
  form: HTMLFormElement,
  opts: Scope & {
    ids: { status: string; error: string };
    codeField: string;
    path: string;
    body: (fields: Record<string, string>) => unknown;
    done: () => void;
  },
) {
  const saved = await kv.get<string>('code');
  $(opts.codeField).hidden = saved !== undefined;
  form.hidden = false;
  onSubmit(form, opts.ids, async (fields) => {
    const code = saved ?? normaliseCode(fields.code ?? '');
    if (!code) throw new WalletError('CREDENTIAL_REQUIRED');
    const authorization = await scopedToken(opts, code);
    const res = await call(opts.path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(opts.body(fields)),
    });
    if (res.ok) await kv.delete(opts.store);
    else {
      const err = await errorFrom(res);
      // a token the server no longer takes is of no use to keep
      if (/^TOKEN_/.test(err.code)) await kv.delete(opts.store);
      throw err;
    }
    opts.done();
  });
}
