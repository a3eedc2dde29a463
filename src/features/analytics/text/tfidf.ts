/** A sparse, L2-normalised term vector: term → weight. */
export type TermVector = Map<string, number>;

/**
 * How many documents of the corpus contain each term: the "IDF" of TF-IDF. Grows one document at a time,
 * so the incremental path and a full rebuild share it; `toJSON`/`fromJSON` let it be stored.
 * @example const df = new DocumentFrequency(); df.add(terms); df.idf('班车')
 */
export class DocumentFrequency {
  docs = 0;
  readonly counts = new Map<string, number>();

  add(terms: Iterable<string>) {
    this.docs++;
    for (const t of new Set(terms)) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
  }

  /** Smoothed: a term never seen gets the highest weight, a term in every document still weighs > 0. */
  idf(term: string): number {
    return Math.log((this.docs + 1) / ((this.counts.get(term) ?? 0) + 1)) + 1;
  }

  toJSON() {
    return { docs: this.docs, counts: Object.fromEntries(this.counts) };
  }

  static fromJSON(json: { docs: number; counts: Record<string, number> }) {
    const df = new DocumentFrequency();
    df.docs = json.docs;
    for (const [t, n] of Object.entries(json.counts)) df.counts.set(t, n);
    return df;
  }
}

/** TF-IDF with sublinear term frequency (1 + ln tf), so a word repeated in one rant does not dominate. */
export function termVector(terms: readonly string[], df: DocumentFrequency): TermVector {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  const v: TermVector = new Map();
  let norm = 0;
  for (const [t, n] of tf) {
    const w = (1 + Math.log(n)) * df.idf(t);
    v.set(t, w);
    norm += w * w;
  }
  return normalise(v, Math.sqrt(norm));
}

export interface KeywordOptions {
  /** Subject words (the domain and category lexicons) weighed up by `boostFactor`. */
  boost?: ReadonlySet<string>;
  boostFactor?: number;
}

/**
 * The `n` terms of a text that weigh most against the corpus. On a small corpus rarity alone ranks incidental
 * words (复杂, 安排) above the subject (异地就医), so known subject words can be boosted.
 * @example keywords(seg.terms(text), df, 3, { boost: SUBJECT_TERMS }) // [{ term: '调资', weight: 0.61 }, …]
 */
export function keywords(terms: readonly string[], df: DocumentFrequency, n = 5, opts: KeywordOptions = {}) {
  const v = termVector(terms, df);
  const { boost, boostFactor = 2 } = opts;
  if (boost) for (const [t, w] of v) if (boost.has(t)) v.set(t, w * boostFactor);
  return topTerms(v, n);
}

export function topTerms(v: TermVector, n: number) {
  return [...v]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([term, weight]) => ({ term, weight }));
}

/** Cosine of two vectors; both normalised, so this is the dot product. Iterates the shorter one. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const x = large.get(t);
    if (x !== undefined) dot += w * x;
  }
  return dot;
}

export function normalise(v: TermVector, norm = vectorNorm(v)): TermVector {
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

function vectorNorm(v: TermVector): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}
