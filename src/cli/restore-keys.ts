import { and, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import { issuerKeys, surveys } from '../../db/schema/index.js';
import { appendLog, CLI_ACTOR, type LogInput } from '../features/audit/index.js';
import { ensureIssuerKey } from '../features/tokens/index.js';
import type { Secrets } from '../platform/crypto/secrets.js';
import type { Db } from '../platform/db/db.js';

/**
 * What makes a restored database safe to serve without the spent nonces it was backed up without: every
 * issuer key live at backup time is retired (a token spent before the backup — or held unspent — is then
 * refused as of an unknown key) and a fresh key made; a survey still open is closed, since its
 * one-answer-per-worker ballots were not copied either. Both go on the public log.
 */
export async function retireBackedUpKeys(db: Db, secrets: Secrets, now: number) {
  const live = await db
    .select({ id: issuerKeys.id })
    .from(issuerKeys)
    .where(inArray(issuerKeys.state, ['active', 'next']));
  const open = await db
    .select({ id: surveys.id })
    .from(surveys)
    .where(and(isNotNull(surveys.publishedAt), gt(surveys.closesAt, now)));
  if (live.length > 0) {
    await db
      .update(issuerKeys)
      .set({ state: 'retired', retiredAt: now, privateKeySealed: '' })
      .where(
        inArray(
          issuerKeys.id,
          live.map((k) => k.id),
        ),
      );
  }
  for (const s of open) await db.update(surveys).set({ closesAt: now }).where(eq(surveys.id, s.id));
  await ensureIssuerKey(db, secrets, now);
  const entries: LogInput[] = [
    {
      kind: 'backup.restore',
      actor: CLI_ACTOR,
      now,
      data: { retiredKeys: live.map((k) => k.id), closedSurveys: open.map((s) => s.id) },
    },
    ...open.map((s) => ({ kind: 'survey.close', item: { type: 'survey', id: s.id }, actor: CLI_ACTOR, now })),
  ];
  await appendLog(db, ...entries);
  return { retiredKeys: live.length, closedSurveys: open.length };
}
