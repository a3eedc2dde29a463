import { z } from '@hono/zod-openapi';
import { fromBase64Url, toBase64Url } from '../crypto/encoding.js';
import { utf8ToBytes } from '../crypto/hash.js';
import { AppError } from './errors.js';

/** `?cursor=…&limit=…&q=…` for keyset-paginated, searchable lists. */
export const PageQuery = z.object({
  cursor: z.string().max(200).optional().openapi({ description: 'nextCursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: 'words to look for (substring match)' }),
});

/** A page of items and the cursor of the next page (null on the last). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Opaque to clients: the last row's sort key and id. */
export const encodeCursor = (v: number[]) => toBase64Url(utf8ToBytes(JSON.stringify(v)));

export function decodeCursor(cursor: string, length: number): number[] {
  try {
    const v: unknown = JSON.parse(new TextDecoder().decode(fromBase64Url(cursor)));
    if (Array.isArray(v) && v.length === length && v.every((n) => Number.isSafeInteger(n))) return v;
  } catch {}
  throw new AppError('CURSOR_INVALID');
}

/**
 * A LIKE pattern matching `text` anywhere, with LIKE's own wildcards escaped (use with `ESCAPE '\'`).
 * Plain substring search: fine for Chinese words of any length, but unranked and a full scan.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Takes `limit + 1` rows, returns `limit` of them and the cursor that continues after the last. */
export function pageOf<R>(rows: R[], limit: number, keyOf: (row: R) => number[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
