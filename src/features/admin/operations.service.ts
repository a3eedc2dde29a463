import { count, desc, eq, isNotNull } from 'drizzle-orm';
import { codeBatches, enrollmentCodes } from '../../../db/schema/index.js';
import type { Config } from '../../platform/config/config.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/db.js';
import { AppError } from '../../platform/http/errors.js';
import { appendLog, type LogInput } from '../audit/index.js';
import { rotateSalts } from '../ratelimit/salts.service.js';
import { createCodes, revokeBatch, revokeCode, rotateIssuerKeys } from '../tokens/index.js';
import { withBudgetSettings } from './settings.service.js';

/**
 * Operator actions shared by the admin API and the CLI; each is logged publicly with who did it.
 * The services they call write on their own, so the entry follows the action (never precedes it).
 */
export interface OpsDeps {
  db: Db;
  config: Config;
  secrets: Secrets;
  now: number;
}

type Actor = NonNullable<LogInput['actor']>;

/** Destroys the current rate-limit salt and every salt past its window now. */
export async function rotateSaltsLogged(deps: OpsDeps, actor: Actor): Promise<number> {
  const config = await withBudgetSettings(deps.db, deps.config);
  const destroyed = await rotateSalts(deps.db, config, deps.now, { now: true });
  await appendLog(deps.db, { kind: 'salts.rotate', actor, now: deps.now, data: { destroyed } });
  return destroyed;
}

/** One issuer-key rotation step; the key ids (SHA-256 of the public keys) go on the log. */
export async function rotateIssuerKeysLogged(deps: OpsDeps, actor: Actor) {
  const r = await rotateIssuerKeys(deps.db, deps.secrets, deps.now, deps.config.ISSUER_KEY_GRACE_DAYS);
  const result = {
    created: r.created,
    retired: r.retired,
    waitingUntil: 'waitingUntil' in r && r.waitingUntil ? new Date(r.waitingUntil).toISOString() : null,
  };
  await appendLog(deps.db, { kind: 'issuer-keys.rotate', actor, now: deps.now, data: result });
  return result;
}

/** A batch of enrollment codes; the codes are returned once and never logged or stored in the clear. */
export async function createCodeBatch(
  deps: OpsDeps,
  actor: Actor,
  opts: { count: number; validDays?: number; label?: string },
) {
  const validDays = opts.validDays ?? deps.config.ENROLLMENT_CODE_DAYS;
  const created = await createCodes(deps.db, deps.secrets, {
    count: opts.count,
    validDays,
    label: opts.label,
    createdBy: actor.username,
    now: deps.now,
  });
  await appendLog(deps.db, {
    kind: 'codes.create',
    actor,
    now: deps.now,
    data: { batchId: created.batchId, count: opts.count, label: opts.label ?? '', validDays },
  });
  return created;
}

export async function revokeCodeBatch(deps: OpsDeps, actor: Actor, batchId: number): Promise<number> {
  const [batch] = await deps.db
    .select({ id: codeBatches.id })
    .from(codeBatches)
    .where(eq(codeBatches.id, batchId));
  if (!batch) throw new AppError('CODE_BATCH_NOT_FOUND');
  const revoked = await revokeBatch(deps.db, batchId, deps.now);
  await appendLog(deps.db, { kind: 'codes.revoke-batch', actor, now: deps.now, data: { batchId, revoked } });
  return revoked;
}

/** Revokes one code (a worker left); the log says a code was revoked, never which. */
export async function revokeOneCode(deps: OpsDeps, actor: Actor, code: string): Promise<boolean> {
  const revoked = await revokeCode(deps.db, deps.secrets, code, deps.now);
  if (revoked) await appendLog(deps.db, { kind: 'codes.revoke', actor, now: deps.now, data: { count: 1 } });
  return revoked;
}

export async function listCodeBatches(db: Db) {
  const batches = await db.select().from(codeBatches).orderBy(desc(codeBatches.id));
  const revoked = await db
    .select({ batchId: enrollmentCodes.batchId, n: count() })
    .from(enrollmentCodes)
    .where(isNotNull(enrollmentCodes.revokedAt))
    .groupBy(enrollmentCodes.batchId);
  return batches.map((b) => ({
    id: b.id,
    label: b.label,
    count: b.count,
    createdBy: b.createdBy,
    createdAt: new Date(b.createdAt).toISOString(),
    expiresAt: new Date(b.expiresAt).toISOString(),
    revoked: revoked.find((r) => r.batchId === b.id)?.n ?? 0,
  }));
}
