import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSettings } from '../../../db/schema/index.js';
import { analyseDaily } from '../../../src/features/analytics/index.js';
import { DAY, HOUR } from '../../../src/platform/clock.js';
import { runScheduledJobs } from '../../../src/scheduled.js';
import { createHarness, type Harness } from '../../helpers/harness.js';

describe('the scheduled early-warning run', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('analyses once per bureau day, however often the scheduled jobs run', async () => {
    expect(await analyseDaily(h.db, h.clock.now())).not.toBeNull();
    expect(await analyseDaily(h.db, h.clock.now() + 10 * 60_000)).toBeNull();
    expect(await analyseDaily(h.db, h.clock.now() + HOUR)).toBeNull();
    h.clock.advance(DAY);
    const next = await analyseDaily(h.db, h.clock.now());
    expect(next).not.toBeNull();
    expect(await analyseDaily(h.db, h.clock.now())).toBeNull();
  });
});

describe('early warning outside the server', () => {
  it('with EARLY_WARNING_IN_SERVER=off the scheduled jobs leave the analysis to the CLI', async () => {
    const h = await createHarness({ env: { EARLY_WARNING_IN_SERVER: 'off' } });
    const deps = { db: h.db, config: h.config, secrets: h.secrets, clock: h.clock, log: h.log };
    await runScheduledJobs(deps);
    const [marker] = await h.db
      .select()
      .from(adminSettings)
      .where(eq(adminSettings.key, 'earlyWarningLastDay'));
    expect(marker).toBeUndefined();
    await runScheduledJobs({ ...deps, config: { ...h.config, EARLY_WARNING_IN_SERVER: 'daily' } });
    const [after] = await h.db
      .select()
      .from(adminSettings)
      .where(eq(adminSettings.key, 'earlyWarningLastDay'));
    expect(after).toBeDefined();
    await h.close();
  }, 120_000);

  it('leaves the analysis out of the light jobs the Node entry awaits before it listens', async () => {
    const h = await createHarness();
    const deps = { db: h.db, config: h.config, secrets: h.secrets, clock: h.clock, log: h.log };
    const analysed = async () =>
      (await h.db.select().from(adminSettings).where(eq(adminSettings.key, 'earlyWarningLastDay'))).length;
    await runScheduledJobs(deps, 'light');
    expect(await analysed()).toBe(0);
    await runScheduledJobs(deps, 'heavy');
    expect(await analysed()).toBe(1);
    await h.close();
  }, 120_000);
});
