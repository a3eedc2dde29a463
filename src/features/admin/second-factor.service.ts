import { and, eq, isNull, sql } from 'drizzle-orm';
import { type StaffRole, staff, staffTotpSteps } from '../../../db/schema/index.js';
import { MINUTE } from '../../platform/clock.js';
import type { Config } from '../../platform/config/config.js';
import { fromBase64Url, toBase32, toBase64Url } from '../../platform/crypto/encoding.js';
import { seal, unseal } from '../../platform/crypto/seal.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import { newTotpSecret, otpauthUri, verifyTotp } from '../../platform/crypto/totp.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { logStatements, sealLog } from '../audit/index.js';
import { getSettings } from './settings.service.js';

// an enrolment not confirmed within this time must start again
const ENROLMENT_TTL = 15 * MINUTE;
const TICKET_CONTEXT = 'totp-enrolment';
const secretContext = (staffId: number) => `totp:${staffId}`;

interface Who {
  id: number;
  username: string;
  role: StaffRole;
}

/**
 * Starts TOTP enrolment: a new secret for the authenticator app, and a ticket (the secret sealed to this
 * staff member, expiring) that confirms it. Nothing is stored until a code from the app is confirmed.
 */
export async function beginEnrolment(secrets: Secrets, who: Who, now: number) {
  const secret = newTotpSecret();
  const ticket = await seal(
    secrets.sealKey,
    new TextEncoder().encode(
      JSON.stringify({ s: toBase64Url(secret), sub: who.id, exp: now + ENROLMENT_TTL }),
    ),
    TICKET_CONTEXT,
  );
  return {
    secret: toBase32(secret),
    otpauthUri: otpauthUri({ issuer: 'Zhitong', account: who.username, secret }),
    ticket,
  };
}

async function openTicket(secrets: Secrets, ticket: string, who: Who, now: number): Promise<Uint8Array> {
  try {
    const t = JSON.parse(new TextDecoder().decode(await unseal(secrets.sealKey, ticket, TICKET_CONTEXT))) as {
      s: string;
      sub: number;
      exp: number;
    };
    if (t.sub === who.id && t.exp > now) return fromBase64Url(t.s);
  } catch {
    // a forged or damaged ticket is simply invalid
  }
  throw new AppError('TOTP_TICKET_INVALID');
}

/** Records a used time step; false if this step (or a later one) was already used: a replay. */
function useStepStatement(db: Db, staffId: number, step: number) {
  return db
    .insert(staffTotpSteps)
    .values({ staffId, lastStep: step })
    .onConflictDoUpdate({
      target: staffTotpSteps.staffId,
      set: { lastStep: step },
      setWhere: sql`${staffTotpSteps.lastStep} < ${step}`,
    })
    .returning({ step: staffTotpSteps.lastStep });
}

/** Confirms enrolment with a code from the app; stores the secret sealed, and logs it. */
export async function completeEnrolment(
  deps: { db: Db; secrets: Secrets; now: number },
  who: Who,
  ticket: string,
  code: string,
): Promise<void> {
  const { db, secrets, now } = deps;
  const secret = await openTicket(secrets, ticket, who, now);
  const step = verifyTotp(secret, code, now);
  if (step === null) throw new AppError('TOTP_INVALID');
  const sealed = await seal(secrets.sealKey, secret, secretContext(who.id));
  const [stored] = await db.batch([
    db
      .update(staff)
      .set({ totpSecretSealed: sealed })
      .where(and(eq(staff.id, who.id), isNull(staff.totpSecretSealed)))
      .returning({ id: staff.id }),
    ...logStatements(
      db,
      {
        kind: 'staff.totp-enrol',
        actor: { role: who.role, username: who.username },
        now,
        data: { username: who.username },
      },
      { onlyIfChanged: true },
    ),
    useStepStatement(db, who.id, step),
  ] as unknown as Parameters<Db['batch']>[0]);
  if ((stored as unknown[]).length === 0) throw new AppError('TOTP_ALREADY_ENROLLED');
  await sealLog(db);
}

/**
 * The second factor at sign-in, after the password was right. Enrolled staff always need a fresh code.
 * Staff whose role an admin made require TOTP but who have none enrol here: the first answer carries a
 * secret and a ticket (TOTP_ENROLMENT_REQUIRED); signing in again with the ticket and a code completes it.
 * `onFailure` lets the caller count a wrong code like a wrong password.
 */
export async function checkSecondFactor(
  deps: { db: Db; secrets: Secrets; config: Config; now: number },
  row: Who & { totpSecretSealed: string | null },
  body: { totp?: string; totpEnrolment?: string },
  onFailure: () => Promise<unknown>,
): Promise<void> {
  const { db, secrets, config, now } = deps;
  if (row.totpSecretSealed) {
    if (!body.totp) throw new AppError('TOTP_REQUIRED');
    const secret = await unseal(secrets.sealKey, row.totpSecretSealed, secretContext(row.id));
    const step = verifyTotp(secret, body.totp, now);
    if (step === null || (await useStepStatement(db, row.id, step)).length === 0) {
      await onFailure();
      throw new AppError('TOTP_INVALID');
    }
    return;
  }
  if (!(await getSettings(db, config)).totpRequiredRoles.includes(row.role)) return;
  if (body.totpEnrolment && body.totp) {
    await completeEnrolment(deps, row, body.totpEnrolment, body.totp).catch(async (e) => {
      if (e instanceof AppError && e.code === 'TOTP_INVALID') await onFailure();
      throw e;
    });
    return;
  }
  throw new AppError('TOTP_ENROLMENT_REQUIRED', { enrolment: await beginEnrolment(secrets, row, now) });
}
