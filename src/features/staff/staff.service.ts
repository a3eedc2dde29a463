import { eq } from 'drizzle-orm';
import { type StaffRole, staff, staffDepartments } from '../../../db/schema/index.js';
import { hashPassword } from '../../platform/crypto/password.js';
import type { Db } from '../../platform/db/db.js';

/** The signed-in staff member, as handlers see them. */
export interface StaffActor {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  departmentIds: number[];
  mustChangePassword: boolean;
}

/**
 * Creates a staff account with a password (hashed) and, for responders, their departments.
 * @example await createStaff(db, { username: 'mod1', displayName: '审核员', role: 'moderator', password, now })
 */
export async function createStaff(
  db: Db,
  input: {
    username: string;
    displayName: string;
    role: StaffRole;
    password?: string;
    departmentIds?: number[];
    mustChangePassword?: boolean;
    now: number;
  },
): Promise<number> {
  const [row] = await db
    .insert(staff)
    .values({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      mustChangePassword: input.mustChangePassword ?? true,
      createdAt: input.now,
    })
    .returning({ id: staff.id });
  const id = row!.id;
  if (input.departmentIds?.length) {
    await db
      .insert(staffDepartments)
      .values(input.departmentIds.map((departmentId) => ({ staffId: id, departmentId })));
  }
  return id;
}

export async function loadActor(db: Db, id: number): Promise<StaffActor | null> {
  const [row] = await db.select().from(staff).where(eq(staff.id, id));
  if (!row || row.disabledAt !== null) return null;
  const depts = await db
    .select({ id: staffDepartments.departmentId })
    .from(staffDepartments)
    .where(eq(staffDepartments.staffId, id));
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    departmentIds: depts.map((d) => d.id),
    mustChangePassword: row.mustChangePassword,
  };
}
