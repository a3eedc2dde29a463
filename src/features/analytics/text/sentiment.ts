import { INTENSIFIERS, NEGATORS, SENTIMENT_WORDS } from './sentiment.lexicon.js';

export interface Sentiment {
  /** −1 (all complaint) … +1 (all praise); 0 when no sentiment word was found. */
  score: number;
  /** How many sentiment words were read: a score from one word is weak evidence. */
  hits: number;
}

// how many words back a negator or intensifier still applies: 不 太 及时, 没 那么 方便
const REACH = 2;

/**
 * Lexicon sentiment over segmented words (not terms: negators are stop words). Each sentiment word counts
 * its value, flipped by a negator and scaled by an intensifier within two words before it; the mean is
 * squashed into −1…+1.
 * @example sentimentOf(seg.words('食堂饭菜太贵，分量不够')) // { score: -0.76, hits: 2 }
 */
export function sentimentOf(words: readonly string[]): Sentiment {
  let sum = 0;
  let hits = 0;
  for (let i = 0; i < words.length; i++) {
    const base = SENTIMENT_WORDS[words[i]!];
    if (base === undefined) continue;
    let value = base;
    for (let j = i - 1; j >= 0 && j >= i - REACH; j--) {
      const w = words[j]!;
      if (SENTIMENT_WORDS[w] !== undefined) break;
      if (NEGATORS.has(w)) value = -value;
      value *= INTENSIFIERS[w] ?? 1;
    }
    sum += value;
    hits++;
  }
  return { score: hits === 0 ? 0 : Math.tanh(sum / hits), hits };
}
