import { type SQL, sql } from 'drizzle-orm';
import { appeals } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { matchAll, type SearchTerms } from './search-index.js';

// title matches weigh four times body matches in bm25
const TITLE_WEIGHT = 4.0;

function trigramHits(terms: string[]) {
  return sql`SELECT rowid AS id, bm25(appeal_search_trigram, ${TITLE_WEIGHT}, 1.0) AS score
    FROM appeal_search_trigram WHERE appeal_search_trigram MATCH ${matchAll(terms)}`;
}

function bigramHits(terms: string[]) {
  return sql`SELECT rowid AS id, bm25(appeal_search_bigram, ${TITLE_WEIGHT}, 1.0) AS score
    FROM appeal_search_bigram WHERE appeal_search_bigram MATCH ${matchAll(terms)}`;
}

export const hasTerms = (t: SearchTerms) => t.long.length + t.short.length > 0;

/** A filter: appeals containing every term (to combine with other filters and sorts). */
export function searchCondition(terms: SearchTerms): SQL {
  const parts: SQL[] = [];
  if (terms.long.length) parts.push(sql`${appeals.id} IN (SELECT id FROM (${trigramHits(terms.long)}))`);
  if (terms.short.length) parts.push(sql`${appeals.id} IN (SELECT id FROM (${bigramHits(terms.short)}))`);
  return sql.join(parts, sql` AND `);
}

/**
 * Ids of matching appeals, best first: the sum of both tables' bm25 scores (lower is better), title
 * weighted; ties go to the newer appeal. `where` carries the list filters and the publication rule.
 */
export async function rankedIds(
  db: Db,
  terms: SearchTerms,
  where: SQL | undefined,
  page: { offset: number; limit: number },
): Promise<number[]> {
  const joins: SQL[] = [];
  const scores: SQL[] = [];
  if (terms.long.length) {
    joins.push(sql`JOIN (${trigramHits(terms.long)}) AS tri ON tri.id = ${appeals.id}`);
    scores.push(sql`tri.score`);
  }
  if (terms.short.length) {
    joins.push(sql`JOIN (${bigramHits(terms.short)}) AS bi ON bi.id = ${appeals.id}`);
    scores.push(sql`bi.score`);
  }
  const rows = await db.all<{ id: number }>(
    sql`SELECT ${appeals.id} AS id, ${sql.join(scores, sql` + `)} AS score
      FROM ${appeals} ${sql.join(joins, sql` `)}
      ${where ? sql`WHERE ${where}` : sql``}
      ORDER BY score ASC, ${appeals.id} DESC
      LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  return rows.map((r) => Number(r.id));
}
