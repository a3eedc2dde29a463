import { and, eq, lte } from 'drizzle-orm';
import {
  editExplainer,
  linkAnsweredAppeals,
  publishExplainer,
} from '../../src/features/explainers/explainers.service.js';
import { loadActor } from '../../src/features/staff/index.js';
import { DAY } from '../../src/platform/clock.js';
import type { Db } from '../../src/platform/db/db.js';
import { appeals, categories, departments, staff } from '../schema/index.js';

const NIGHT_SHIFT = `## 适用范围

本局所有实行**倒班制**的职工，包括机务、客运、车站和检修岗位。

## 标准

| 时段 | 津贴 |
|---|---|
| 22:00–次日 6:00 | 每班 40 元 |
| 连续夜班第 3 班起 | 每班另加 10 元 |

## 常见问题

1. **临时顶班算不算？** 算，按实际出勤记录计发。
2. **什么时候发？** 随次月工资一并发放。

原文见 [劳资处通知](https://example.org/night-allowance.pdf)。`;

const NIGHT_BUS = `夜班通勤专线自下月 1 日起开通：

- 0:30 和 2:30 各一班，途经机务段、客运段和中心站；
- 凭工作证乘车，不另收费。

时刻表会随运行情况调整，调整前在本页更新。`;

/** Demo policy explainers: one with two versions, one marked as the answer to commuting appeals. */
export async function seedDemoExplainers(db: Db, now: number) {
  const [admin] = await db.select({ id: staff.id }).from(staff).where(eq(staff.username, 'admin'));
  const actor = (await loadActor(db, admin!.id))!;
  const dept = async (slug: string) =>
    (await db.select().from(departments).where(eq(departments.slug, slug)))[0]!.id;
  const category = async (slug: string) =>
    (await db.select().from(categories).where(eq(categories.slug, slug)))[0]!.id;
  const day = (offset: number) => new Date(now + offset * DAY).toISOString().slice(0, 10);

  const allowance = {
    title: '夜班津贴新标准解读',
    summary: '夜班津贴自本月起提高，连续夜班另有加发。这里说明谁适用、标准是多少、什么时候发。',
    body: NIGHT_SHIFT.replace('40 元', '35 元'),
    effectiveOn: day(-20),
    categoryIds: [await category('pay')],
  };
  const allowanceId = await publishExplainer(
    db,
    actor,
    { ...allowance, departmentId: await dept('labour-wages') },
    now - 10 * DAY,
  );
  await editExplainer(
    db,
    actor,
    allowanceId,
    { ...allowance, body: NIGHT_SHIFT, baseVersion: 1, note: '更正：夜班津贴为每班 40 元（原文误为 35 元）' },
    now - 8 * DAY,
  );

  const busId = await publishExplainer(
    db,
    actor,
    {
      title: '夜班通勤专线怎么坐？',
      summary: '针对夜班下班无车可坐的反映，通勤班车队开通两班夜班专线。',
      body: NIGHT_BUS,
      effectiveOn: day(3),
      categoryIds: [await category('commuting')],
      departmentId: await dept('commuter-bus'),
    },
    now - 2 * DAY,
  );
  const commuting = await db
    .select({ id: appeals.id })
    .from(appeals)
    .where(and(eq(appeals.categoryId, await category('commuting')), lte(appeals.publishAt, now - 2 * DAY)))
    .limit(3);
  if (commuting.length)
    await linkAnsweredAppeals(
      db,
      actor,
      busId,
      commuting.map((a) => a.id),
      now - 2 * DAY,
    );
}
