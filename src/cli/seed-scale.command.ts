import { parseArgs } from 'node:util';
import { seedDemo } from '../../db/seed/seed.js';
import { seededRandom } from '../features/analytics/eval/synthetic-posts.js';
import { runDeadlines } from '../features/appeals/deadlines.service.js';
import { checkpointLog } from '../features/audit/index.js';
import { type Command, UsageError } from './commands.js';
import { seedAnswers, seedAppeals } from './seed-scale-appeals.js';
import { seedForum, seedViews } from './seed-scale-extras.js';

function positive(value: string | undefined, name: string, fallback: number): number {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive integer`);
  return n;
}

/**
 * `seed --scale N`: a database of benchmark size in one go. N appeals over the last year (with
 * co-signs, and answers for the share a working bureau would have answered), 10 views per appeal and a
 * forum post for every two appeals — the 100,000 / 1,000,000 / 50,000 at N = 100,000. Everything
 * goes through the posting and answering code, so search index, text commitments and the public log
 * stay consistent; the log is chained and signed at the end, as the server's timer would.
 */
export const seedScaleCommand: Command = {
  summary: 'seed N realistic appeals (timelines, answers), view counts and forum posts for benchmarks',
  usage: '--scale N [--days D] [--seed S]',
  async run(ctx, args) {
    let o: { scale?: string; days?: string; seed?: string };
    try {
      o = parseArgs({
        args,
        options: { scale: { type: 'string' }, days: { type: 'string' }, seed: { type: 'string' } },
        strict: true,
      }).values;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    if (o.scale === undefined) throw new UsageError('--scale N is required');
    const scale = positive(o.scale, 'scale', 0);
    const days = positive(o.days, 'days', 365);
    const random = seededRandom(positive(o.seed, 'seed', 1));
    const started = performance.now();

    const bureau = await seedDemo(ctx.db, ctx.clock.now());
    for (const a of bureau?.accounts ?? [])
      ctx.err(`seeded the bureau; ${a.username} one-time password ${a.oneTimePassword}`);
    const phase = (name: string) =>
      ctx.err(`${name} done at ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const seeded = await seedAppeals(ctx, { count: scale, days, random });
    phase('appeals');
    // commitments of the posts enter the log before any answer to them, as they would have live
    await checkpointLog(ctx);
    phase('log');
    const answered = await seedAnswers(ctx, seeded, random);
    phase('answers');
    const views = await seedViews(ctx, seeded, { total: scale * 10, days, random });
    phase('views');
    const forum = await seedForum(ctx, { posts: Math.ceil(scale / 2), days, random });
    phase('forum');
    // what the server's timer would have done by now: missed deadlines recorded and escalated, the log
    // chained and signed; done here so that a server started on the seed does not do it on its first run
    ctx.err('deadline run, then chaining and signing the public log…');
    const missed = await runDeadlines(ctx.db, ctx.clock.now());
    await checkpointLog(ctx);
    const seconds = (performance.now() - started) / 1000;
    ctx.out(
      `seeded ${seeded.length} appeals (${answered} answered, ${missed.missed} past their deadline), ${views} views, ` +
        `${forum.threads} forum threads and ${forum.replies} replies in ${seconds.toFixed(1)} s`,
    );
  },
};
