/**
 * Throughput of the Chinese text pipeline on 10,000 synthetic posts, each figure beside a baseline measured
 * in the same run (Intl.Segmenter alone), so numbers from a busy shared machine still compare.
 * Then the incremental update of the early-warning stream (µs per new item, day closes included).
 * Run: npx tsx bench/text.bench.ts [count]
 */
import { CONCERNS, syntheticPosts } from '../src/features/analytics/eval/synthetic-posts.js';
import { warningStream } from '../src/features/analytics/eval/warning-stream.js';
import { StreamAnalyser } from '../src/features/analytics/stream-analyser.js';
import { groupNearDuplicates } from '../src/features/analytics/text/near-duplicates.js';
import { createSegmenter } from '../src/features/analytics/text/segmenter.js';
import { DocumentFrequency, termVector } from '../src/features/analytics/text/tfidf.js';
import { TopicClusterer } from '../src/features/analytics/topics/topic-clusters.js';

const count = Number(process.argv[2] ?? 10_000);
const posts = syntheticPosts(count, 42);
const texts = posts.map((p) => p.text);
const icu = new Intl.Segmenter('zh', { granularity: 'word' });
const seg = createSegmenter();

/** Median wall time of `rounds` runs after one warm-up, in ms. */
function time(rounds: number, run: () => unknown): number {
  run();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

let sink = 0;
const baseline = time(5, () => {
  for (const t of texts) for (const s of icu.segment(t)) if (s.isWordLike) sink++;
});
const words = time(5, () => {
  for (const t of texts) sink += seg.words(t).length;
});
const terms = time(5, () => {
  for (const t of texts) sink += seg.terms(t).length;
});

const termLists = texts.map((t) => seg.terms(t));
const df = new DocumentFrequency();
for (const t of termLists) df.add(t);
const vectors = termLists.map((t) => termVector(t, df));
const vectorise = time(5, () => {
  for (const t of termLists) sink += termVector(t, df).size;
});

let clusterer = new TopicClusterer();
const cluster = time(3, () => {
  clusterer = new TopicClusterer();
  vectors.forEach((vector, i) => {
    clusterer.add({
      id: i,
      vector,
      day: 0,
      departmentId: null,
      categorySlug: null,
      sentiment: 0,
      cosigns: 0,
    });
  });
});
let groups: number[][] = [];
const group = time(1, () => {
  groups = groupNearDuplicates(vectors);
});

const rate = (ms: number) => Math.round((count / ms) * 1000).toLocaleString('en');
const ratio = (ms: number) => (ms / baseline).toFixed(2);
console.log(
  `node ${process.version}, ${count} synthetic posts, ${CONCERNS.length} concerns (median of runs)`,
);
console.table({
  'Intl.Segmenter alone (baseline)': {
    ms: baseline.toFixed(0),
    'posts/s': rate(baseline),
    '× baseline': '1.00',
  },
  'segmenter.words (dictionary passes)': {
    ms: words.toFixed(0),
    'posts/s': rate(words),
    '× baseline': ratio(words),
  },
  'segmenter.terms (+ synonyms, stop words)': {
    ms: terms.toFixed(0),
    'posts/s': rate(terms),
    '× baseline': ratio(terms),
  },
  'TF-IDF vectors': { ms: vectorise.toFixed(0), 'posts/s': rate(vectorise), '× baseline': ratio(vectorise) },
  'topic clustering (incremental)': {
    ms: cluster.toFixed(0),
    'posts/s': rate(cluster),
    '× baseline': ratio(cluster),
  },
  'near-duplicate grouping (average link)': {
    ms: group.toFixed(0),
    'posts/s': rate(group),
    '× baseline': ratio(group),
  },
});

const concernOf = posts.map((p) => p.concern);
const topicOf = new Map<number, number>();
for (const t of clusterer.topics()) for (const id of t.itemIds) topicOf.set(id, t.key);
const groupOf = new Map<number, number>();
groups.forEach((g, k) => {
  for (const i of g) groupOf.set(i, k);
});
console.log(
  'per item: clustering %s µs, full pipeline (terms + vector + cluster) %s µs',
  ((cluster / count) * 1000).toFixed(1),
  (((terms + vectorise + cluster) / count) * 1000).toFixed(1),
);
console.log(
  'topics:',
  clusterer.topics().length,
  'purity vs concern labels:',
  pairScores(concernOf, topicOf),
);
console.log(
  'near-duplicate groups:',
  groups.length,
  'purity vs concern labels:',
  pairScores(concernOf, groupOf),
);

// incremental update: each new item segmented, weighed, clustered and counted, days tested as they close
const days = Math.max(60, Math.round(count / 300));
const { posts: stream } = warningStream({ seed: 42, days, perDay: 300 });
const incremental = time(3, () => {
  const analyser = new StreamAnalyser();
  for (const p of stream) analyser.add(p);
  sink += analyser.finish().length;
});
console.log(
  'incremental update over %d posts in %d days: %s µs per item (segment + weigh + cluster + daily burst tests)',
  stream.length,
  days,
  ((incremental / stream.length) * 1000).toFixed(1),
);
if (sink < 0) console.log(sink);

/** Pairwise precision/recall of a clustering against labels, from the contingency table (no n² loop). */
function pairScores(labels: string[], clusterOf: Map<number, number>) {
  const cell = new Map<string, number>();
  const byCluster = new Map<number, number>();
  const byLabel = new Map<string, number>();
  labels.forEach((label, i) => {
    const k = clusterOf.get(i)!;
    cell.set(`${k}|${label}`, (cell.get(`${k}|${label}`) ?? 0) + 1);
    byCluster.set(k, (byCluster.get(k) ?? 0) + 1);
    byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
  });
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const sum = (m: Map<unknown, number>) => [...m.values()].reduce((a, n) => a + pairs(n), 0);
  const both = sum(cell);
  return { precision: (both / sum(byCluster)).toFixed(3), recall: (both / sum(byLabel)).toFixed(3) };
}
