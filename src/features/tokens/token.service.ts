import type { Context } from 'hono';
import { toBase64Url } from '../../platform/crypto/encoding.js';
import { OidcError, oidcVerifier } from '../../platform/crypto/oidc.js';
import type { AppDeps } from '../../platform/http/env.js';
import { AppError } from '../../platform/http/errors.js';
import { failureThrottle } from '../ratelimit/salts.service.js';
import { checkCode } from './codes.service.js';
import { type IssuanceScope, issueTokens } from './issuance.service.js';
import { keyRing } from './key-ring.js';
import {
  originChallenge,
  redeemToken,
  type Spend,
  spendWith,
  wwwAuthenticate,
} from './redemption.service.js';
import { scopedChallenge, scopedKeyRing, type TokenScope } from './scoped-issuer.js';

// failed eligibility checks allowed per client address per rate-limit epoch, before 429
const FAILED_ISSUANCE_LIMIT = 50;

/**
 * Everything about anonymous credentials, built once per app: the key ring, our challenge, the OIDC
 * verifier. Other features call `redeem` and `spendWith` and never see token bytes.
 */
export function tokenService(deps: AppDeps) {
  const { db, config, secrets, clock } = deps;
  const keys = keyRing(db, secrets, clock);
  const challenge = originChallenge(config.PUBLIC_ORIGIN);
  const oidc =
    config.OIDC_ISSUER && config.OIDC_AUDIENCE
      ? oidcVerifier(
          {
            issuer: config.OIDC_ISSUER,
            audience: config.OIDC_AUDIENCE,
            jwksUrl: config.OIDC_JWKS_URL,
            algorithms: config.OIDC_ALGORITHMS,
            maxAgeSeconds: config.OIDC_MAX_AGE_SECONDS,
          },
          clock,
          deps.fetch,
        )
      : undefined;

  /** The worker's stable subject from a Bearer credential: an OIDC ID token or an enrollment code. */
  async function eligibleSubject(authorization: string | undefined): Promise<string> {
    const credential = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!credential) throw new AppError('CREDENTIAL_REQUIRED');
    if (credential.split('.').length === 3) {
      if (!oidc) throw new AppError('OIDC_NOT_CONFIGURED');
      try {
        return `oidc:${await oidc.verify(credential)}`;
      } catch (e) {
        throw new AppError('CREDENTIAL_INVALID', { reason: e instanceof OidcError ? e.reason : 'unknown' });
      }
    }
    return `code:${await checkCode(db, secrets, credential, clock.now())}`;
  }

  /** Eligibility, address throttling of failures, budget (the period's, or a scope's), native signing. */
  async function issue(
    c: Context,
    contentType: string,
    body: Uint8Array,
    scope?: IssuanceScope,
  ): Promise<Uint8Array> {
    const address = deps.clientAddress?.(c);
    const now = clock.now();
    const throttle = address
      ? await failureThrottle(db, config, now, FAILED_ISSUANCE_LIMIT, 'issuance', address)
      : undefined;
    await throttle?.check();
    let subject: string;
    try {
      subject = await eligibleSubject(c.req.header('authorization'));
    } catch (e) {
      await throttle?.fail();
      throw e;
    }
    return issueTokens(
      { db, config, secrets, signer: deps.signer, keys, now },
      subject,
      contentType,
      body,
      scope,
    );
  }

  return {
    keys,
    challenge,
    /** RFC 9578 §4 directory: the same bytes for every request, whatever it carries. */
    async directory(): Promise<string> {
      const live = await keys.live();
      return JSON.stringify({
        'issuer-request-uri': `${config.PUBLIC_ORIGIN}/token-request`,
        'token-keys': live.map((k) => ({
          'token-type': 2,
          'token-key': toBase64Url(k.publicKeyBytes),
          'not-before': k.notBefore,
        })),
      });
    },
    issue,
    redeem: (authorization: string | undefined): Promise<Spend> =>
      redeemToken(authorization, challenge, keys, deps.signer),
    wwwAuthenticate: () => wwwAuthenticate(challenge, keys),
    spendWith,
    /**
     * Issuance and redemption for one purpose with its own key, challenge and budget (e.g. one survey).
     * @example const survey = c.var.tokens.scoped({ label: `survey:${id}`, key, reserve, release })
     */
    scoped(scope: TokenScope) {
      const scopeChallenge = scopedChallenge(config.PUBLIC_ORIGIN, scope.label);
      const ring = scopedKeyRing(secrets, scope);
      return {
        challenge: scopeChallenge,
        issue: (c: Context, contentType: string, body: Uint8Array) =>
          issue(c, contentType, body, { keys: ring, reserve: scope.reserve, release: scope.release }),
        redeem: (authorization: string | undefined): Promise<Spend> =>
          redeemToken(authorization, scopeChallenge, ring, deps.signer),
        wwwAuthenticate: () => wwwAuthenticate(scopeChallenge, ring),
      };
    },
  };
}

export type TokenService = ReturnType<typeof tokenService>;
