import { DOMAIN_TERMS, SYNONYMS } from './domain.lexicon.js';
import { STOP_WORDS } from './stop-words.lexicon.js';

export interface SegmenterOptions {
  /** Words to keep whole beyond the built-in railway/HR list (admins' additions). */
  extraTerms?: Iterable<string>;
  /** Variant → canonical spelling, merged over the built-in table. */
  extraSynonyms?: Readonly<Record<string, string>>;
  stopWords?: ReadonlySet<string>;
}

export interface TextSegmenter {
  /** Every word-like segment after the dictionary passes, normalised, in order (punctuation dropped). */
  words(text: string): string[];
  /** The words that carry meaning: synonyms folded; stop words, numbers and counted amounts dropped. */
  terms(text: string): string[];
  /** Same as `terms`, from the output of `words`, for a caller that needs both from one segmentation. */
  termsOf(words: readonly string[]): string[];
}

// longest run of segmenter pieces the merge joins: 四班三运转 is 3 pieces, 异地就医 4
const MAX_MERGE_PIECES = 5;
// terms this long are matched on characters before ICU runs: a false match of 3+ characters is rare,
// while ICU sometimes glues their edge to a neighbour (没休过年休假 → 休|过年|休假)
const PROTECTED_LENGTH = 3;
// digits, punctuation, lone Latin letters, and counted amounts (三年, 好几趟, 二十多块) say nothing of a topic
const NOISE =
  /^[\p{N}\p{P}\p{S}]+$|^[a-z]$|^[一二三四五六七八九十百千万两几多好半每]+[年月天日次趟个块元份辆位名届]?$/u;

/**
 * Chinese word segmentation that runs unchanged on Node and Workers with no model: `Intl.Segmenter` (ICU's
 * dictionary) plus two passes with a domain dictionary. Terms of 3+ characters are cut out of the text
 * first; then a forward maximum-matching merge over adjacent ICU segments re-joins the shorter ones ICU
 * splits (医|保 → 医保). Merging whole segments keeps every boundary ICU got right.
 * @example createSegmenter().terms('去机务段的班车发车太早') // ['机务段', '班车', '发车', '早']
 */
export function createSegmenter(opts: SegmenterOptions = {}): TextSegmenter {
  const dictionary = new Set(DOMAIN_TERMS);
  for (const t of opts.extraTerms ?? []) dictionary.add(normalise(t));
  let maxLength = 0;
  for (const t of dictionary) maxLength = Math.max(maxLength, t.length);
  const synonyms: Record<string, string> = { ...SYNONYMS, ...opts.extraSynonyms };
  const stopWords = opts.stopWords ?? STOP_WORDS;
  const icu = new Intl.Segmenter('zh', { granularity: 'word' });

  function icuPieces(text: string, into: string[]) {
    for (const s of icu.segment(text)) {
      if (s.isWordLike) into.push(s.segment);
      // punctuation ends a run: no dictionary word spans it
      else if (into.length > 0 && into[into.length - 1] !== '') into.push('');
    }
  }

  function words(text: string): string[] {
    const t = normalise(text);
    const pieces: string[] = [];
    let gapStart = 0;
    for (let i = 0; i < t.length; ) {
      const term = longestTermAt(t, i, dictionary, maxLength);
      if (!term) {
        i++;
        continue;
      }
      if (i > gapStart) icuPieces(t.slice(gapStart, i), pieces);
      pieces.push(term, '');
      i += term.length;
      gapStart = i;
    }
    if (gapStart < t.length) icuPieces(t.slice(gapStart), pieces);
    return mergeDomainTerms(pieces, dictionary, maxLength).filter((w) => w !== '');
  }

  function termsOf(ws: readonly string[]): string[] {
    const out: string[] = [];
    for (const w of ws) {
      const canonical = synonyms[w] ?? synonyms[stripLe(w)] ?? stripLe(w);
      if (!stopWords.has(canonical) && !NOISE.test(canonical)) out.push(canonical);
    }
    return out;
  }

  return { words, termsOf, terms: (text) => termsOf(words(text)) };
}

// ICU glues the aspect particle to a one-character verb or adjective (挤了, 涨了, 坏了); 为了 and 除了 are words
const LE_WORDS = new Set(['为', '除', '算', '罢', '不', '好', '到', '来', '去']);
function stripLe(w: string): string {
  return w.length === 2 && w[1] === '了' && !LE_WORDS.has(w[0]!) ? w[0]! : w;
}

function longestTermAt(text: string, at: number, dictionary: ReadonlySet<string>, maxLength: number) {
  for (let len = Math.min(maxLength, text.length - at); len >= PROTECTED_LENGTH; len--) {
    const candidate = text.slice(at, at + len);
    if (dictionary.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Forward maximum matching over segments: at each piece, join the longest run of pieces that is a
 * dictionary word. An empty piece marks a boundary (punctuation, or the edge of a protected term).
 */
export function mergeDomainTerms(
  pieces: readonly string[],
  dictionary: ReadonlySet<string>,
  maxLength: number,
) {
  const out: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    let joined = pieces[i]!;
    let best = '';
    let bestEnd = i + 1;
    for (let j = i + 1; j < pieces.length && j - i < MAX_MERGE_PIECES && joined !== ''; j++) {
      const next = pieces[j]!;
      if (next === '') break;
      joined += next;
      if (joined.length > maxLength) break;
      if (dictionary.has(joined)) {
        best = joined;
        bestEnd = j + 1;
      }
    }
    out.push(best || pieces[i]!);
    i = bestEnd;
  }
  return out;
}

/** NFKC folds full-width Latin and digits (ＡＢＣ１２３) to ASCII; lower-case so Latin terms compare. */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
