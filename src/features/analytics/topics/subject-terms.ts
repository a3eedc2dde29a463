import { DOMAIN_TERMS, SYNONYMS } from '../text/domain.lexicon.js';
import { CATEGORY_LEXICON } from './categories.lexicon.js';

/** Words that name what a post is about (the domain dictionary and every category's terms), canonical form. */
export const SUBJECT_TERMS: ReadonlySet<string> = new Set([
  ...DOMAIN_TERMS.map((t) => SYNONYMS[t] ?? t),
  ...Object.values(CATEGORY_LEXICON).flatMap((weights) => Object.keys(weights)),
]);
