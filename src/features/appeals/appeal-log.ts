import type { SQL } from 'drizzle-orm';
import type { BatchItem, Db } from '../../platform/db/db.js';
import { logStatements } from '../audit/index.js';

/** Who acted, as the public log names them; null for what the clock did (escalation, auto-close). */
export interface LogActorLike {
  role: string;
  // absent only for the demo seed, which acts without an account
  username?: string;
}

/**
 * The public-log entry for an action on an appeal, to batch with the action itself.
 * @example statements.push(...appealLog(db, 'answer', id, actor, now, { answerKind }))
 */
export function appealLog(
  db: Db,
  action: string,
  appealId: number | SQL,
  actor: LogActorLike | null,
  now: number,
  data?: Record<string, unknown>,
  opts?: { onlyIfChanged?: boolean },
): BatchItem[] {
  return logStatements(
    db,
    {
      kind: `appeal.${action}`,
      item: { type: 'appeal', id: appealId },
      actor: actor ? { role: actor.role, username: actor.username ?? 'demo' } : null,
      now,
      data,
    },
    opts,
  );
}
