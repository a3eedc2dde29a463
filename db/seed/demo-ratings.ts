import { eq, like } from 'drizzle-orm';
import { replyToComment } from '../../src/features/ratings/comments.service.js';
import { periodOf } from '../../src/features/ratings/periods.js';
import { submitRating } from '../../src/features/ratings/ratings.service.js';
import { loadActor } from '../../src/features/staff/index.js';
import { toBase64Url } from '../../src/platform/crypto/encoding.js';
import { randomBytes } from '../../src/platform/crypto/hash.js';
import type { Db } from '../../src/platform/db/db.js';
import { departments, ratingComments, staff } from '../schema/index.js';

type Scores = [number, number, number];

// four departments above k = 5, and the safety office below it, to show suppression
const DEMO: { slug: string; scores: Scores[]; comments: string[] }[] = [
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

/** Demo ratings of the current period, stored as spent tokens would store them, and one public answer. */
export async function seedDemoRatings(db: Db, now: number) {
  const period = periodOf(now);
  for (const d of DEMO) {
    const [dept] = await db.select().from(departments).where(eq(departments.slug, d.slug));
    if (!dept) continue;
    for (const [i, [responsiveness, fairness, result]] of d.scores.entries()) {
      const spend = { keyId: 'demo', nonce: toBase64Url(randomBytes(32)) };
      const input = { period, responsiveness, fairness, result, comment: d.comments[i] };
      await submitRating(db, { departmentId: dept.id, period }, spend, input, now);
    }
  }
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
