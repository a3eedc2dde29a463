import { categories, departments } from '../../db/schema/index.js';
import { CONCERNS, type Concern, phrase } from '../features/analytics/eval/synthetic-posts.js';
import type { AnswerInput } from '../features/appeals/answers.schemas.js';
import { answerAppeal } from '../features/appeals/answers.service.js';
import { appealStatements } from '../features/appeals/appeals.service.js';
import { chinaDate, startOfChinaDay } from '../features/appeals/calendar.service.js';
import { cosignStatement } from '../features/appeals/cosign.service.js';
import { coarseTime, newPseudonym, newReceipt, publishTime } from '../features/tokens/index.js';
import { DAY, HOUR } from '../platform/clock.js';
import type { BatchItem, Db } from '../platform/db/db.js';
import type { CliContext } from './context.js';

// appeals per db.batch: big enough to amortise the transaction, small enough for a smooth progress bar
const CHUNK = 500;

export interface SeededAppeal {
  id: number;
  publishAt: number;
  departmentId: number | null;
  answerDays: number;
}

type Random = () => number;
const pick = <T>(xs: readonly T[], random: Random) => xs[Math.floor(random() * xs.length)]!;

/** A title and a body of two to four sentences about one concern, in the generator's phrasings. */
function appealText(concern: Concern, random: Random) {
  const sentences = Array.from({ length: 2 + Math.floor(random() * 3) }, () => phrase(concern, random));
  return { title: phrase(concern, random).slice(0, 60), body: `${sentences.join('。')}。` };
}

/**
 * `count` appeals posted over the last `days`, oldest first, through the posting path's own statement
 * builder (routing, deadline, timeline, search index, text commitment, inbox item) in batches of CHUNK.
 * Receipt hashes come from a random receipt nobody holds; worker times are coarsened like a post's.
 */
export async function seedAppeals(
  ctx: CliContext,
  opts: { count: number; days: number; random: Random },
): Promise<SeededAppeal[]> {
  const { db, config } = ctx;
  const now = ctx.clock.now();
  const cats = new Map((await db.select().from(categories)).map((c) => [c.slug, c]));
  const seeded: SeededAppeal[] = [];
  for (let start = 0; start < opts.count; start += CHUNK) {
    const batch: BatchItem[] = [];
    const rows: { at: number; appeal: SeededAppeal; cosigns: number }[] = [];
    for (let i = start; i < Math.min(start + CHUNK, opts.count); i++) {
      const concern = pick(CONCERNS, opts.random);
      const category = cats.get(concern.category) ?? cats.get('other')!;
      const postedAt = now - opts.days * DAY * (1 - (i + opts.random()) / opts.count);
      const publishAt = publishTime(config, postedAt);
      const { statements, departmentId } = await appealStatements(db, {
        ...appealText(concern, opts.random),
        categoryId: category.id,
        requestedDepartmentId: null,
        pseudonym: newPseudonym(),
        receiptHash: newReceipt(ctx.secrets).receiptHash,
        createdAt: coarseTime(config, postedAt),
        publishAt,
      });
      rows.push({
        at: batch.length,
        appeal: { id: 0, publishAt, departmentId, answerDays: category.answerDays },
        // most appeals gather a few co-signs, a few gather hundreds
        cosigns: Math.floor(opts.random() ** 4 * 300),
      });
      batch.push(...statements);
    }
    const results = (await db.batch(batch as unknown as Parameters<Db['batch']>[0])) as unknown as unknown[];
    const cosigns: BatchItem[] = [];
    for (const r of rows) {
      const id = (results[r.at] as { id: number }[])[0]!.id;
      if (r.cosigns > 0) cosigns.push(cosignStatement(db, id, now, r.cosigns));
      seeded.push({ ...r.appeal, id });
    }
    if (cosigns.length) await db.batch(cosigns as unknown as Parameters<Db['batch']>[0]);
    ctx.progress('appeals', seeded.length, opts.count);
  }
  return seeded;
}

const MEASURES = [
  '立即组织现场核查，明确责任人限期整改，整改结果在本平台公开。',
  '已协调相关车间调整安排，下月起执行。',
];
const REASONS = [
  '该问题涉及多个部门和上级的政策规定，所需经费尚未落实。',
  '需要与地方单位协商，目前还不能马上解决。',
];
const POLICIES = ['根据现行规定，该事项由上级统一确定，不在本单位可以调整的范围内。'];

/** Half solvable (a due date in a month), a quarter not yet (an update in six weeks), a quarter policy. */
function answerInput(random: Random, ownerDepartmentId: number, at: number): AnswerInput {
  const later = (days: number) => chinaDate(at + days * DAY);
  const roll = random();
  if (roll < 0.5)
    return { kind: 'solvable', measures: pick(MEASURES, random), ownerDepartmentId, dueDate: later(30) };
  if (roll < 0.75) {
    const reason = pick(REASONS, random);
    return {
      kind: 'not_yet_solvable',
      reason,
      investigation: '正在统计受影响的职工人数。',
      nextUpdate: later(45),
    };
  }
  return { kind: 'outside_policy', explanation: pick(POLICIES, random), policyUrl: '/policies' };
}

/**
 * Answers through the responders' own service, oldest first, for the share of appeals a working bureau
 * would have answered by now: most of those older than two weeks, half of the last fortnight's, few of
 * the last three days'. Each answer lands on the timeline, the log, and as a commitment when dated.
 */
export async function seedAnswers(ctx: CliContext, seeded: SeededAppeal[], random: Random): Promise<number> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const departmentIds = (await db.select({ id: departments.id }).from(departments)).map((d) => d.id);
  const responder = { id: null, role: 'responder', username: 'seed', departmentIds };
  const due: { id: number; departmentId: number; at: number }[] = [];
  for (const a of seeded) {
    if (a.departmentId === null) continue;
    const age = now - a.publishAt;
    const share = age > 14 * DAY ? 0.85 : age > 3 * DAY ? 0.5 : 0.1;
    // staff answer in office hours, between the next day and a little past the deadline
    const day = chinaDate(a.publishAt + (1 + Math.floor(random() * (a.answerDays + 3))) * DAY);
    const at = startOfChinaDay(day) + (9 + random() * 8) * HOUR;
    if (random() < share && at < now)
      due.push({ id: a.id, departmentId: a.departmentId, at: Math.floor(at) });
  }
  due.sort((x, y) => x.at - y.at);
  for (const [n, { id, departmentId, at }] of due.entries()) {
    const input = answerInput(random, departmentId, at);
    await answerAppeal(db, responder, id, input, at);
    if (n % 50 === 0 || n === due.length - 1) ctx.progress('answers', n + 1, due.length);
  }
  return due.length;
}
