import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/db.js';

// runs of letters and digits in any script; everything else separates words
const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** Full-width letters and digits (Ｇ１２３４) become ASCII, and case is folded, on both index and query. */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Every overlapping pair of characters inside each run of letters/digits, space-separated:
 * "住房补贴" → "住房 房补 补贴". A 2-character query is then one exact token, whatever the word boundaries.
 */
export function bigrams(text: string): string {
  const out: string[] = [];
  for (const [run] of normaliseForSearch(text).matchAll(WORD_RUN)) {
    const chars = [...run];
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out.join(' ');
}

/**
 * The statements that index a new appeal, for the same batch as its insert so the index never lags.
 * `appealId` may be SQL (e.g. the id the batch just inserted).
 */
export function indexStatements(db: Db, appealId: number | SQL, title: string, body: string) {
  return [
    db.run(
      sql`INSERT INTO appeal_search_trigram (rowid, title, body) VALUES (${appealId}, ${normaliseForSearch(title)}, ${normaliseForSearch(body)})`,
    ),
    db.run(
      sql`INSERT INTO appeal_search_bigram (rowid, title, body) VALUES (${appealId}, ${bigrams(title)}, ${bigrams(body)})`,
    ),
  ];
}

export interface SearchTerms {
  /** 3+ characters: substring match in the trigram table. */
  long: string[];
  /** exactly 2 characters: one token of the bigram table. */
  short: string[];
}

/**
 * Splits a query into terms at spaces and punctuation. A single character matches too much to rank, so it
 * is dropped; a term of 3+ characters (Chinese phrase, "G1234次", "KPI考核") is matched as a substring.
 */
export function searchTerms(query: string): SearchTerms {
  const terms = [...new Set([...normaliseForSearch(query).matchAll(WORD_RUN)].map(([t]) => t))];
  return {
    long: terms.filter((t) => [...t].length >= 3),
    short: terms.filter((t) => [...t].length === 2),
  };
}

/** An FTS5 query that means "all these phrases", each quoted so no query syntax leaks in. */
export function matchAll(terms: string[]): string {
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' AND ');
}
