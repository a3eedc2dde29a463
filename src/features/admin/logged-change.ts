import type { Db } from '../../platform/db/db.js';
import { sealLog } from '../audit/index.js';

/** A field's old and new value, as change entries on the public log carry them. */
export type Changes = Record<string, { from: unknown; to: unknown }>;

/**
 * The fields of `input` that differ from `before` (undefined means "not given"), with both values.
 * @example changesOf({ nameZh: '工会' }, { nameZh: '工会委员会' }) // { nameZh: { from: '工会', to: '工会委员会' } }
 */
export function changesOf<T extends object>(before: T, input: Partial<T>): Changes {
  const changes: Changes = {};
  for (const [key, to] of Object.entries(input)) {
    const from = before[key as keyof T];
    if (to !== undefined && JSON.stringify(to) !== JSON.stringify(from)) changes[key] = { from, to };
  }
  return changes;
}

/** The new values of the changed fields, for an update statement. */
export function newValues(changes: Changes): Record<string, unknown> {
  return Object.fromEntries(Object.entries(changes).map(([key, c]) => [key, c.to]));
}

/** Runs an admin change and its log entry (logStatements) as one atomic batch, then seals the log. */
export async function runLogged(db: Db, statements: unknown[]): Promise<unknown[]> {
  const results = await db.batch(statements as unknown as Parameters<Db['batch']>[0]);
  await sealLog(db);
  return results as unknown as unknown[];
}
