import { asc, desc, eq, gt } from 'drizzle-orm';
import { logCheckpoints, logKeys } from '../../../db/schema/index.js';
import {
  generateLogSigningKey,
  type JWK,
  signCheckpoint,
} from '../../platform/crypto/checkpoint-signature.js';
import { seal, unseal } from '../../platform/crypto/seal.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import type { Db } from '../../platform/db/db.js';
import { sweepCommitments } from './commitments.service.js';
import { appendLog, logHead, sealLog } from './log.service.js';
import type { CheckpointPayload } from './verifier/log-format.js';

const SEAL_CONTEXT = 'log-signing-key';

export interface CheckpointDeps {
  db: Db;
  secrets: Secrets;
  config: { PUBLIC_ORIGIN: string };
  clock: { now(): number };
}

/** The current signing key, generated (and announced on the log) at first use. */
async function signingKey(db: Db, secrets: Secrets, now: number) {
  let [row] = await db.select().from(logKeys).orderBy(desc(logKeys.generation)).limit(1);
  if (!row) {
    const key = await generateLogSigningKey();
    const created = await db
      .insert(logKeys)
      .values({
        generation: 1,
        kid: key.kid,
        publicJwk: key.publicJwk as Record<string, string>,
        privateKeySealed: await seal(
          secrets.sealKey,
          new TextEncoder().encode(key.privatePkcs8),
          `${SEAL_CONTEXT}:${key.kid}`,
        ),
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning({ kid: logKeys.kid });
    // only the process whose key won announces it
    if (created.length > 0) {
      await appendLog(db, {
        kind: 'log.key-created',
        actor: { role: 'system', username: 'system' },
        now,
        data: { kid: key.kid, jwk: key.publicJwk as Record<string, unknown> },
      });
    }
    [row] = await db.select().from(logKeys).orderBy(desc(logKeys.generation)).limit(1);
  }
  const pem = await unseal(secrets.sealKey, row!.privateKeySealed, `${SEAL_CONTEXT}:${row!.kid}`);
  return { kid: row!.kid, privatePkcs8: new TextDecoder().decode(pem) };
}

/** Every public key that ever signed a checkpoint, as a JWK set. */
export async function publicLogKeys(db: Db): Promise<JWK[]> {
  const rows = await db.select().from(logKeys).orderBy(asc(logKeys.generation));
  return rows.map((r) => r.publicJwk as JWK);
}

/**
 * Brings the log up to date and signs a checkpoint if it grew: logs commitments of newly public items,
 * chains pending entries, and signs (size, head). Called on demand by GET /api/v1/log/checkpoint and every
 * 10 minutes by the Node timer. Never signs a second head for a size already signed: if the chain was
 * rewritten or truncated, the old checkpoint stays, and verifiers see the mismatch.
 * @example setInterval(() => checkpointLog({ db, secrets, config, clock }), 10 * MINUTE)
 */
export async function checkpointLog(deps: CheckpointDeps) {
  const { db, secrets } = deps;
  const now = deps.clock.now();
  await sweepCommitments(db, now);
  const key = await signingKey(db, secrets, now);
  await sealLog(db);
  const { size, head } = await logHead(db);
  const [latest] = await db.select().from(logCheckpoints).orderBy(desc(logCheckpoints.size)).limit(1);
  if (latest && latest.size >= size) return latest;
  const payload: CheckpointPayload = {
    log: new URL(deps.config.PUBLIC_ORIGIN).origin,
    size,
    head,
    time: new Date(now).toISOString(),
  };
  const jws = await signCheckpoint(key, { ...payload });
  await db.insert(logCheckpoints).values({ size, head, at: now, kid: key.kid, jws }).onConflictDoNothing();
  const [row] = await db.select().from(logCheckpoints).where(eq(logCheckpoints.size, size));
  return row!;
}

/** Checkpoints signed so far, oldest first. */
export async function listCheckpoints(db: Db, after: number, limit: number) {
  return db
    .select()
    .from(logCheckpoints)
    .where(gt(logCheckpoints.size, after))
    .orderBy(asc(logCheckpoints.size))
    .limit(limit);
}
