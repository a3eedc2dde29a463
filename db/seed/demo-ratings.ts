import { eq, like } from 'drizzle-orm';
import { replyToComment } from '../../src/features/ratings/comments.service.js';
import { lastEndedPeriod, periodEnd, periodOf } from '../../src/features/ratings/periods.js';
import { finaliseEndedPeriods } from '../../src/features/ratings/rating-scope.service.js';
import { submitRating } from '../../src/features/ratings/ratings.service.js';
import { loadActor } from '../../src/features/staff/index.js';
import { DAY } from '../../src/platform/clock.js';
import { toBase64Url } from '../../src/platform/crypto/encoding.js';
import { randomBytes } from '../../src/platform/crypto/hash.js';
import type { Db } from '../../src/platform/db/db.js';
import { departments, ratingComments, staff } from '../schema/index.js';

type Scores = [number, number, number];
type DemoRatings = { slug: string; scores: Scores[]; comments: string[] }[];

// the last ended quarter, whose scores are published: four departments above k = 5, and the safety
// office below it, to show suppression
const ENDED: DemoRatings = [
  {
    slug: 'canteen',
    scores: [
      [4, 4, 5],
      [5, 4, 4],
      [3, 4, 3],
      [4, 5, 4],
      [5, 5, 5],
      [2, 3, 2],
      [4, 4, 4],
      [3, 3, 4],
      [5, 4, 5],
      [4, 4, 3],
      [4, 5, 4],
      [3, 4, 4],
    ],
    comments: ['晚餐延长到八点以后，夜班同事也能吃上热饭了。', '周末菜品太少，希望增加几个窗口。'],
  },
  {
    slug: 'commuter-bus',
    scores: [
      [2, 3, 2],
      [3, 3, 2],
      [2, 4, 3],
      [1, 3, 2],
      [3, 3, 3],
      [2, 2, 2],
      [4, 3, 3],
      [2, 3, 1],
    ],
    comments: ['夜班专线说了两个月还没开。'],
  },
  {
    slug: 'housing',
    scores: [
      [4, 5, 4],
      [5, 5, 5],
      [4, 4, 4],
      [5, 4, 4],
      [4, 5, 5],
      [5, 5, 4],
    ],
    comments: ['公寓报修第二天就来了，点赞。'],
  },
  {
    slug: 'labour-wages',
    scores: [
      [3, 2, 3],
      [3, 3, 2],
      [4, 3, 3],
      [2, 2, 2],
      [3, 3, 3],
      [3, 2, 3],
      [4, 3, 4],
    ],
    comments: [],
  },
  {
    slug: 'safety',
    scores: [
      [5, 5, 5],
      [4, 5, 4],
      [5, 4, 5],
    ],
    comments: ['检查很认真。'],
  },
];

// the running quarter: a few ratings, shown only as a rounded count until it ends
const RUNNING: DemoRatings = [
  {
    slug: 'canteen',
    scores: [
      [4, 4, 4],
      [5, 4, 5],
      [3, 4, 4],
      [4, 3, 4],
      [5, 5, 4],
      [4, 4, 5],
    ],
    comments: ['新开的面食窗口很受欢迎。'],
  },
  { slug: 'housing', scores: [[4, 4, 5]], comments: [] },
];

/** Stores a period's demo ratings as spent tokens would, rated at `at` (an instant inside the period). */
async function seedPeriod(db: Db, demo: DemoRatings, at: number) {
  const period = periodOf(at);
  for (const d of demo) {
    const [dept] = await db.select().from(departments).where(eq(departments.slug, d.slug));
    if (!dept) continue;
    for (const [i, [responsiveness, fairness, result]] of d.scores.entries()) {
      const spend = { keyId: 'demo', nonce: toBase64Url(randomBytes(32)) };
      const input = { period, responsiveness, fairness, result, comment: d.comments[i] };
      await submitRating(db, { departmentId: dept.id, period }, spend, input, at);
    }
  }
}

/**
 * Demo ratings: the last ended quarter with published scores, a few in the running one, and one public
 * answer to a comment.
 */
export async function seedDemoRatings(db: Db, now: number) {
  await seedPeriod(db, ENDED, periodEnd(lastEndedPeriod(now)) - DAY);
  await finaliseEndedPeriods(db, now); // the ended quarter's nonces go, as the scheduled job would do
  await seedPeriod(db, RUNNING, now);
  const [admin] = await db.select().from(staff).where(eq(staff.username, 'admin'));
  const actor = admin && (await loadActor(db, admin.id));
  const [first] = await db
    .select({ id: ratingComments.id })
    .from(ratingComments)
    .where(like(ratingComments.body, '夜班专线%'))
    .limit(1);
  if (actor && first)
    await replyToComment(db, actor, first.id, '夜班专线已确定下月一日开通，线路见公告。', now);
}
