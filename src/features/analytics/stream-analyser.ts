import type { AlertGroupKind } from '../../../db/schema/index.js';
import { byCount, dayOf } from './analysis.js';
import { type BurstOptions, testBurst, weekdayFactors } from './bursts/burst-detector.js';
import { distinctFingerprints } from './text/near-duplicates.js';
import { createSegmenter, type TextSegmenter } from './text/segmenter.js';
import { type Fingerprint, simhash } from './text/simhash.js';
import { DocumentFrequency, type TermVector, termVector } from './text/tfidf.js';
import { categoryScores } from './topics/category-scores.js';
import {
  type ClusterOptions,
  similarity,
  type Topic,
  TopicClusterer,
  topicLabel,
} from './topics/topic-clusters.js';

/** One item of an offline stream (`analyse --input`): ids and departments are whatever the export uses. */
export interface StreamItem {
  id: string | number;
  time: number;
  text: string;
  category?: string | null;
  department?: string | null;
}

/** An alert as the offline run reports it: one episode of consecutive alerting days of one group. */
export interface StreamAlert {
  kind: AlertGroupKind;
  /** Top terms of a topic; the category or department name for the other kinds. */
  topic: string[];
  /** Bureau day numbers: first day of the rise, last alerting day, and the day it was first raised. */
  start: number;
  end: number;
  detected: number;
  items: (string | number)[];
  department?: string;
}

export interface StreamOptions {
  segmenter?: TextSegmenter;
  burst?: BurstOptions;
  cluster?: ClusterOptions;
  /** Cosine to a topic's centroid that counts a recent item as "about" the topic when confirming its alert. */
  confirmThreshold?: number;
  /** Called when an episode is over (a day passed without an alert) and at `finish`. */
  onAlert?: (alert: StreamAlert) => void;
}

interface Group {
  kind: AlertGroupKind;
  name: string;
  /** Item indices by bureau day. */
  days: Map<number, number[]>;
  topic?: Topic;
  episode?: { start: number; end: number; detected: number };
}

const WINDOW_MAX = 3;
const BASELINE_DAYS = 28;
const CANDIDATE_ALPHA = 0.05;

/**
 * The whole early-warning pipeline over a stream in time order, one item at a time: segment, weigh
 * (document frequencies grow with the stream), cluster, and when a day is over test every group active that
 * day for a burst, as the nightly job would have. Memory grows with the items (ids, day, fingerprint).
 * @example const s = new StreamAnalyser({ onAlert: print }); for (const i of items) s.add(i); s.finish();
 */
export class StreamAnalyser {
  private readonly seg: TextSegmenter;
  private readonly df = new DocumentFrequency();
  private readonly clusterer: TopicClusterer;
  private readonly groups = new Map<string, Group>();
  private readonly ids: (string | number)[] = [];
  private readonly departments: (string | null)[] = [];
  private readonly fingerprints: Fingerprint[] = [];
  private readonly totals: number[] = [];
  private readonly alerts: StreamAlert[] = [];
  private firstDay: number | undefined;
  private openDay: number | undefined;
  private active = new Set<Group>();
  // vectors of the days a burst test can still look at (baseline and window); older days are dropped
  private readonly recent = new Map<number, { index: number; vector: TermVector }[]>();

  constructor(private readonly opts: StreamOptions = {}) {
    this.seg = opts.segmenter ?? createSegmenter();
    this.clusterer = new TopicClusterer(opts.cluster);
  }

  /** Adds one item; returns false (and ignores it) when its day has already been tested. */
  add(item: StreamItem): boolean {
    const day = dayOf(item.time);
    this.firstDay ??= day;
    this.openDay ??= day;
    if (day < this.openDay) return false;
    while (this.openDay < day) this.closeDay(this.openDay++);
    const words = this.seg.words(item.text);
    const terms = this.seg.termsOf(words);
    this.df.add(terms);
    const vector = termVector(terms, this.df);
    const index = this.ids.push(item.id) - 1;
    this.departments.push(item.department ?? null);
    this.fingerprints.push(simhash(vector));
    const category =
      item.category && item.category !== 'other'
        ? item.category
        : (categoryScores(terms)[0]?.slug ?? item.category ?? null);
    const topic = this.clusterer.add({
      id: index,
      vector,
      day,
      departmentId: null,
      categorySlug: category,
      sentiment: 0,
      cosigns: 0,
    });
    const recent = this.recent.get(day);
    if (recent) recent.push({ index, vector });
    else this.recent.set(day, [{ index, vector }]);
    this.totals[day - this.firstDay] = (this.totals[day - this.firstDay] ?? 0) + 1;
    this.join('topic', String(topic.key), '', index, day).topic = topic;
    if (category) this.join('category', category, category, index, day);
    if (item.department) this.join('department', item.department, item.department, index, day);
    return true;
  }

  /** Tests the last day and reports every episode still open; returns all alerts of the run. */
  finish(): StreamAlert[] {
    if (this.openDay !== undefined) this.closeDay(this.openDay++);
    for (const g of this.groups.values()) if (g.episode) this.report(g);
    return this.alerts;
  }

  /** Topics so far, for a summary. */
  topicCount(): number {
    return this.clusterer.topics().length;
  }

  private join(kind: AlertGroupKind, key: string, name: string, index: number, day: number): Group {
    const id = `${kind}:${key}`;
    let g = this.groups.get(id);
    if (!g) {
      g = { kind, name, days: new Map() };
      this.groups.set(id, g);
    }
    const list = g.days.get(day);
    if (list) list.push(index);
    else g.days.set(day, [index]);
    this.active.add(g);
    return g;
  }

  private closeDay(at: number) {
    const firstDay = this.firstDay!;
    const history = at - firstDay;
    const o = this.opts.burst ?? {};
    // the weekday rhythm of everything, learnt from the days before the ones being tested
    const totals = Array.from({ length: Math.max(1, history - 2) }, (_, i) => this.totals[i] ?? 0);
    const factors = weekdayFactors(totals, firstDay);
    const from = Math.max(firstDay, at - BASELINE_DAYS - WINDOW_MAX + 1);
    const options = { ...o, minHistoryDays: Math.max(0, (o.minHistoryDays ?? 28) - (from - firstDay)) };
    const distinct = (items: number[]) =>
      distinctFingerprints(items.map((i) => this.fingerprints[i]!)).length;
    for (const g of this.active) {
      const series = Array.from({ length: at - from + 1 }, (_, i) => g.days.get(from + i)?.length ?? 0);
      const inWindow = (s: number, e: number) => this.itemsOf(g, from + s, from + e);
      // a topic's own series only nominates: the confirmation below decides
      const first = g.topic ? { ...options, alpha: CANDIDATE_ALPHA } : options;
      let test = testBurst(series, at - from, from, factors, first, (s, e) => distinct(inWindow(s, e)));
      if (g.topic && test.alert) test = this.confirm(g.topic, from, at, factors, options, distinct);
      if (test.alert) {
        const start = from + test.start;
        if (g.episode && start <= g.episode.end + 1) g.episode.end = at;
        else {
          if (g.episode) this.report(g);
          g.episode = { start, end: at, detected: at };
        }
      }
    }
    // an episode not extended today is over
    for (const g of this.groups.values()) if (g.episode && g.episode.end < at) this.report(g);
    this.active = new Set();
    this.recent.delete(at - BASELINE_DAYS - WINDOW_MAX);
  }

  /**
   * A topic's membership has a history of its own: a topic born last week (a new phrasing, or one that took
   * over an older topic's items as centroids drifted) has no baseline and looks like a burst. So a topic
   * alert is confirmed by the same test on a series counted by similarity to the topic's centroid over all
   * recent items, members or not: only a concern that is new or rising as a whole passes.
   */
  private confirm(
    topic: Topic,
    from: number,
    at: number,
    factors: number[],
    options: BurstOptions,
    distinct: (items: number[]) => number,
  ) {
    const threshold = this.opts.confirmThreshold ?? 0.35;
    const similar: number[][] = [];
    for (let d = from; d <= at; d++) {
      similar.push(
        (this.recent.get(d) ?? [])
          .filter((r) => similarity(r.vector, topic) >= threshold)
          .map((r) => r.index),
      );
    }
    const series = similar.map((items) => items.length);
    return testBurst(series, at - from, from, factors, options, (s, e) =>
      distinct(similar.slice(s, e + 1).flat()),
    );
  }

  private itemsOf(g: Group, from: number, to: number): number[] {
    const out: number[] = [];
    for (let d = from; d <= to; d++) for (const i of g.days.get(d) ?? []) out.push(i);
    return out;
  }

  private report(g: Group) {
    const e = g.episode!;
    g.episode = undefined;
    const items = this.itemsOf(g, e.start, e.end);
    const department = byCount(items.map((i) => this.departments[i]).filter((d) => d !== null))[0];
    const alert: StreamAlert = {
      kind: g.kind,
      topic: g.topic ? topicLabel(g.topic) : [g.name],
      start: e.start,
      end: e.end,
      detected: e.detected,
      items: items.map((i) => this.ids[i]!),
      ...(department ? { department } : {}),
    };
    this.alerts.push(alert);
    this.opts.onAlert?.(alert);
  }
}
