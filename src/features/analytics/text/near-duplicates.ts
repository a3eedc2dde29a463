import { type Fingerprint, hamming, simhash } from './simhash.js';
import type { TermVector } from './tfidf.js';

export interface GroupingOptions {
  /** Average cosine two groups need to merge; 0.25 kept every labelled look-alike apart on our fixtures. */
  threshold?: number;
  /** Pairs below this count as 0: keeps the graph sparse when common words link thousands of posts. */
  floor?: number;
}

/**
 * Groups texts that raise the same concern in other words: average-link agglomerative clustering on the
 * cosine of TF-IDF vectors. Average link, unlike single link, does not chain two concerns through one
 * post that mentions both (the early bus and the crowded bus share 班车 and 倒班). Pairs come from an
 * inverted index, so only texts that share a term are compared; texts with the same terms are one node.
 * Cost grows with the number of similar pairs: meant for bounded sets (a topic's or an alert's items);
 * the incremental TopicClusterer is the path for a whole stream.
 * @example groupNearDuplicates(texts.map((t) => termVector(seg.terms(t), df))) // [[0, 1, 2], [3], …]
 */
export function groupNearDuplicates(vectors: readonly TermVector[], opts: GroupingOptions = {}): number[][] {
  const { threshold = 0.25, floor = 0.1 } = opts;
  const { nodes, members } = collapseIdentical(vectors);
  // symmetric: links[a][b] = sum of member-pair similarities between live groups a and b
  const links = new Map<number, Map<number, number>>(nodes.map((_, i) => [i, new Map()]));
  const heap = new MaxHeap();
  for (const [a, b, s] of similarPairs(nodes, floor)) {
    const sum = s * members.get(a)!.length * members.get(b)!.length;
    links.get(a)!.set(b, sum);
    links.get(b)!.set(a, sum);
    if (s >= threshold) heap.push(s, a, b, members.get(a)!.length, members.get(b)!.length);
  }
  for (let top = heap.pop(); top; top = heap.pop()) {
    const [, a, b, sizeA, sizeB] = top;
    const ma = members.get(a);
    const mb = members.get(b);
    // stale: one of the groups has grown or gone since the entry was pushed (groups only grow)
    if (!ma || !mb || ma.length !== sizeA || mb.length !== sizeB) continue;
    const merged = ma.concat(mb);
    members.set(a, merged);
    members.delete(b);
    const la = links.get(a)!;
    const lb = links.get(b)!;
    la.delete(b);
    for (const [c, s] of lb) {
      if (c === a) continue;
      const lc = links.get(c)!;
      lc.delete(b);
      const sum = (la.get(c) ?? 0) + s;
      la.set(c, sum);
      lc.set(a, sum);
    }
    links.delete(b);
    for (const [c, sum] of la) {
      const size = members.get(c)!.length;
      const average = sum / (merged.length * size);
      if (average >= threshold) heap.push(average, a, c, merged.length, size);
    }
  }
  return [...members.values()].map((m) => m.sort((x, y) => x - y)).sort((x, y) => x[0]! - y[0]!);
}

/** Texts with the same set of terms (cosine ≈ 1) become one node that stands for all of them. */
function collapseIdentical(vectors: readonly TermVector[]) {
  const byKey = new Map<string, number>();
  const nodes: TermVector[] = [];
  const members = new Map<number, number[]>();
  vectors.forEach((v, i) => {
    const key = [...v.keys()].sort().join('\u0000');
    const node = byKey.get(key);
    if (node !== undefined) {
      members.get(node)!.push(i);
      return;
    }
    byKey.set(key, nodes.length);
    members.set(nodes.length, [i]);
    nodes.push(v);
  });
  return { nodes, members };
}

/** All pairs (i < j) with cosine ≥ floor, accumulated term by term through an inverted index. */
export function similarPairs(vectors: readonly TermVector[], floor: number): [number, number, number][] {
  const postings = new Map<string, [number, number][]>();
  const pairs: [number, number, number][] = [];
  const dots = new Map<number, number>();
  vectors.forEach((v, i) => {
    dots.clear();
    for (const [t, w] of v) {
      for (const [j, x] of postings.get(t) ?? []) dots.set(j, (dots.get(j) ?? 0) + w * x);
    }
    for (const [j, d] of dots) if (d >= floor) pairs.push([j, i, d]);
    for (const [t, w] of v) {
      const list = postings.get(t);
      if (list) list.push([i, w]);
      else postings.set(t, [[i, w]]);
    }
  });
  return pairs;
}

/**
 * How many items are not copies of an earlier one (SimHash within `maxDistance` bits). A burst of five
 * pastes of one text is one voice, so alerts count distinct items. Four 16-bit bands: two fingerprints
 * within 3 bits agree exactly on at least one band (pigeonhole), so only band-mates are compared.
 */
export function distinctItems(vectors: readonly TermVector[], maxDistance = 3): number[] {
  return distinctFingerprints(vectors.map(simhash), maxDistance);
}

/** `distinctItems` over fingerprints computed once per item (the streaming analyser keeps them). */
export function distinctFingerprints(fingerprints: readonly Fingerprint[], maxDistance = 3): number[] {
  const bands = [new Map<number, number[]>(), new Map(), new Map(), new Map()] as Map<number, number[]>[];
  const kept: Fingerprint[] = [];
  const distinct: number[] = [];
  fingerprints.forEach((fp, i) => {
    const keys = [fp[0] >>> 16, fp[0] & 0xffff, fp[1] >>> 16, fp[1] & 0xffff];
    const copy = keys.some((k, b) => bands[b]!.get(k)?.some((j) => hamming(kept[j]!, fp) <= maxDistance));
    if (copy) return;
    const at = kept.push(fp) - 1;
    keys.forEach((k, b) => {
      const list = bands[b]!.get(k);
      if (list) list.push(at);
      else bands[b]!.set(k, [at]);
    });
    distinct.push(i);
  });
  return distinct;
}

type Entry = [average: number, a: number, b: number, sizeA: number, sizeB: number];

/** A binary max-heap on the first field. */
class MaxHeap {
  private readonly items: Entry[] = [];
  push(...e: Entry) {
    const items = this.items;
    items.push(e);
    for (let i = items.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (items[p]![0] >= items[i]![0]) break;
      [items[p], items[i]] = [items[i]!, items[p]!];
      i = p;
    }
  }
  pop(): Entry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && items[l]![0] > items[m]![0]) m = l;
        if (r < items.length && items[r]![0] > items[m]![0]) m = r;
        if (m === i) break;
        [items[m], items[i]] = [items[i]!, items[m]!];
        i = m;
      }
    }
    return top;
  }
}
