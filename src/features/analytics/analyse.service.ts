import { and, eq, gte, inArray } from 'drizzle-orm';
import {
  adminSettings,
  analyticsAlerts,
  analyticsTopics,
  categories,
  departments,
} from '../../../db/schema/index.js';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { notifyRaised, type RaisedGroup } from './alert-notifications.service.js';
import { type AnalysisOptions, analyseItems, type DetectedBurst, dayOf } from './analysis.js';
import { loadSegmenter } from './dictionary.service.js';
import { loadAnalysisItems } from './sources.service.js';

export interface AnalyseResult {
  appeals: number;
  /** Appeals, forum posts and survey comments. */
  items: number;
  topics: number;
  alertsOpened: number;
  alertsUpdated: number;
}

/**
 * Reads every published, visible appeal, forum post and survey comment (see `loadAnalysisItems`), rebuilds the topics and raises or refreshes alerts for the bursts
 * of today, telling analysts and the suggested department of each new one (see `notifyRaised`).
 * Idempotent: a second run at the same `now` changes nothing but `updatedAt`. An alert whose
 * burst goes on is extended (its end day moves) rather than raised again, whatever its workflow status.
 * @example await analyse(db, clock.now())
 */
export async function analyse(
  db: Db,
  now: number,
  opts: Omit<AnalysisOptions, 'today' | 'categoryDepartments'> = {},
): Promise<AnalyseResult> {
  const items = await loadAnalysisItems(db, now);
  const cats = await db
    .select({ slug: categories.slug, dept: categories.defaultDepartmentId })
    .from(categories);
  const segmenter = opts.segmenter ?? (await loadSegmenter(db));
  const { topics, bursts } = analyseItems(items, {
    ...opts,
    segmenter,
    today: dayOf(now),
    categoryDepartments: Object.fromEntries(cats.map((c) => [c.slug, c.dept])),
  });
  const names = await groupNames(db, bursts);

  const statements: BatchItem[] = [db.delete(analyticsTopics)];
  for (const t of topics) statements.push(db.insert(analyticsTopics).values({ ...t, updatedAt: now }));
  const raised: RaisedGroup[] = [];
  let updated = 0;
  for (const b of bursts) {
    const evidence = {
      label: names.get(`${b.kind}:${b.key}`) ?? b.label,
      observed: b.observed,
      distinctCount: b.distinct,
      expected: b.expected,
      growth: b.growth,
      pValue: b.pValue,
      z: b.z,
      sampleAppealIds: b.sampleIds,
      departmentIds: b.departmentIds,
      suggestedDepartmentId: b.suggestedDepartmentId,
      endDay: b.endDay,
      updatedAt: now,
    };
    const [ongoing] = await db
      .select({ id: analyticsAlerts.id, startDay: analyticsAlerts.startDay })
      .from(analyticsAlerts)
      .where(
        and(
          eq(analyticsAlerts.groupKind, b.kind),
          eq(analyticsAlerts.groupKey, b.key),
          gte(analyticsAlerts.endDay, b.startDay - 1),
        ),
      );
    if (ongoing) {
      statements.push(db.update(analyticsAlerts).set(evidence).where(eq(analyticsAlerts.id, ongoing.id)));
      updated++;
    } else {
      statements.push(
        db
          .insert(analyticsAlerts)
          .values({ ...evidence, groupKind: b.kind, groupKey: b.key, startDay: b.startDay, createdAt: now })
          .onConflictDoUpdate({
            target: [analyticsAlerts.groupKind, analyticsAlerts.groupKey, analyticsAlerts.startDay],
            set: evidence,
          }),
      );
      raised.push({ groupKind: b.kind, groupKey: b.key, startDay: b.startDay });
    }
  }
  await db.batch(statements as [BatchItem, ...BatchItem[]]);
  await notifyRaised(db, raised, now);
  return {
    appeals: items.filter((i) => i.source === 'appeal').length,
    items: items.length,
    topics: topics.length,
    alertsOpened: raised.length,
    alertsUpdated: updated,
  };
}

/** Readable labels for category and department alerts: 通勤班车, 机务段. */
async function groupNames(db: Db, bursts: readonly DetectedBurst[]) {
  const names = new Map<string, string>();
  const slugs = bursts.filter((b) => b.kind === 'category').map((b) => b.key);
  const ids = bursts.filter((b) => b.kind === 'department').map((b) => Number(b.key));
  if (slugs.length > 0) {
    const rows = await db.select().from(categories).where(inArray(categories.slug, slugs));
    for (const r of rows) names.set(`category:${r.slug}`, r.nameZh);
  }
  if (ids.length > 0) {
    const rows = await db.select().from(departments).where(inArray(departments.id, ids));
    for (const r of rows) names.set(`department:${r.id}`, r.nameZh);
  }
  return names;
}

// the bureau day of the last scheduled run, kept beside the admin settings (which ignore unknown keys)
const LAST_RUN_KEY = 'earlyWarningLastDay';

/**
 * The scheduled early-warning run: the full analysis once per bureau day (the first scheduled run after
 * midnight UTC+8), since bursts are tested per day. Returns null when today's run already happened.
 */
export async function analyseDaily(db: Db, now: number): Promise<AnalyseResult | null> {
  const today = dayOf(now);
  const [last] = await db.select().from(adminSettings).where(eq(adminSettings.key, LAST_RUN_KEY));
  if ((last?.value as { value?: number } | undefined)?.value === today) return null;
  const result = await analyse(db, now);
  const value = { value: today };
  await db
    .insert(adminSettings)
    .values({ key: LAST_RUN_KEY, value, updatedAt: now })
    .onConflictDoUpdate({ target: adminSettings.key, set: { value, updatedAt: now } });
  return result;
}
