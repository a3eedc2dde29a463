import { gte } from 'drizzle-orm';
import { analyticsTopics, departments } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { isoDay, MIN_GROUP } from './alerts.service.js';
import { dayOf } from './analysis.js';

export const HOT_PERIODS = { week: 7, month: 30 } as const;
export type HotPeriod = keyof typeof HOT_PERIODS;

/**
 * The public "hot topics" of the last week or month: topics by volume in the period. A topic appears only
 * with at least five items in the period and five distinct items overall, so no small group is shown.
 * @example await hotTopics(db, clock.now(), 'week', 10)
 */
export async function hotTopics(db: Db, now: number, period: HotPeriod, limit: number) {
  const today = dayOf(now);
  const from = today - HOT_PERIODS[period] + 1;
  const rows = await db.select().from(analyticsTopics).where(gte(analyticsTopics.lastDay, from));
  const names = new Map((await db.select().from(departments)).map((d) => [d.id, d.nameZh]));
  return rows
    .map((t) => {
      const perDay: Record<string, number> = {};
      let volume = 0;
      for (let d = from; d <= today; d++) {
        const n = t.perDay[String(d)] ?? 0;
        volume += n;
        if (n > 0) perDay[isoDay(d)] = n;
      }
      return { t, volume, perDay };
    })
    .filter(({ t, volume }) => volume >= MIN_GROUP && t.distinctCount >= MIN_GROUP)
    .sort((a, b) => b.volume - a.volume || b.t.key - a.t.key)
    .slice(0, limit)
    .map(({ t, volume, perDay }) => ({
      key: t.key,
      label: t.label,
      volume,
      perDay,
      categorySlug: t.categorySlug,
      sentiment: Math.round(t.sentiment * 100) / 100,
      departments: Object.entries(t.departments)
        .sort((a, b) => b[1] - a[1])
        .map(([id, count]) => ({ id: Number(id), name: names.get(Number(id)) ?? '', count })),
      // the latest items, for links to their public pages and answers
      sampleAppealIds: t.appealIds.slice(-5).reverse(),
    }));
}
