import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseDaily } from '../../../src/features/analytics/index.js';
import { DAY, HOUR } from '../../../src/platform/clock.js';
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
