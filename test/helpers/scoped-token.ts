import { AuthorizationHeader, MediaType, publicVerif, TokenChallenge } from '@cloudflare/privacypass-ts';
import { fromBase64Url } from '../../src/platform/crypto/encoding.js';
import type { Harness } from './harness.js';

/** A scoped token offer as features publish it (a survey, a department's rating period). */
export interface OfferJson {
  'token-key': string;
  'token-challenge': string;
  'issuer-request-uri': string;
}

/** What a phone reads from an offer: the scope's challenge, key and issuer path. */
export function readOffer(offer: OfferJson) {
  return {
    challenge: TokenChallenge.deserialize(fromBase64Url(offer['token-challenge'])),
    tokenKey: fromBase64Url(offer['token-key']),
    path: new URL(offer['issuer-request-uri']).pathname,
  };
}

/**
 * Asks a scope's issuer for its one token with an enrollment code, blinding with privacypass-ts's own
 * client. Pass another `challenge`, `tokenKey` or `path` to mint a token for something else.
 */
export async function requestScopedToken(
  h: Harness,
  offer: ReturnType<typeof readOffer>,
  code: string,
  opts: { challenge?: TokenChallenge; tokenKey?: Uint8Array; path?: string } = {},
): Promise<{ res: Response; header?: string }> {
  const client = new publicVerif.Client(publicVerif.BlindRSAMode.PSS);
  const request = await client.createTokenRequest(
    opts.challenge ?? offer.challenge,
    opts.tokenKey ?? offer.tokenKey,
  );
  const res = await h.request(opts.path ?? offer.path, {
    method: 'POST',
    headers: { 'content-type': MediaType.PRIVATE_TOKEN_REQUEST, authorization: `Bearer ${code}` },
    body: request.serialize() as BodyInit,
  });
  if (res.status !== 200) return { res };
  const token = await client.finalize(
    client.deserializeTokenResponse(new Uint8Array(await res.arrayBuffer())),
  );
  return { res, header: new AuthorizationHeader(token).toString(true) };
}
