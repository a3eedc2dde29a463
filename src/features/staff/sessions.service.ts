import { and, eq, isNull } from 'drizzle-orm';
import { staffSessions } from '../../../db/schema/index.js';
import { toBase64Url } from '../../platform/crypto/encoding.js';
import { randomBytes, sha256Hex } from '../../platform/crypto/hash.js';
import type { Secrets } from '../../platform/crypto/secrets.js';
import { signSessionToken, verifySessionToken } from '../../platform/crypto/session-token.js';
import type { Db } from '../../platform/db/db.js';

// last-seen writes (and token re-issues) are skipped within this interval, so reads do not each cost a write
const TOUCH_EVERY_MS = 60_000;

export async function startSession(
  db: Db,
  secrets: Secrets,
  staffId: number,
  now: number,
  idleMs: number,
): Promise<string> {
  const sid = toBase64Url(randomBytes(32));
  await db.insert(staffSessions).values({ idHash: sha256Hex(sid), staffId, createdAt: now, lastSeenAt: now });
  return signSessionToken(secrets.sessionKey, { sid, sub: String(staffId) }, now, idleMs / 1000);
}

// the signed token expires with the idle limit and is re-issued on use, so an unused one cannot outlive it
/**
 * The staff id of a live session, or null: the token must verify, its session row must exist, be
 * unrevoked and have been used within the idle limit. Returns a fresh token when it touched the session.
 */
export async function resumeSession(
  db: Db,
  secrets: Secrets,
  token: string,
  now: number,
  idleMs: number,
): Promise<{ staffId: number; refreshed?: string } | null> {
  const claims = await verifySessionToken(secrets.sessionKey, token, now);
  if (!claims) return null;
  const idHash = sha256Hex(claims.sid);
  const [row] = await db.select().from(staffSessions).where(eq(staffSessions.idHash, idHash));
  if (!row || row.revokedAt !== null || String(row.staffId) !== claims.sub) return null;
  if (now - row.lastSeenAt > idleMs) {
    await db.update(staffSessions).set({ revokedAt: now }).where(eq(staffSessions.idHash, idHash));
    return null;
  }
  if (now - row.lastSeenAt < TOUCH_EVERY_MS) return { staffId: row.staffId };
  await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.idHash, idHash));
  return {
    staffId: row.staffId,
    refreshed: await signSessionToken(secrets.sessionKey, claims, now, idleMs / 1000),
  };
}

export async function revokeSession(db: Db, secrets: Secrets, token: string, now: number): Promise<void> {
  const claims = await verifySessionToken(secrets.sessionKey, token, now);
  if (!claims) return;
  await db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.idHash, sha256Hex(claims.sid)), isNull(staffSessions.revokedAt)));
}

/** Ends every session of a staff member (password change, role change, account disabled). */
export async function revokeAllSessions(db: Db, staffId: number, now: number): Promise<void> {
  await db
    .update(staffSessions)
    .set({ revokedAt: now })
    .where(and(eq(staffSessions.staffId, staffId), isNull(staffSessions.revokedAt)));
}
