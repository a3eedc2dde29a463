import type { Db } from './db.js';

interface Kept {
  version: number;
  value: Promise<unknown>;
}

// per database that can tell when it changed (the Node entry's data_version watch); elsewhere (Workers,
// tests that do not ask) every call loads
const versions = new WeakMap<Db, () => number>();
const kept = new WeakMap<Db, Map<string, Kept>>();

/**
 * From now on `memoPerVersion` may keep values derived from `db` for as long as `version()` (which must
 * move with every commit by anyone, e.g. `PRAGMA data_version` on a watching connection) stays the same.
 */
export function watchVersion(db: Db, version: () => number): void {
  versions.set(db, version);
  kept.set(db, new Map());
}

/**
 * `load()`'s value, loaded once per database version where `db` is watched, and on every call elsewhere.
 * For small, often-read, rarely-written data (departments, categories); callers must not mutate it.
 * @example const tree = await memoPerVersion(db, 'departments', () => loadTree(db))
 */
export function memoPerVersion<T>(db: Db, key: string, load: () => Promise<T>): Promise<T> {
  const version = versions.get(db)?.();
  const memo = kept.get(db);
  if (version === undefined || !memo) return load();
  const held = memo.get(key);
  if (held?.version === version) return held.value as Promise<T>;
  const value = load();
  memo.set(key, { version, value });
  // a failed load is not kept: the next call tries again
  value.catch(() => {
    if (memo.get(key)?.value === value) memo.delete(key);
  });
  return value;
}
