import { desc, eq, lte, sql } from 'drizzle-orm';
import { logStatements, sealLog } from '../../src/features/audit/index.js';
import { decide } from '../../src/features/moderation/decisions.service.js';
import { FLAG_WEIGHTS } from '../../src/features/moderation/index.js';
import { loadActor } from '../../src/features/staff/index.js';
import { HOUR } from '../../src/platform/clock.js';
import { hashOneTimePassword, newOneTimePassword } from '../../src/platform/crypto/one-time-password.js';
import type { Db } from '../../src/platform/db/db.js';
import {
  appeals,
  departments,
  type FlagReason,
  flags,
  moderationItems,
  type StaffRole,
  staff,
  staffDepartments,
} from '../schema/index.js';
import type { SeededAccount } from './seed.js';

const SEED_ACTOR = { role: 'operator', username: 'seed' };

/**
 * Demo staff with one-time passwords (returned, stored hashed): a moderator, a dispatcher, an analyst and
 * a responder for every department, each on the public log; then flags on a few published demo appeals,
 * one of them hidden by the moderator so its tombstone shows.
 */
export async function seedDemoModeration(db: Db, now: number): Promise<SeededAccount[]> {
  const depts = await db.select().from(departments).orderBy(departments.id);
  const people: { username: string; displayName: string; role: StaffRole; departmentIds: number[] }[] = [
    { username: 'moderator', displayName: '内容审核员', role: 'moderator', departmentIds: [] },
    { username: 'dispatcher', displayName: '诉求分派员', role: 'dispatcher', departmentIds: [] },
    { username: 'analyst', displayName: '舆情分析员', role: 'analyst', departmentIds: [] },
    ...depts.map((d) => ({
      username: `responder-${d.slug}`,
      displayName: `${d.nameZh}答复人`,
      role: 'responder' as const,
      departmentIds: [d.id],
    })),
  ];
  const accounts: SeededAccount[] = [];
  const statements = [];
  for (const p of people) {
    const oneTimePassword = newOneTimePassword();
    accounts.push({ username: p.username, role: p.role, oneTimePassword });
    statements.push(
      db.insert(staff).values({
        username: p.username,
        displayName: p.displayName,
        role: p.role,
        passwordHash: await hashOneTimePassword(oneTimePassword),
        mustChangePassword: true,
        createdAt: now,
      }),
      ...p.departmentIds.map((departmentId) =>
        db.insert(staffDepartments).values({
          staffId: sql`(SELECT id FROM staff WHERE username = ${p.username})`,
          departmentId,
        }),
      ),
      ...logStatements(db, {
        kind: 'staff.create',
        actor: SEED_ACTOR,
        now,
        data: {
          username: p.username,
          displayName: p.displayName,
          role: p.role,
          departmentIds: p.departmentIds,
        },
      }),
    );
  }
  await db.batch(statements as unknown as Parameters<Db['batch']>[0]);
  await sealLog(db);
  await flagDemoAppeals(db, now);
  return accounts;
}

// what readers flagged, on the three newest published appeals; the first gets hidden by the moderator
const DEMO_FLAGS: FlagReason[][] = [
  ['personal-attack', 'personal-attack', 'threat'],
  ['spam', 'spam'],
  ['off-topic'],
];

async function flagDemoAppeals(db: Db, now: number) {
  const newest = await db
    .select({ id: appeals.id })
    .from(appeals)
    .where(lte(appeals.publishAt, now))
    .orderBy(desc(appeals.id))
    .limit(DEMO_FLAGS.length);
  const at = Math.floor(now / HOUR) * HOUR;
  for (const [i, { id }] of newest.entries()) {
    const reasons = DEMO_FLAGS[i]!;
    await db.batch([
      db
        .insert(flags)
        .values(reasons.map((reason) => ({ itemType: 'appeal', itemId: id, reason, createdAt: at }))),
      db.insert(moderationItems).values({
        itemType: 'appeal',
        itemId: id,
        openFlags: reasons.length,
        openWeight: reasons.reduce((w, r) => w + FLAG_WEIGHTS[r], 0),
        openSince: at,
      }),
    ]);
  }
  const [mod] = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'moderator'));
  const actor = mod && (await loadActor(db, mod.id));
  if (actor && newest[0]) {
    await decide({ db, now }, actor, { type: 'appeal', id: newest[0].id }, 'hide', {
      reason: 'personal-attack',
      note: '文中点名了一位普通职工（演示）/ Names a private individual (demo)',
    });
  }
}
