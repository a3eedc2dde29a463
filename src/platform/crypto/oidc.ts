import { createRemoteJWKSet, decodeProtectedHeader, type JWTVerifyGetKey, jwtVerify } from 'jose';
import type { Clock } from '../clock.js';

export interface OidcSettings {
  issuer: string;
  audience: string;
  /** Taken from the issuer's discovery document when absent. */
  jwksUrl?: string;
  algorithms: string[];
  maxAgeSeconds: number;
}

export type OidcFailure =
  | 'malformed'
  | 'header_key'
  | 'algorithm'
  | 'signature'
  | 'claims'
  | 'expired'
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
    return createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000 });
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
        const code = (e as { code?: string }).code ?? '';
        if (code === 'ERR_JWT_EXPIRED') throw new OidcError('expired');
        if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWKS_NO_MATCHING_KEY')
          throw new OidcError('signature');
        if (code === 'ERR_JWKS_TIMEOUT' || code === 'ERR_JOSE_GENERIC') throw new OidcError('unreachable');
        throw new OidcError('claims');
      }
    },
  };
}

export type OidcVerifier = ReturnType<typeof oidcVerifier>;
