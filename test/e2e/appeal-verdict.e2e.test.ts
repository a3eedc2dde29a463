import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/platform/clock.js';
import { deptId } from '../features/appeals/appeals-fixture.js';
import { type E2e, onPhone, SHOTS, watchedPage } from './e2e-harness.js';
import { staffJson } from './staff-session.js';
import { enrollInBrowser, postInBrowser } from './worker-phone.js';

/**
 * The loop the platform exists for: a worker posts from a phone, the responsible department answers, the
 * worker — proven only by the receipt the wallet kept — marks the answer unsatisfied and the appeal reopens.
 */
describe('a worker rates an answer from the phone', () => {
  let e: E2e;
  let context: BrowserContext;

  onPhone((s) => ({ e, context } = s));

  it('posts, is answered, marks the answer unsatisfied with the kept receipt, and sees the appeal reopened', async () => {
    const { page, expectClean } = await watchedPage(context);
    await enrollInBrowser(page, e.origin, (await e.h.codes(1))[0]!);
    const title = '食堂晚餐供应时间太短';
    const { id } = await postInBrowser(page, e.origin, {
      category: '食堂餐饮',
      title,
      body: '夜班下班后食堂已经关门，只能吃泡面。',
    });
    expect(id).toBeGreaterThan(0);
    e.h.clock.advance(DAY);

    const responder = await e.h.createStaff({
      role: 'responder',
      departmentIds: [await deptId(e.h, 'canteen')],
    });
    const canteen = await deptId(e.h, 'canteen');
    const answered = await staffJson(e, responder, 'POST', `/api/v1/staff/appeals/${id}/answers`, {
      kind: 'solvable',
      measures: '晚餐供应延长到 21:00。',
      ownerDepartmentId: canteen,
      dueDate: new Date(e.h.clock.now() + 14 * DAY).toISOString().slice(0, 10),
    });
    expect(answered.status, await answered.clone().text()).toBe(201);

    await page.goto(`${e.origin}/appeals/${id}`);
    await expect.poll(() => page.locator('#author-actions').isVisible()).toBe(true);
    expect(await page.locator('.answer').textContent(), 'the answer shows its commitment').toContain(
      '晚餐供应延长到 21:00。',
    );
    await page.getByLabel('不满意', { exact: true }).check();
    await page.getByLabel('评价理由').fill('没有解决夜班职工吃饭的问题。');
    await page.getByRole('button', { name: '提交评价' }).click();
    await expect
      .poll(() => page.locator('.facts .badge').first().textContent(), { timeout: 30_000 })
      .toBe('重新办理');
    expect(await page.locator('.timeline').textContent()).toContain('没有解决夜班职工吃饭的问题。');
    await page.screenshot({ path: `${SHOTS}/appeal-reopened.png`, fullPage: true });

    const json = (await (await e.h.request(`/api/v1/appeals/${id}`)).json()) as { status: string };
    expect(json.status).toBe('reopened');
    expect(await context.cookies()).toEqual([]);
    expectClean();
  });
});
