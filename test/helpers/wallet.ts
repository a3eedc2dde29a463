import {
  AuthorizationHeader,
  genericBatched,
  type IssuerConfig,
  MediaType,
  publicVerif,
  type TokenChallenge,
  WWWAuthenticateHeader,
} from '@cloudflare/privacypass-ts';

export type Fetcher = (path: string, init?: RequestInit) => Response | Promise<Response>;

/** The challenge and token key a content endpoint names in its 401 (RFC 9577). */
export async function readChallenge(fetcher: Fetcher): Promise<WWWAuthenticateHeader> {
  const probe = await fetcher('/api/v1/appeals', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'x', body: 'x', categoryId: 1 }),
  });
  if (probe.status !== 401) throw new Error(`expected a 401 challenge, got ${probe.status}`);
  const [challenge] = WWWAuthenticateHeader.parse(probe.headers.get('www-authenticate') ?? '');
  if (!challenge) throw new Error('no PrivateToken challenge');
  return challenge;
}

/** The issuer-request-uri path from the RFC 9578 directory. */
export async function issuerPath(fetcher: Fetcher): Promise<string> {
  const res = await fetcher('/.well-known/private-token-issuer-directory');
  return new URL(((await res.json()) as IssuerConfig)['issuer-request-uri']).pathname;
}

/**
 * Blinded requests for `count` tokens, made by privacypass-ts clients: one RFC 9578 request (count 1,
 * unbatched) or a generic batch. `finalize` turns the issuer's response into `Authorization` headers.
 */
export async function blindRequests(
  challenge: TokenChallenge,
  tokenKey: Uint8Array,
  opts: { count?: number; batch?: boolean } = {},
) {
  const count = opts.count ?? 1;
  const batch = opts.batch ?? count > 1;
  if (!batch && count !== 1) throw new Error('an unbatched request carries one token');
  const clients = Array.from({ length: count }, () => new publicVerif.Client(publicVerif.BlindRSAMode.PSS));
  const requests = await Promise.all(clients.map((c) => c.createTokenRequest(challenge, tokenKey)));
  const body = batch
    ? new genericBatched.Client()
        .createTokenRequest(requests.map((r) => new genericBatched.TokenRequest(r)))
        .serialize()
    : requests[0]!.serialize();
  return {
    body,
    contentType: batch ? MediaType.ARBITRARY_BATCHED_TOKEN_REQUEST : MediaType.PRIVATE_TOKEN_REQUEST,
    async finalize(response: Uint8Array): Promise<string[]> {
      const responses = batch
        ? new genericBatched.Client()
            .deserializeTokenResponse(response)
            .tokenResponses.map((r) => r.tokenResponse as publicVerif.TokenResponse)
        : [clients[0]!.deserializeTokenResponse(response)];
      const tokens = await Promise.all(clients.map((c, i) => c.finalize(responses[i]!)));
      return tokens.map((t) => new AuthorizationHeader(t).toString(true));
    },
  };
}

/** POSTs blinded requests to the issuer with `Authorization: Bearer <credential>`. */
export function postTokenRequest(
  fetcher: Fetcher,
  path: string,
  credential: string,
  blinded: { body: Uint8Array; contentType: string },
) {
  return fetcher(path, {
    method: 'POST',
    headers: { 'content-type': blinded.contentType, authorization: `Bearer ${credential}` },
    body: blinded.body as BodyInit,
  });
}

/**
 * A worker's phone, using only privacypass-ts's own client classes: reads a 401 challenge, asks the issuer
 * for tokens with a credential (enrollment code or ID token) and returns ready `Authorization` headers.
 * One request per token (the RFC's form), or one generic batch with `batch: true`. `challenge` replaces
 * the origin's challenge (to mint a token for another origin).
 */
export async function fetchTokens(
  fetcher: Fetcher,
  credential: string,
  count = 1,
  opts: { batch?: boolean; challenge?: TokenChallenge } = {},
): Promise<string[]> {
  const offered = await readChallenge(fetcher);
  const challenge = opts.challenge ?? offered.challenge;
  const path = await issuerPath(fetcher);
  const rounds = opts.batch ? [count] : Array.from({ length: count }, () => 1);
  const headers: string[] = [];
  for (const n of rounds) {
    const blinded = await blindRequests(challenge, offered.tokenKey, { count: n, batch: opts.batch });
    const res = await postTokenRequest(fetcher, path, credential, blinded);
    if (res.status !== 200)
      throw Object.assign(new Error(`issuance failed: ${res.status}`), { response: res });
    headers.push(...(await blinded.finalize(new Uint8Array(await res.arrayBuffer()))));
  }
  return headers;
}

/** The body of an error response: `{ error: { code, details } }`; code '(none)' for any other body. */
export async function errorOf(res: Response): Promise<{ status: number; code: string; details?: unknown }> {
  const body = (await res
    .clone()
    .json()
    .catch(() => ({}))) as { error?: { code: string; details?: unknown } };
  return { status: res.status, code: body.error?.code ?? '(none)', details: body.error?.details };
}
