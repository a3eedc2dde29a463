import { count } from 'drizzle-orm';
import { seedBoards } from '../../src/features/forum/boards.service.js';
import { toGroupedBase32 } from '../../src/platform/crypto/encoding.js';
import { randomBytes } from '../../src/platform/crypto/hash.js';
import { hashPassword } from '../../src/platform/crypto/password.js';
import type { Db } from '../../src/platform/db/db.js';
import { categories, departments, staff } from '../schema/index.js';
import { seedDemoAppeals } from './demo-appeals.js';
import { demoCategories, demoDepartments } from './demo-bureau.js';
import { seedDemoExplainers } from './demo-explainers.js';
import { seedDemoForumBoards } from './demo-forum-boards.js';
import { seedDemoModeration } from './demo-moderation.js';
import { seedDemoRatings } from './demo-ratings.js';
import { seedDemoSections } from './demo-sections.js';

export interface SeededAccount {
  username: string;
  role: string;
  oneTimePassword: string;
}

/** A password people can type: 16 Crockford characters in four groups (80 bits). */
export function oneTimePassword(): string {
  return toGroupedBase32(randomBytes(10));
}

/**
 * Seeds the demo bureau on an empty database, once: departments, categories and an admin whose one-time
 * password is returned (it is stored hashed only); with `content`, also demo posts for a newcomer to see
 * (tests leave it off and start from an empty platform). Returns null when the database already has data.
 */
export async function seedDemo(
  db: Db,
  now: number,
  opts: { content?: boolean } = {},
): Promise<{ accounts: SeededAccount[] } | null> {
  const [existing] = await db.select({ n: count() }).from(departments);
  if ((existing?.n ?? 0) > 0) return null;
  const ids = new Map<string, number>();
  for (const d of demoDepartments) {
    const [row] = await db
      .insert(departments)
      .values({
        slug: d.slug,
        nameZh: d.nameZh,
        nameEn: d.nameEn,
        parentId: d.parent ? ids.get(d.parent)! : null,
      })
      .returning({ id: departments.id });
    ids.set(d.slug, row!.id);
  }
  await db.insert(categories).values(
    demoCategories.map((c) => ({
      slug: c.slug,
      nameZh: c.nameZh,
      nameEn: c.nameEn,
      answerDays: c.answerDays,
      defaultDepartmentId: ids.get(c.department)!,
    })),
  );
  await seedBoards(db, now);
  const password = oneTimePassword();
  await db.insert(staff).values({
    username: 'admin',
    displayName: '系统管理员',
    role: 'admin',
    passwordHash: await hashPassword(password),
    mustChangePassword: true,
    createdAt: now,
  });
  if (opts.content) await seedDemoAppeals(db, now);
  const demoStaff = opts.content ? await seedDemoModeration(db, now) : [];
  if (opts.content) await seedDemoSections(db, now);
  if (opts.content) await seedDemoExplainers(db, now);
  if (opts.content) await seedDemoForumBoards(db);
  if (opts.content) await seedDemoRatings(db, now);
  return { accounts: [{ username: 'admin', role: 'admin', oneTimePassword: password }, ...demoStaff] };
}
