import { eq } from 'drizzle-orm';
import { staff } from '../../../db/schema/index.js';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config/config.js';
import { OidcError, type OidcVerifier, oidcVerifier } from '../../platform/crypto/oidc.js';
import { AppError } from '../../platform/http/errors.js';
import { checkSecondFactor } from '../admin/second-factor.service.js';
import { failureThrottle } from '../ratelimit/salts.service.js';
import type { SignInDeps } from './sign-in.service.js';

// failed OIDC sign-ins allowed per client address per rate-limit epoch (no username to key on before
// the token is verified)
const OIDC_FAILURE_LIMIT = 10;

/**
 * The verifier of staff ID tokens (STAFF_OIDC_*, with the OIDC_* algorithms and maximum age), built once
 * per app so the provider's key set is fetched once; undefined when staff OIDC is not configured.
 */
export function staffOidcVerifier(
  config: Config,
  clock: Clock,
  fetchImpl?: typeof fetch,
): OidcVerifier | undefined {
  if (!config.STAFF_OIDC_ISSUER || !config.STAFF_OIDC_AUDIENCE) return undefined;
  return oidcVerifier(
    {
      issuer: config.STAFF_OIDC_ISSUER,
      audience: config.STAFF_OIDC_AUDIENCE,
      jwksUrl: config.STAFF_OIDC_JWKS_URL,
      algorithms: config.OIDC_ALGORITHMS,
      maxAgeSeconds: config.OIDC_MAX_AGE_SECONDS,
    },
    clock,
    fetchImpl,
  );
}

/**
 * Sign-in with an ID token of the company provider: verified strictly, then the `sub` claim must be bound
 * to an active staff account by an admin; the second factor is checked as for a password. Failures are
 * throttled per address. Returns the staff id to start a session for.
 * @example const id = await oidcSignIn(deps, c.var.staffOidc, { idToken }, address)
 */
export async function oidcSignIn(
  deps: SignInDeps,
  verifier: OidcVerifier | undefined,
  input: { idToken: string; totp?: string; totpEnrolment?: string },
  clientAddress: string,
): Promise<number> {
  const { db, config, now } = deps;
  if (!verifier) throw new AppError('OIDC_NOT_CONFIGURED');
  const throttle = await failureThrottle(db, config, now, OIDC_FAILURE_LIMIT, 'signin-oidc', clientAddress);
  await throttle.check();
  let subject: string;
  try {
    // the verifier returns "iss|sub" with iss equal to the configured issuer
    subject = (await verifier.verify(input.idToken)).slice(`${config.STAFF_OIDC_ISSUER}|`.length);
  } catch (e) {
    await throttle.fail();
    throw new AppError('STAFF_OIDC_INVALID', { reason: e instanceof OidcError ? e.reason : 'unknown' });
  }
  const [row] = await db.select().from(staff).where(eq(staff.oidcSubject, subject));
  if (!row || row.disabledAt !== null) {
    await throttle.fail();
    throw new AppError('STAFF_OIDC_UNBOUND');
  }
  await checkSecondFactor(deps, row, input, throttle.fail);
  return row.id;
}
