import type { TermVector } from '../text/tfidf.js';

/** One post as the clusterer sees it: already segmented, weighted and scored. */
export interface TopicItem {
  id: number;
  vector: TermVector;
  /** Day number in the bureau's time zone (see `dayOf`). */
  day: number;
  departmentId: number | null;
  categorySlug: string | null;
  sentiment: number;
  cosigns: number;
}

export interface Topic {
  /** The id of the earliest item: stable across rebuilds that read items in the same order. */
  key: number;
  /** Sum of member vectors, trimmed to the heaviest terms. */
  centroid: Map<string, number>;
  norm: number;
  itemIds: number[];
  perDay: Map<number, number>;
  departments: Map<number, number>;
  categories: Map<string, number>;
  sentimentSum: number;
  cosigns: number;
}

export interface ClusterOptions {
  /** Cosine to the centroid an item needs to join a topic; the near-duplicate grouping's 0.25 by default. */
  threshold?: number;
  /** Terms a centroid keeps: enough for a label and for matching, few enough to stay fast. */
  centroidTerms?: number;
  /** Heaviest centroid terms put in the index that finds candidate topics for a new item. */
  indexTerms?: number;
}

/**
 * Single-pass ("leader") clustering against topic centroids: an item joins the most similar topic above the
 * threshold, or starts one. Candidates come from an index over each topic's heaviest terms, so the cost of
 * an item does not grow with the number of topics. Order-dependent by design: a rebuild reads items in
 * time order and gets the same topics every time.
 * @example const topics = new TopicClusterer(); topics.add(item).key
 */
export class TopicClusterer {
  private readonly all = new Map<number, Topic>();
  private readonly index = new Map<string, Set<number>>();
  private readonly indexed = new Map<number, string[]>();
  private readonly threshold: number;
  private readonly centroidTerms: number;
  private readonly indexTerms: number;

  constructor({ threshold = 0.25, centroidTerms = 24, indexTerms = 6 }: ClusterOptions = {}) {
    this.threshold = threshold;
    this.centroidTerms = centroidTerms;
    this.indexTerms = indexTerms;
  }

  add(item: TopicItem): Topic {
    let best: Topic | undefined;
    let bestScore = this.threshold;
    const seen = new Set<number>();
    for (const term of item.vector.keys()) {
      for (const key of this.index.get(term) ?? []) {
        if (seen.has(key)) continue;
        seen.add(key);
        const topic = this.all.get(key)!;
        const score = similarity(item.vector, topic);
        if (score >= bestScore) {
          bestScore = score;
          best = topic;
        }
      }
    }
    const topic = best ?? this.start(item.id);
    absorb(topic, item, this.centroidTerms);
    this.reindex(topic);
    return topic;
  }

  topics(): Topic[] {
    return [...this.all.values()];
  }

  private start(key: number): Topic {
    const topic: Topic = {
      key,
      centroid: new Map(),
      norm: 0,
      itemIds: [],
      perDay: new Map(),
      departments: new Map(),
      categories: new Map(),
      sentimentSum: 0,
      cosigns: 0,
    };
    this.all.set(key, topic);
    return topic;
  }

  private reindex(topic: Topic) {
    for (const t of this.indexed.get(topic.key) ?? []) this.index.get(t)?.delete(topic.key);
    const terms = heaviest(topic.centroid, this.indexTerms).map(([t]) => t);
    for (const t of terms) {
      const set = this.index.get(t);
      if (set) set.add(topic.key);
      else this.index.set(t, new Set([topic.key]));
    }
    this.indexed.set(topic.key, terms);
  }
}

/** The topic's readable label: its heaviest terms. */
export function topicLabel(topic: Topic, n = 3): string[] {
  return heaviest(topic.centroid, n).map(([t]) => t);
}

/** Cosine of an item's (normalised) vector to a topic's centroid. */
export function similarity(v: TermVector, topic: Topic): number {
  if (topic.norm === 0) return 0;
  let dot = 0;
  for (const [t, w] of v) dot += w * (topic.centroid.get(t) ?? 0);
  return dot / topic.norm;
}

function absorb(topic: Topic, item: TopicItem, centroidTerms: number) {
  const c = topic.centroid;
  for (const [t, w] of item.vector) c.set(t, (c.get(t) ?? 0) + w);
  // trim only when well over the cap, so the sort runs once every few items rather than on each
  if (c.size > centroidTerms * 2) {
    const keep = heaviest(c, centroidTerms);
    c.clear();
    for (const [t, w] of keep) c.set(t, w);
  }
  let norm = 0;
  for (const w of c.values()) norm += w * w;
  topic.norm = Math.sqrt(norm);
  topic.itemIds.push(item.id);
  topic.perDay.set(item.day, (topic.perDay.get(item.day) ?? 0) + 1);
  if (item.departmentId !== null) {
    topic.departments.set(item.departmentId, (topic.departments.get(item.departmentId) ?? 0) + 1);
  }
  if (item.categorySlug !== null) {
    topic.categories.set(item.categorySlug, (topic.categories.get(item.categorySlug) ?? 0) + 1);
  }
  topic.sentimentSum += item.sentiment;
  topic.cosigns += item.cosigns;
}

function heaviest(c: Map<string, number>, n: number): [string, number][] {
  return [...c].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
}
