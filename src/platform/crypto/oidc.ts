import {
  createRemoteJWKSet,
  customFetch,
  decodeProtectedHeader,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import type { Clock } from '../clock.js';

export interface OidcSettings {
  issuer: string;
  audience: string;
  /** Taken from the issuer's discovery document when absent. */
  jwksUrl?: string;
  algorithms: string[];
  maxAgeSeconds: number;
}

/** Which check refused an ID token; shown to the client as `details.reason`. */
export type OidcFailure =
  | 'malformed'
  | 'header_key'
  | 'algorithm'
  | 'signature'
  | 'issuer'
  | 'audience'
  | 'claims'
  | 'expired'
  | 'too_old'
  | 'unreachable';

export class OidcError extends Error {
  override name = 'OidcError';
  constructor(readonly reason: OidcFailure) {
    super(reason);
  }
}

/**
 * Verifies company ID tokens: signature against the issuer's JWKS only (never a key named in the token),
 * an algorithm allow-list, issuer, audience, expiry and age. Returns the stable subject.
 * @example const sub = await verifier.verify(idToken)
 */
export function oidcVerifier(settings: OidcSettings, clock: Clock, fetchImpl: typeof fetch = fetch) {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  const keySet = async (): Promise<JWTVerifyGetKey> => {
    let url = settings.jwksUrl;
    if (!url) {
      const res = await fetchImpl(`${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
      if (!res.ok) throw new OidcError('unreachable');
      url = ((await res.json()) as { jwks_uri?: string }).jwks_uri;
      if (!url) throw new OidcError('unreachable');
    }
    // the same fetch as discovery, so a provider reachable only through the injected fetch works
    return createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000, [customFetch]: fetchImpl });
  };
  return {
    async verify(token: string): Promise<string> {
      let header: ReturnType<typeof decodeProtectedHeader>;
      try {
        header = decodeProtectedHeader(token);
      } catch {
        throw new OidcError('malformed');
      }
      if (header.jwk || header.jku || header.x5u || header.x5c) throw new OidcError('header_key');
      if (!header.alg || !settings.algorithms.includes(header.alg)) throw new OidcError('algorithm');
      keys ??= keySet().catch((e) => {
        keys = undefined;
        throw e instanceof OidcError ? e : new OidcError('unreachable');
      });
      try {
        const { payload } = await jwtVerify(token, await keys, {
          issuer: settings.issuer,
          audience: settings.audience,
          algorithms: settings.algorithms,
          maxTokenAge: settings.maxAgeSeconds,
          clockTolerance: 60,
          currentDate: new Date(clock.now()),
          requiredClaims: ['sub', 'iat', 'exp'],
        });
        return `${payload.iss}|${payload.sub}`;
      } catch (e) {
        throw new OidcError(failureOf(e as { code?: string; claim?: string }));
      }
    },
  };
}

export type OidcVerifier = ReturnType<typeof oidcVerifier>;

/** Maps a jose error to the check that failed. */
function failureOf(e: { code?: string; claim?: string }): OidcFailure {
  switch (e.code) {
    case 'ERR_JWT_EXPIRED':
      // jose reports both "exp passed" and "iat older than maxTokenAge" as expired
      return e.claim === 'iat' ? 'too_old' : 'expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return e.claim === 'iss' ? 'issuer' : e.claim === 'aud' ? 'audience' : 'claims';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'signature';
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return 'malformed';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'algorithm';
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
    case 'ERR_JOSE_GENERIC':
      return 'unreachable';
    default:
      // jose's own errors all carry an ERR_ code; anything else failed while fetching the key set
      return e.code?.startsWith('ERR_') ? 'claims' : 'unreachable';
  }
}
