import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { salts } from '../../../db/schema/index.js';
import { DAY } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';
import { call, publicLog, type StaffClient, staffClient } from '../audit/audit-fixture.js';

describe('the token budget is an admin setting whose default is the configuration', () => {
  let h: Harness;
  let admin: StaffClient;
  const settings = async () =>
    (
      await call<{ settings: Record<string, unknown> }>(
        admin,
        'GET',
        '/api/v1/staff/admin/settings',
        undefined,
      )
    ).settings;

  beforeAll(async () => {
    h = await createHarness({ env: { TOKEN_BUDGET: '4', TOKEN_BUDGET_PERIOD_DAYS: '7' } });
    admin = await staffClient(h, 'admin');
  });
  afterAll(() => h.close());

  it('shows TOKEN_BUDGET / TOKEN_BUDGET_PERIOD_DAYS until an admin changes them', async () => {
    expect(await settings()).toMatchObject({ tokenBudget: 4, tokenBudgetPeriodDays: 7 });
    const [code] = (await h.codes(1)) as [string];
    expect(await fetchTokens(h.request, code, 4)).toHaveLength(4);
    await expect(fetchTokens(h.request, code, 1)).rejects.toThrow(/429/);
  });

  it('issuance follows a changed budget at once; the change is logged with old and new value', async () => {
    await call(admin, 'PUT', '/api/v1/staff/admin/settings', { tokenBudget: 2 });
    expect((await publicLog(h)).filter((e) => e.kind === 'settings.update').at(-1)?.data).toEqual({
      changes: { tokenBudget: { from: 4, to: 2 } },
    });
    const [code] = (await h.codes(1)) as [string];
    expect(await fetchTokens(h.request, code, 2)).toHaveLength(2);
    await expect(fetchTokens(h.request, code, 1)).rejects.toThrow(/429/);
    const bad = await admin.json('PUT', '/api/v1/staff/admin/settings', { tokenBudget: 0 });
    expect(bad.status).toBe(422);
  });

  it('a changed period renews budgets on its own schedule, and salts of other periods are destroyed', async () => {
    await call(admin, 'PUT', '/api/v1/staff/admin/settings', { tokenBudgetPeriodDays: 1 });
    const [code] = (await h.codes(1)) as [string];
    expect(await fetchTokens(h.request, code, 2)).toHaveLength(2);
    await expect(fetchTokens(h.request, code, 1)).rejects.toThrow(/429/);
    h.clock.advance(DAY);
    expect(await fetchTokens(h.request, code, 2), 'a new one-day period').toHaveLength(2);
    // lengthening the period makes the current epoch number smaller than the one-day epochs just used
    await call(admin, 'PUT', '/api/v1/staff/admin/settings', { tokenBudgetPeriodDays: 30 });
    await call(admin, 'POST', '/api/v1/staff/admin/salts/rotate', {});
    const current = Math.floor(h.clock.now() / (30 * DAY));
    const left = await h.db.select({ epoch: salts.epoch }).from(salts).where(eq(salts.purpose, 'budget'));
    expect(left.filter((s) => s.epoch !== current)).toEqual([]);
  });
});
