import {
  AuthorizationHeader,
  type IssuerConfig,
  MediaType,
  publicVerif,
  WWWAuthenticateHeader,
} from '@cloudflare/privacypass-ts';

type Fetcher = (path: string, init?: RequestInit) => Response | Promise<Response>;

/**
 * A worker's phone, using only privacypass-ts's own client classes: reads a 401 challenge, asks the issuer
 * for tokens with a credential (enrollment code or ID token) and returns ready `Authorization` headers.
 */
export async function fetchTokens(fetcher: Fetcher, credential: string, count = 1): Promise<string[]> {
  const probe = await fetcher('/api/v1/appeals', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'x', body: 'x', categoryId: 1 }),
  });
  if (probe.status !== 401) throw new Error(`expected a 401 challenge, got ${probe.status}`);
  const [challenge] = WWWAuthenticateHeader.parse(probe.headers.get('www-authenticate') ?? '');
  if (!challenge) throw new Error('no PrivateToken challenge');
  const directory = (await (
    await fetcher('/.well-known/private-token-issuer-directory')
  ).json()) as IssuerConfig;
  const issuerPath = new URL(directory['issuer-request-uri']).pathname;
  const headers: string[] = [];
  for (let i = 0; i < count; i++) {
    const client = new publicVerif.Client(publicVerif.BlindRSAMode.PSS);
    const request = await client.createTokenRequest(challenge.challenge, challenge.tokenKey);
    const res = await fetcher(issuerPath, {
      method: 'POST',
      headers: { 'content-type': MediaType.PRIVATE_TOKEN_REQUEST, authorization: `Bearer ${credential}` },
      body: request.serialize() as BodyInit,
    });
    if (res.status !== 200)
      throw Object.assign(new Error(`issuance failed: ${res.status}`), { response: res });
    const token = await client.finalize(
      client.deserializeTokenResponse(new Uint8Array(await res.arrayBuffer())),
    );
    headers.push(new AuthorizationHeader(token).toString(true));
  }
  return headers;
}
