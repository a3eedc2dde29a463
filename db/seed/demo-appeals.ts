import { eq, sql } from 'drizzle-orm';
import { answerAppeal } from '../../src/features/appeals/answers.service.js';
import { appealStatements } from '../../src/features/appeals/appeals.service.js';
import { chinaDate, startOfChinaDay } from '../../src/features/appeals/calendar.service.js';
import { recordOutcome } from '../../src/features/appeals/commitments.service.js';
import { cosignStatement } from '../../src/features/appeals/cosign.service.js';
import { runDeadlines } from '../../src/features/appeals/deadlines.service.js';
import { giveVerdict, withdrawAppeal } from '../../src/features/appeals/follow-up.service.js';
import { assignAppeal } from '../../src/features/appeals/routing.service.js';
import { putCalendarDay } from '../../src/features/appeals/settings.service.js';
import { newPseudonym } from '../../src/features/tokens/index.js';
import { DAY, HOUR, MINUTE } from '../../src/platform/clock.js';
import { toHex } from '../../src/platform/crypto/encoding.js';
import { randomBytes } from '../../src/platform/crypto/hash.js';
import type { BatchItem, Db } from '../../src/platform/db/db.js';
import { appeals, categories, commitments, departments } from '../schema/index.js';
import { type DemoAppeal, demoAppeals } from './demo-appeals.data.js';
import { demoCalendar } from './demo-calendar.js';
import { demoLifeSteps, type LifeContext } from './demo-lives.js';

/** Whether a deadline run at `at` would find anything: a missed answer, a broken promise, an auto-close. */
async function dueBy(db: Db, at: number): Promise<boolean> {
  const [row] = await db.all<{ due: number }>(sql`SELECT
    EXISTS (SELECT 1 FROM appeals WHERE status IN ('published', 'assigned', 'reopened') AND answer_due_at <= ${at}
      AND NOT EXISTS (SELECT 1 FROM deadline_misses WHERE ref = 'answer:' || appeals.id || ':' || answer_due_at))
    OR EXISTS (SELECT 1 FROM commitments WHERE outcome IS NULL AND due_at <= ${at}
      AND NOT EXISTS (SELECT 1 FROM deadline_misses WHERE ref = 'commitment:' || commitments.id))
    OR EXISTS (SELECT 1 FROM appeals WHERE status = 'answered' AND outcome_at <= ${at - 14 * DAY}) AS due`);
  return Boolean(row?.due);
}

interface Step {
  at: number;
  run: () => Promise<unknown>;
}

/**
 * Seeds the demo calendar and the demo appeals through the same services staff and authors use, replaying each appeal's life
 * on a simulated clock with a deadline run every morning, so escalations, overdue promises and auto-closes
 * happen as they would. Receipt hashes are random (no receipt exists); worker times are whole hours.
 */
export async function seedDemoAppeals(db: Db, now: number): Promise<number> {
  for (const day of demoCalendar) await putCalendarDay(db, day);
  const cats = new Map((await db.select().from(categories)).map((c) => [c.slug, c]));
  const depts = await db.select().from(departments);
  const everyDept = { id: null, role: 'responder', departmentIds: depts.map((d) => d.id) };
  const dispatcher = { id: null, role: 'dispatcher' };
  const steps: Step[] = [];
  const ids = new Map<DemoAppeal, number>();
  const posts: { demo: DemoAppeal; postedAt: number }[] = [];
  demoAppeals.forEach((demo, i) => {
    // worker times are whole hours, between 07:00 and 22:00 China time
    const postedAt = startOfChinaDay(chinaDate(now - demo.daysAgo * DAY)) + (7 + (i % 15)) * HOUR;
    const ctx: LifeContext = {
      postedAt,
      // staff act in office hours, at exact minutes
      office: (day, hour = 10) =>
        startOfChinaDay(chinaDate(postedAt + day * DAY)) + hour * HOUR + ((i * 7) % 50) * MINUTE,
      author: (day) => startOfChinaDay(chinaDate(postedAt + day * DAY)) + 20 * HOUR,
      date: (day) => chinaDate(postedAt + day * DAY),
      answer: async (at, input) => {
        const [row] = await db
          .select()
          .from(appeals)
          .where(eq(appeals.id, ids.get(demo)!));
        const full = input.kind === 'solvable' ? { ...input, ownerDepartmentId: row!.departmentId! } : input;
        return answerAppeal(db, everyDept, row!.id, full, at);
      },
      outcome: async (at, outcome, text) => {
        const promises = await db
          .select()
          .from(commitments)
          .where(eq(commitments.appealId, ids.get(demo)!));
        const open = promises.filter((c) => c.outcome === null).at(-1)!;
        await recordOutcome(db, everyDept, open.id, { outcome, text }, at);
      },
      verdict: async (at, verdict, reason) => {
        const [row] = await db
          .select()
          .from(appeals)
          .where(eq(appeals.id, ids.get(demo)!));
        await giveVerdict(db, row!, { verdict, reason }, { now: at, at: Math.floor(at / HOUR) * HOUR });
      },
      withdraw: async (at, reason) => {
        const [row] = await db
          .select()
          .from(appeals)
          .where(eq(appeals.id, ids.get(demo)!));
        await withdrawAppeal(db, row!, reason, { now: at, at: Math.floor(at / HOUR) * HOUR });
      },
      reassign: (at, slug, reason) =>
        assignAppeal(
          db,
          dispatcher,
          ids.get(demo)!,
          { departmentId: depts.find((d) => d.slug === slug)!.id, reason },
          at,
        ),
    };
    posts.push({ demo, postedAt });
    for (const s of demoLifeSteps(demo.life, ctx)) steps.push(s);
  });
  // all posts in one batch, oldest first: each is invisible to the replay until its publication time
  posts.sort((a, b) => a.postedAt - b.postedAt);
  const batch: BatchItem[] = [];
  const inserts = new Map<DemoAppeal, number>();
  for (const { demo, postedAt } of posts) {
    const { statements } = await appealStatements(
      db,
      {
        title: demo.title,
        body: demo.body,
        categoryId: cats.get(demo.category)!.id,
        requestedDepartmentId: null,
        pseudonym: newPseudonym(),
        receiptHash: toHex(randomBytes(32)),
        createdAt: postedAt,
        publishAt: postedAt,
      },
      { unrouted: demo.life === 'unrouted' },
    );
    inserts.set(demo, batch.length);
    batch.push(...statements);
  }
  const results = (await db.batch(batch as unknown as Parameters<Db['batch']>[0])) as unknown as unknown[];
  for (const [demo, at] of inserts) ids.set(demo, (results[at] as { id: number }[])[0]!.id);
  const first = posts[0]!.postedAt;
  // the morning deadline run, 09:30 China time, on every day something has fallen due since the last
  for (let day = startOfChinaDay(chinaDate(first)) + 9.5 * HOUR; day < now; day += DAY) {
    steps.push({ at: day, run: async () => ((await dueBy(db, day)) ? runDeadlines(db, day) : null) });
  }
  steps.sort((a, b) => a.at - b.at);
  for (const s of steps) if (s.at <= now) await s.run();
  await runDeadlines(db, now);
  for (const [demo, id] of ids) if (demo.cosigns) await cosignStatement(db, id, now, demo.cosigns);
  return ids.size;
}
