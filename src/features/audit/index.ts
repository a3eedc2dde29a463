/**
 * The public, tamper-evident log. What other features use:
 * - `logStatements(db, entry)` → statements to add to the action's own `db.batch` (atomic with it);
 *   `appendLog(db, entry)` when the action has already been written by a service of its own.
 * - `commitText(db, { itemType, itemId, fields, publishAt })` → the statement committing a worker text;
 *   put it in the batch that inserts the text.
 * - `withholdStatements(db, item, withheld)` while an item's text is not public (moderation).
 * - `staffActor(actor)` → the `{ role, username }` every staff entry carries.
 * - `checkpointLog(deps)` for timers (every 10 minutes).
 */
import type { StaffRole } from '../../../db/schema/index.js';

export { auditRoutes } from './audit.routes.js';
export { checkpointLog } from './checkpoints.service.js';
export { COMMIT_KIND, commitText, uncommittedItems, withholdStatements } from './commitments.service.js';
export { appendLog, type LogInput, logStatements, sealLog } from './log.service.js';

/** How a staff member appears on the log: accountable by name and role. */
export function staffActor(actor: { username: string; role: StaffRole }) {
  return { role: actor.role, username: actor.username };
}

/** The operator at the command line (rotations, code batches run by `npm run cli`). */
export const CLI_ACTOR = { role: 'operator', username: 'cli' } as const;
