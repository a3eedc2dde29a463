import { randomBytes } from '../crypto/hash.js';

/**
 * A random positive 52-bit integer primary key, for anonymous content whose order of arrival must not be
 * kept: SQLite stores rows in rowid order, so sequential ids would record it.
 */
export function randomRowId(): number {
  const b = randomBytes(7);
  return b.reduce((n, byte) => n * 256 + byte, 0) % 2 ** 52 || 1;
}
