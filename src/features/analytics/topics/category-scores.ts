import { CATEGORY_LEXICON } from './categories.lexicon.js';

export interface CategoryScore {
  slug: string;
  /** Share of the post's category evidence that points here, 0–1; all scores of a post sum to 1 (or 0). */
  score: number;
}

/**
 * How strongly a post's terms point to each category of the lexicon, best first. A post with no category
 * term at all gets an empty list rather than a guess.
 * @example categoryScores(seg.terms('食堂饭菜太贵'))[0] // { slug: 'canteen', score: 1 }
 */
export function categoryScores(
  terms: readonly string[],
  lexicon: Readonly<Record<string, Readonly<Record<string, number>>>> = CATEGORY_LEXICON,
): CategoryScore[] {
  const unique = new Set(terms);
  const raw: CategoryScore[] = [];
  let total = 0;
  for (const [slug, weights] of Object.entries(lexicon)) {
    let s = 0;
    for (const t of unique) s += weights[t] ?? 0;
    if (s > 0) {
      raw.push({ slug, score: s });
      total += s;
    }
  }
  return raw
    .map((c) => ({ slug: c.slug, score: c.score / total }))
    .sort((a, b) => b.score - a.score || (a.slug < b.slug ? -1 : 1));
}
