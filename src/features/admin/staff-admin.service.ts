import { and, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import {
  departments,
  type StaffRole,
  staff,
  staffDepartments,
  staffTotpSteps,
} from '../../../db/schema/index.js';
import { hashOneTimePassword, newOneTimePassword } from '../../platform/crypto/one-time-password.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { logStatements, staffActor } from '../audit/index.js';
import { revokeAllSessions, type StaffActor } from '../staff/index.js';
import { runLogged } from './logged-change.js';

type Deps = { db: Db; now: number };

async function checkDepartments(db: Db, role: StaffRole, ids: number[]) {
  if (role === 'responder' && ids.length === 0) throw new AppError('RESPONDER_NEEDS_DEPARTMENT');
  if (ids.length === 0) return;
  const found = await db.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids));
  if (found.length !== new Set(ids).size) throw new AppError('DEPARTMENT_NOT_FOUND');
}

async function load(db: Db, id: number) {
  const [row] = await db.select().from(staff).where(eq(staff.id, id));
  if (!row) throw new AppError('STAFF_NOT_FOUND');
  const depts = await db
    .select({ id: staffDepartments.departmentId })
    .from(staffDepartments)
    .where(eq(staffDepartments.staffId, id));
  return { ...row, departmentIds: depts.map((d) => d.id).sort((a, b) => a - b) };
}

/** Every staff account, as admins see it (no secrets). */
export async function listStaff(db: Db) {
  const rows = await db.select().from(staff).orderBy(staff.id);
  const depts = await db.select().from(staffDepartments);
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    departmentIds: depts.filter((d) => d.staffId === r.id).map((d) => d.departmentId),
    disabled: r.disabledAt !== null,
    totpEnrolled: r.totpSecretSealed !== null,
    mustChangePassword: r.mustChangePassword,
    oidcSubject: r.oidcSubject,
  }));
}

/**
 * Creates an account with a one-time password, returned once (stored hashed); the holder must change it
 * at first sign-in. Logged with the username, role and departments.
 */
export async function createStaffAccount(
  { db, now }: Deps,
  admin: StaffActor,
  input: {
    username: string;
    displayName: string;
    role: StaffRole;
    departmentIds?: number[];
    oidcSubject?: string;
  },
) {
  const departmentIds = [...new Set(input.departmentIds ?? [])].sort((a, b) => a - b);
  await checkDepartments(db, input.role, departmentIds);
  const [taken] = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, input.username));
  if (taken) throw new AppError('USERNAME_TAKEN');
  await checkSubjectFree(db, input.oidcSubject);
  // a member who signs in through the company provider gets no password at all
  const oneTimePassword = input.oidcSubject ? undefined : newOneTimePassword();
  const newId = sql`(SELECT id FROM staff WHERE username = ${input.username})`;
  const [rows] = await runLogged(db, [
    db
      .insert(staff)
      .values({
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash: oneTimePassword ? await hashOneTimePassword(oneTimePassword) : null,
        mustChangePassword: oneTimePassword !== undefined,
        oidcSubject: input.oidcSubject ?? null,
        createdAt: now,
      })
      .returning({ id: staff.id }),
    ...departmentIds.map((departmentId) =>
      db.insert(staffDepartments).values({ staffId: newId, departmentId }),
    ),
    ...logStatements(db, {
      kind: 'staff.create',
      actor: staffActor(admin),
      now,
      data: {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        departmentIds,
        ...(input.oidcSubject ? { oidc: 'bound' } : {}),
      },
    }),
  ]);
  return { id: (rows as { id: number }[])[0]!.id, username: input.username, oneTimePassword };
}

async function checkSubjectFree(db: Db, subject: string | null | undefined, except = 0) {
  if (!subject) return;
  const [taken] = await db
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.oidcSubject, subject), ne(staff.id, except)));
  if (taken) throw new AppError('OIDC_SUBJECT_TAKEN');
}

// the log says that a company account was bound or changed, not which one
const bindingChange = (from: string | null, to: string | null) => ({
  from: from ? 'bound' : null,
  to: to ? (from ? 'rebound' : 'bound') : null,
});

async function activeAdmins(db: Db, except: number) {
  const [row] = await db
    .select({ n: count() })
    .from(staff)
    .where(and(eq(staff.role, 'admin'), isNull(staff.disabledAt), ne(staff.id, except)));
  return row?.n ?? 0;
}

/**
 * Changes role, display name, departments or the bound company account; a change of role, departments or
 * binding ends the member's sessions. Binding an account lets an unused one-time password lapse.
 */
export async function updateStaffAccount(
  { db, now }: Deps,
  admin: StaffActor,
  id: number,
  input: { role?: StaffRole; displayName?: string; departmentIds?: number[]; oidcSubject?: string | null },
) {
  const before = await load(db, id);
  const role = input.role ?? before.role;
  const departmentIds = input.departmentIds
    ? [...new Set(input.departmentIds)].sort((a, b) => a - b)
    : before.departmentIds;
  if (before.role === 'admin' && role !== 'admin' && (id === admin.id || (await activeAdmins(db, id)) === 0))
    throw new AppError('ADMIN_SELF_LOCKOUT');
  await checkDepartments(db, role, departmentIds);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (role !== before.role) changes.role = { from: before.role, to: role };
  if (input.displayName !== undefined && input.displayName !== before.displayName)
    changes.displayName = { from: before.displayName, to: input.displayName };
  if (departmentIds.join() !== before.departmentIds.join())
    changes.departmentIds = { from: before.departmentIds, to: departmentIds };
  const oidcSubject = input.oidcSubject === undefined ? before.oidcSubject : input.oidcSubject;
  if (oidcSubject !== before.oidcSubject) {
    await checkSubjectFree(db, oidcSubject, id);
    changes.oidc = bindingChange(before.oidcSubject, oidcSubject);
  }
  if (Object.keys(changes).length === 0) return;
  const lapse = changes.oidc !== undefined && oidcSubject !== null && before.mustChangePassword;
  await runLogged(db, [
    db
      .update(staff)
      .set({
        role,
        displayName: input.displayName ?? before.displayName,
        oidcSubject,
        ...(lapse ? { passwordHash: null, mustChangePassword: false } : {}),
      })
      .where(eq(staff.id, id)),
    ...(changes.departmentIds
      ? [
          db.delete(staffDepartments).where(eq(staffDepartments.staffId, id)),
          ...departmentIds.map((departmentId) =>
            db.insert(staffDepartments).values({ staffId: id, departmentId }),
          ),
        ]
      : []),
    ...logStatements(db, {
      kind: 'staff.update',
      actor: staffActor(admin),
      now,
      data: { username: before.username, changes },
    }),
  ]);
  if (changes.role || changes.departmentIds || changes.oidc) await revokeAllSessions(db, id, now);
}

/**
 * Disables an account (its sessions end at once), resets its password to a new one-time password, or
 * removes its authenticator so it can enrol again. Each is logged; an admin cannot disable themself.
 */
export async function staffAccountAction(
  { db, now }: Deps,
  admin: StaffActor,
  id: number,
  action: 'disable' | 'reset-password' | 'reset-totp',
): Promise<{ oneTimePassword?: string }> {
  const target = await load(db, id);
  if (action === 'disable' && (id === admin.id || target.disabledAt !== null)) {
    throw new AppError(id === admin.id ? 'ADMIN_SELF_LOCKOUT' : 'STAFF_NOT_FOUND');
  }
  const oneTimePassword = action === 'reset-password' ? newOneTimePassword() : undefined;
  const change =
    action === 'disable'
      ? db.update(staff).set({ disabledAt: now }).where(eq(staff.id, id))
      : action === 'reset-password'
        ? db
            .update(staff)
            .set({ passwordHash: await hashOneTimePassword(oneTimePassword!), mustChangePassword: true })
            .where(eq(staff.id, id))
        : db.update(staff).set({ totpSecretSealed: null }).where(eq(staff.id, id));
  await runLogged(db, [
    change,
    ...(action === 'reset-totp' ? [db.delete(staffTotpSteps).where(eq(staffTotpSteps.staffId, id))] : []),
    ...logStatements(db, {
      kind: `staff.${action}`,
      actor: staffActor(admin),
      now,
      data: { username: target.username },
    }),
  ]);
  await revokeAllSessions(db, id, now);
  return oneTimePassword ? { oneTimePassword } : {};
}
