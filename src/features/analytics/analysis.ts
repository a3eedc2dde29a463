import type { AlertGroupKind } from '../../../db/schema/index.js';
import { HOUR } from '../../platform/clock.js';
import { type BurstOptions, type BurstTest, testBurst, weekdayFactors } from './bursts/burst-detector.js';
import { distinctItems } from './text/near-duplicates.js';
import { createSegmenter, type TextSegmenter } from './text/segmenter.js';
import { sentimentOf } from './text/sentiment.js';
import { DocumentFrequency, type TermVector, termVector } from './text/tfidf.js';
import { categoryScores } from './topics/category-scores.js';
import { type ClusterOptions, type Topic, TopicClusterer, topicLabel } from './topics/topic-clusters.js';

// the bureau works on China Standard Time (UTC+8, no daylight saving): its days start at 16:00 UTC
const BUREAU_OFFSET = 8 * HOUR;
const DAY_MS = 24 * HOUR;
/** The bureau's day number of an instant: days since 1970-01-01 in UTC+8. */
export const dayOf = (ms: number) => Math.floor((ms + BUREAU_OFFSET) / DAY_MS);
export const dayStart = (day: number) => day * DAY_MS - BUREAU_OFFSET;

export interface AnalysisItem {
  id: number;
  time: number;
  text: string;
  categorySlug: string | null;
  departmentId: number | null;
  cosigns: number;
  /** Where the text comes from; links and samples point to appeals only. Appeal when absent. */
  source?: ItemSource;
  /** False for items whose time is not their own (survey comments): they join topics, not burst series. */
  inBursts?: boolean;
}

export const itemSources = ['appeal', 'forum-thread', 'forum-reply', 'survey-comment'] as const;
export type ItemSource = (typeof itemSources)[number];
const isAppeal = (i: AnalysisItem) => (i.source ?? 'appeal') === 'appeal';

export interface AnalysisOptions {
  /** The bureau day tested for bursts (usually `dayOf(now)`). */
  today: number;
  /** Where each category's appeals go when nobody says otherwise: the suggested department of its alerts. */
  categoryDepartments?: Readonly<Record<string, number | null>>;
  burst?: BurstOptions;
  cluster?: ClusterOptions;
  segmenter?: TextSegmenter;
  samples?: number;
  /** Called every 1,000 items and at the end, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface TopicSummary {
  key: number;
  label: string[];
  itemCount: number;
  distinctCount: number;
  firstDay: number;
  lastDay: number;
  perDay: Record<string, number>;
  departments: Record<string, number>;
  categorySlug: string | null;
  sentiment: number;
  cosigns: number;
  appealIds: number[];
  /** Items by source: { appeal: 12, 'forum-thread': 3 } */
  sources: Record<string, number>;
}

export interface DetectedBurst extends Omit<BurstTest, 'start' | 'end' | 'alert'> {
  kind: AlertGroupKind;
  key: string;
  /** Top terms for a topic; the slug or department id otherwise (the service names them). */
  label: string;
  startDay: number;
  endDay: number;
  sampleIds: number[];
  departmentIds: number[];
  suggestedDepartmentId: number | null;
}

interface Prepared extends AnalysisItem {
  day: number;
  vector: TermVector;
  category: string | null;
}

/**
 * The whole analysis as a pure function: segment, weigh, score and cluster the items in time order, then
 * test each topic, category and department for a burst on `today`. Deterministic for the same items.
 * @example analyseItems(items, { today: dayOf(now) }).bursts
 */
export function analyseItems(items: readonly AnalysisItem[], opts: AnalysisOptions) {
  const seg = opts.segmenter ?? createSegmenter();
  const sorted = [...items].sort((a, b) => a.time - b.time || a.id - b.id);
  const words = sorted.map((i) => seg.words(i.text));
  const terms = words.map((w) => seg.termsOf(w));
  const df = new DocumentFrequency();
  for (const t of terms) df.add(t);
  const clusterer = new TopicClusterer(opts.cluster);
  const prepared: Prepared[] = [];
  const topicOf = new Map<number, Topic>();
  sorted.forEach((item, i) => {
    // the worker's category wins; text decides only when they chose none or 'other'
    const category =
      item.categorySlug && item.categorySlug !== 'other'
        ? item.categorySlug
        : (categoryScores(terms[i]!)[0]?.slug ?? item.categorySlug);
    const p: Prepared = { ...item, day: dayOf(item.time), vector: termVector(terms[i]!, df), category };
    prepared.push(p);
    const sentiment = sentimentOf(words[i]!).score;
    const topic = clusterer.add({ ...p, categorySlug: category, sentiment });
    topicOf.set(item.id, topic);
    if ((i + 1) % 1000 === 0 || i + 1 === sorted.length) opts.onProgress?.(i + 1, sorted.length);
  });
  const topics = clusterer.topics();
  const byId = new Map(prepared.map((p) => [p.id, p]));
  return {
    topics: topics.map((t) => summarise(t, byId)),
    bursts: detect(prepared, topicOf, opts),
  };
}

function summarise(t: Topic, byId: ReadonlyMap<number, Prepared>): TopicSummary {
  const members = t.itemIds.map((id) => byId.get(id)!);
  const days = [...t.perDay.keys()];
  return {
    key: t.key,
    label: topicLabel(t),
    itemCount: t.itemIds.length,
    distinctCount: distinctItems(members.map((m) => m.vector)).length,
    firstDay: Math.min(...days),
    lastDay: Math.max(...days),
    perDay: Object.fromEntries(t.perDay),
    departments: Object.fromEntries(t.departments),
    categorySlug: [...t.categories].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
    sentiment: t.sentimentSum / t.itemIds.length,
    cosigns: t.cosigns,
    appealIds: members.filter(isAppeal).map((m) => m.id),
    sources: Object.fromEntries(
      itemSources.map((k) => [k, members.filter((m) => (m.source ?? 'appeal') === k).length]),
    ),
  };
}

function detect(prepared: readonly Prepared[], topicOf: Map<number, Topic>, opts: AnalysisOptions) {
  if (prepared.length === 0) return [];
  const firstDay = prepared[0]!.day;
  const at = opts.today - firstDay;
  if (at < 0) return [];
  const groups = new Map<string, { kind: AlertGroupKind; key: string; label: string; items: Prepared[] }>();
  const join = (kind: AlertGroupKind, key: string, label: string, p: Prepared) => {
    const id = `${kind}:${key}`;
    const g = groups.get(id) ?? { kind, key, label, items: [] };
    g.items.push(p);
    groups.set(id, g);
  };
  const all = new Array<number>(at + 1).fill(0);
  for (const p of prepared) {
    if (p.day > opts.today || p.inBursts === false) continue;
    all[p.day - firstDay]!++;
    const topic = topicOf.get(p.id)!;
    join('topic', String(topic.key), topicLabel(topic).join('·'), p);
    if (p.category) join('category', p.category, p.category, p);
    if (p.departmentId !== null) join('department', String(p.departmentId), String(p.departmentId), p);
  }
  // the weekday rhythm of everything, learnt from the days before the ones being tested
  const factors = weekdayFactors(all.slice(0, Math.max(1, at - 2)), firstDay);
  const bursts: DetectedBurst[] = [];
  for (const g of groups.values()) {
    if (g.items.length < (opts.burst?.minItems ?? 5)) continue;
    const series = new Array<number>(at + 1).fill(0);
    for (const p of g.items) series[p.day - firstDay]!++;
    const inWindow = (s: number, e: number) =>
      g.items.filter((p) => p.day >= firstDay + s && p.day <= firstDay + e);
    const distinctIn = (s: number, e: number) => distinctItems(inWindow(s, e).map((p) => p.vector)).length;
    const test = testBurst(series, at, firstDay, factors, opts.burst, distinctIn);
    if (!test.alert) continue;
    const window = inWindow(test.start, test.end);
    const { alert: _, start, end, ...evidence } = test;
    const departmentIds = byCount(window.map((p) => p.departmentId).filter((d): d is number => d !== null));
    const category = byCount(window.map((p) => p.category).filter((c): c is string => c !== null))[0];
    bursts.push({
      ...evidence,
      kind: g.kind,
      key: g.key,
      label: g.label,
      startDay: firstDay + start,
      endDay: firstDay + end,
      sampleIds: distinctItems(window.map((p) => p.vector))
        .map((i) => window[i]!)
        .filter(isAppeal)
        .map((p) => p.id)
        .slice(-(opts.samples ?? 5)),
      departmentIds,
      suggestedDepartmentId:
        g.kind === 'department'
          ? Number(g.key)
          : (departmentIds[0] ?? (category ? (opts.categoryDepartments?.[category] ?? null) : null)),
    });
  }
  return bursts.sort((a, b) => a.pValue - b.pValue);
}

/** Distinct values, most frequent first. */
export function byCount<T>(values: readonly T[]): T[] {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}
