import { eq } from 'drizzle-orm';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ratingComments, ratings } from '../../db/schema/index.js';
import { periodOf } from '../../src/features/ratings/periods.js';
import { deptId, openRatings } from '../features/ratings/rating-phone.js';
import { type E2e, onPhone, SHOTS, watchedPage } from './e2e-harness.js';
import { enrollInBrowser } from './worker-phone.js';

/** A worker rates a department from the phone with the department's token of the period, once only. */
describe('rating a department in the browser', () => {
  let e: E2e;
  let context: BrowserContext;

  onPhone((s) => ({ e, context } = s));

  it('rates once with the enrolled code, and a second rating in the period is refused', async () => {
    await openRatings(e.h, 'canteen');
    const canteen = await deptId(e.h, 'canteen');
    const { page, expectClean } = await watchedPage(context);
    await enrollInBrowser(page, e.origin, (await e.h.codes(1))[0]!);
    await page.goto(`${e.origin}/departments/${canteen}/scorecard`);
    await expect.poll(() => page.locator('#rating-form').isVisible()).toBe(true);
    expect(await page.locator('#rating-code-field').isHidden(), 'the wallet already has the code').toBe(true);
    await page.getByRole('group', { name: '响应速度' }).getByLabel('4 分').check();
    await page.getByRole('group', { name: '公正' }).getByLabel('3 分').check();
    await page.getByRole('group', { name: '解决效果' }).getByLabel('5 分').check();
    await page.getByLabel('留言').fill('窗口排队时间比上季度短了');
    await page.screenshot({ path: `${SHOTS}/rating-form.png`, fullPage: true });
    await page.getByRole('button', { name: '匿名提交评价' }).click();
    await expect
      .poll(() => page.locator('#rating-status').textContent(), { timeout: 30_000 })
      .toContain('评价已提交');
    await page.screenshot({ path: `${SHOTS}/rating-sent.png`, fullPage: true });
    const stored = await e.h.db.select().from(ratings).where(eq(ratings.departmentId, canteen));
    expect(stored).toMatchObject([{ responsiveness: 4, fairness: 3, result: 5 }]);
    const comments = await e.h.db
      .select()
      .from(ratingComments)
      .where(eq(ratingComments.departmentId, canteen));
    expect(comments.map((c) => c.body)).toEqual(['窗口排队时间比上季度短了']);

    // the running quarter shows that it is open, not the scores just sent
    await page.goto(`${e.origin}/departments/${canteen}/scorecard?period=${periodOf(e.h.clock.now())}`);
    expect(await page.locator('main').textContent()).toContain('本评价期进行中');
    expect(await page.getByText('平滑分', { exact: true }).count(), 'no smoothed score').toBe(0);
    for (const name of ['响应速度', '公正', '解决效果'])
      await page.getByRole('group', { name }).getByLabel('1 分').check();
    await page.getByRole('button', { name: '匿名提交评价' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 })
      .toContain('已经评价过这个部门');
    expect(await e.h.db.select().from(ratings).where(eq(ratings.departmentId, canteen))).toHaveLength(1);
    expectClean([/status of 429/]);
  });
});
