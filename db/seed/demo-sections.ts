import { and, eq, lte } from 'drizzle-orm';
import { replyStatements, threadStatements } from '../../src/features/forum/forum.service.js';
import { publishNotice } from '../../src/features/notices/notices.service.js';
import { loadActor } from '../../src/features/staff/index.js';
import { createScopedKey, threadPseudonym } from '../../src/features/tokens/index.js';
import { DAY, HOUR } from '../../src/platform/clock.js';
import { toBase64Url, toGroupedBase32, toHex } from '../../src/platform/crypto/encoding.js';
import { randomBytes } from '../../src/platform/crypto/hash.js';
import { deriveSecrets } from '../../src/platform/crypto/secrets.js';
import type { BatchItem, Db } from '../../src/platform/db/db.js';
import { randomRowId } from '../../src/platform/db/random-id.js';
import {
  appeals,
  categories,
  departments,
  type SurveyAnswer,
  staff,
  surveyKeys,
  surveyResponses,
  surveys,
} from '../schema/index.js';

// demo posts have no author: receipts are drawn and forgotten, hashes are random
const receipt = () => toGroupedBase32(randomBytes(20));
const randomHash = () => toHex(randomBytes(32));

const THREADS = [
  {
    title: '夜班下班后怎么回家？',
    body: '凌晨两点下班没有班车，大家都怎么回家？',
    replies: [
      { body: '我骑电动车，冬天太冷了。', starter: false },
      { body: '通勤班车队说在研究夜班专线。', starter: false },
      { body: '谢谢，等通知。', starter: true },
    ],
  },
  {
    title: '食堂晚餐能不能晚一点结束？',
    body: '白班加班到七点，食堂已经没菜了。',
    replies: [{ body: '同样的问题，希望延长到八点。', starter: false }],
  },
];

async function seedForum(db: Db, now: number) {
  const at = Math.floor(now / HOUR) * HOUR - 2 * DAY;
  const store = async (statements: Promise<BatchItem[]>) => db.batch((await statements) as never);
  for (const t of THREADS) {
    const id = randomRowId();
    const starter = receipt();
    // through the forum's own statements, so demo posts carry text commitments like real ones
    await store(
      threadStatements(db, {
        id,
        title: t.title,
        body: t.body,
        pseudonym: threadPseudonym(starter, id),
        receiptHash: randomHash(),
        createdAt: at,
        publishAt: at,
      }),
    );
    for (const [i, r] of t.replies.entries()) {
      await store(
        replyStatements(db, {
          threadId: id,
          body: r.body,
          pseudonym: threadPseudonym(r.starter ? starter : receipt(), id),
          receiptHash: randomHash(),
          byStarter: r.starter,
          createdAt: at + (i + 1) * HOUR,
          publishAt: at + (i + 1) * HOUR,
        }),
      );
    }
  }
}

async function seedNotices(db: Db, adminId: number, now: number) {
  const actor = (await loadActor(db, adminId))!;
  const deptId = async (slug: string) =>
    (await db.select().from(departments).where(eq(departments.slug, slug)))[0]!.id;
  const [commuting] = await db
    .select({ id: appeals.id })
    .from(appeals)
    .innerJoin(categories, eq(categories.id, appeals.categoryId))
    .where(and(eq(categories.slug, 'commuting'), lte(appeals.publishAt, now)))
    .limit(1);
  await publishNotice(
    db,
    actor,
    {
      title: '关于开通夜班通勤专线的通知',
      body: '自下月 1 日起，开通 0:30 和 2:30 两班夜班通勤专线，途经机务段、客运段和中心站。',
      departmentId: await deptId('commuter-bus'),
      decidedOn: new Date(now - 3 * DAY).toISOString().slice(0, 10),
      attachments: [{ title: '夜班专线时刻表', url: 'https://example.org/night-bus.pdf' }],
      appealIds: commuting ? [commuting.id] : [],
    },
    now - 2 * DAY,
  );
  await publishNotice(
    db,
    actor,
    {
      title: '职工食堂晚餐供应时间调整',
      body: '晚餐供应时间延长至 20:00。',
      departmentId: await deptId('canteen'),
      decidedOn: new Date(now - DAY).toISOString().slice(0, 10),
      attachments: [],
      appealIds: [],
    },
    now - DAY,
  );
}

/** A closed survey with results: its private key is already erased, so a throwaway seal key will do. */
async function seedSurvey(db: Db, adminId: number, now: number) {
  const opensAt = now - 30 * DAY;
  const [survey] = await db
    .insert(surveys)
    .values({
      title: '通勤班车满意度调查（上季度）',
      description: '了解通勤班车的准点情况和满意度。',
      questions: [
        { kind: 'single', prompt: '班车准点吗？', options: ['准点', '偶尔晚点', '经常晚点'] },
        { kind: 'scale', prompt: '总体满意度', min: 1, max: 5 },
        { kind: 'text', prompt: '其他建议' },
      ],
      opensAt,
      closesAt: now - 16 * DAY,
      kThreshold: 5,
      createdBy: adminId,
      createdAt: opensAt - DAY,
      publishedBy: adminId,
      publishedAt: opensAt - DAY,
    })
    .returning({ id: surveys.id });
  const id = survey!.id;
  const key = await createScopedKey(deriveSecrets(toBase64Url(randomBytes(32))), `survey:${id}`);
  await db
    .insert(surveyKeys)
    .values({ surveyId: id, ...key, privateKeySealed: '', ballotSalt: '', createdAt: opensAt });
  const depts = await db.select().from(departments);
  const dept = (slug: string) => depts.find((d) => d.slug === slug)!.id;
  const groups: [number | null, number][] = [
    [dept('locomotive-depot'), 9],
    [dept('passenger-depot'), 7],
    [dept('central-station'), 3],
    [null, 4],
  ];
  let i = 0;
  for (const [departmentId, n] of groups) {
    for (let j = 0; j < n; j++, i++) {
      const answers: SurveyAnswer[] = [i % 3, 1 + (i % 5), i % 6 === 0 ? '希望增加夜班专线' : null];
      await db.insert(surveyResponses).values({ id: randomRowId(), surveyId: id, departmentId, answers });
    }
  }
}

/** Demo content for forum, notices and surveys, so a newcomer sees those sections populated. */
export async function seedDemoSections(db: Db, now: number) {
  const [admin] = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'admin'));
  if (!admin) return;
  await seedForum(db, now);
  await seedNotices(db, admin.id, now);
  await seedSurvey(db, admin.id, now);
}
