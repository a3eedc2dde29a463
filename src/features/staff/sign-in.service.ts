import { eq } from 'drizzle-orm';
import { staff } from '../../../db/schema/index.js';
import type { Config } from '../../platform/config/config.js';
import { hashPassword, verifyPassword } from '../../platform/crypto/password.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { checkSecondFactor } from '../admin/second-factor.service.js';
import { failureThrottle } from '../ratelimit/salts.service.js';
import { revokeAllSessions } from './sessions.service.js';

// failed sign-ins allowed per (address, username) per rate-limit epoch
const SIGNIN_FAILURE_LIMIT = 10;

// scrypt of a random string: the same work as a real check, and it matches nothing
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export interface SignInDeps {
  db: Db;
  config: Config;
  secrets: Secrets;
  now: number;
}

/**
 * Password (and, when set or required, TOTP) sign-in, throttled per address and username; the JSON API
 * and the console's form both call this. Returns the staff id to start a session for.
 */
export async function passwordSignIn(
  deps: SignInDeps,
  input: { username: string; password: string; totp?: string; totpEnrolment?: string },
  clientAddress: string,
): Promise<number> {
  const { db, config, now } = deps;
  const throttle = await failureThrottle(
    db,
    config,
    now,
    SIGNIN_FAILURE_LIMIT,
    'signin',
    clientAddress,
    input.username,
  );
  await throttle.check();
  const [row] = await db.select().from(staff).where(eq(staff.username, input.username));
  // verify against a fixed hash when the user is unknown, so timing does not reveal which usernames exist
  const ok = await verifyPassword(input.password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok || row.disabledAt !== null) {
    await throttle.fail();
    throw new AppError('SIGNIN_FAILED');
  }
  await checkSecondFactor(deps, row, input, throttle.fail);
  return row.id;
}

/** Replaces the password after checking the current one, and ends every session of this staff member. */
export async function changePassword(
  db: Db,
  staffId: number,
  input: { currentPassword: string; newPassword: string },
  now: number,
): Promise<void> {
  const [row] = await db.select().from(staff).where(eq(staff.id, staffId));
  if (!row?.passwordHash || !(await verifyPassword(input.currentPassword, row.passwordHash)))
    throw new AppError('SIGNIN_FAILED');
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_TOO_WEAK');
  await db
    .update(staff)
    .set({ passwordHash: await hashPassword(input.newPassword), mustChangePassword: false })
    .where(eq(staff.id, staffId));
  await revokeAllSessions(db, staffId, now);
}
