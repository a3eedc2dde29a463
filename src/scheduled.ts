import { purgeExpired } from './features/admin/retention.service.js';
import { withBudgetSettings } from './features/admin/settings.service.js';
import { analyseDaily, runWeeklyDigest } from './features/analytics/index.js';
import { runDeadlines } from './features/appeals/deadlines.service.js';
import { deliverPending } from './features/appeals/webhooks.service.js';
import { checkpointLog } from './features/audit/checkpoints.service.js';
import { rotateSalts } from './features/ratelimit/salts.service.js';
import { ensureRatingKeys } from './features/ratings/index.js';
import { purgeRetiredNonces } from './features/tokens/index.js';
import type { Clock } from './platform/clock.js';
import type { Config } from './platform/config/config.js';
import type { Secrets } from './platform/crypto/secrets.js';
import type { Db } from './platform/db/db.js';
import type { Logger } from './platform/log.js';
import type { SendMail } from './platform/mail/send-mail.js';

const HEAVY_JOB = 'early-warning';

export interface ScheduledDeps {
  db: Db;
  config: Config;
  secrets: Secrets;
  clock: Clock;
  log: Logger;
  fetch?: typeof fetch;
  sendMail?: SendMail;
}

/**
 * Everything the clock drives, run every 10 minutes by the Node timer and the Workers cron trigger:
 * destroy salts past their window, purge what retention settings let go and spent nonces of retired keys,
 * run deadlines and escalations, make rating keys, run early warning once a day and the weekly digest,
 * deliver staff webhooks, sign a log checkpoint. Each job is idempotent and runs even if another failed;
 * failures are logged by name only. `which`: 'light' leaves out the daily analysis (seconds of CPU on a
 * large database), which 'heavy' runs alone; the Node entry awaits the light jobs before it listens.
 */
export async function runScheduledJobs(
  deps: ScheduledDeps,
  which: 'all' | 'light' | 'heavy' = 'all',
): Promise<void> {
  const { db, config, secrets, clock, log } = deps;
  const jobs: [string, () => Promise<unknown>][] = [
    ['salts', async () => rotateSalts(db, await withBudgetSettings(db, config), clock.now())],
    ['retention', () => purgeExpired(db, config, clock.now())],
    ['spent-nonces', () => purgeRetiredNonces(db, clock.now())],
    ['deadlines', () => runDeadlines(db, clock.now())],
    ['rating-keys', () => ensureRatingKeys(db, secrets, clock.now())],
    [HEAVY_JOB, async () => config.EARLY_WARNING_IN_SERVER === 'daily' && analyseDaily(db, clock.now())],
    ['alert-digest', () => runWeeklyDigest(db, clock.now())],
    [
      'webhooks',
      () =>
        deliverPending(db, {
          secrets,
          fetch: deps.fetch ?? fetch,
          sendMail: deps.sendMail,
          log,
          origin: config.PUBLIC_ORIGIN,
          now: clock.now(),
        }),
    ],
    ['log-checkpoint', () => checkpointLog({ db, secrets, config, clock })],
  ];
  for (const [job, run] of jobs) {
    if (which !== 'all' && (job === HEAVY_JOB) !== (which === 'heavy')) continue;
    try {
      await run();
    } catch (e) {
      log.error({ msg: 'scheduled job failed', job, error: (e as Error).name });
    }
  }
}
