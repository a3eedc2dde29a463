import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { issuerKeys, spentNonces } from '../../../db/schema/index.js';
import {
  ensureIssuerKey,
  purgeRetiredNonces,
  rotateIssuerKeys,
} from '../../../src/features/tokens/keys.service.js';
import { DAY, MINUTE } from '../../../src/platform/clock.js';
import { toBase64Url } from '../../../src/platform/crypto/encoding.js';
import { randomBytes } from '../../../src/platform/crypto/hash.js';
import { deriveSecrets } from '../../../src/platform/crypto/secrets.js';
import { migrateLibsql, openLibsql } from '../../../src/platform/db/libsql.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function twoInstances() {
  const dir = mkdtempSync(join(tmpdir(), 'zhitong-keys-'));
  dirs.push(dir);
  const config = { DATABASE_URL: `file:${join(dir, 'k.db')}`, DATABASE_SYNC: 'normal' as const };
  const a = await openLibsql(config);
  await migrateLibsql(a.db);
  const b = await openLibsql(config);
  return { a, b };
}

describe('issuer keys', () => {
  it('two instances starting at once on an empty database end with exactly one active key', async () => {
    const { a, b } = await twoInstances();
    const secrets = deriveSecrets(toBase64Url(randomBytes(32)));
    const now = Date.UTC(2026, 10, 27);
    await Promise.all([ensureIssuerKey(a.db, secrets, now), ensureIssuerKey(b.db, secrets, now)]);
    const active = await a.db.select().from(issuerKeys).where(eq(issuerKeys.state, 'active'));
    expect(active).toHaveLength(1);
    await a.close();
    await b.close();
  });

  it('a rotation promotes the next key and retires the old one under the one-active rule', async () => {
    const { a, b } = await twoInstances();
    const secrets = deriveSecrets(toBase64Url(randomBytes(32)));
    const now = Date.UTC(2026, 10, 27);
    await ensureIssuerKey(a.db, secrets, now);
    const [first] = await a.db.select().from(issuerKeys);
    expect((await rotateIssuerKeys(a.db, secrets, now, 7)).created).toBeTruthy();
    const done = await rotateIssuerKeys(a.db, secrets, now + 8 * DAY, 7);
    expect(done.retired).toBe(first?.id);
    const states = (await a.db.select().from(issuerKeys)).map((r) => r.state).sort();
    expect(states).toEqual(['active', 'retired']);
    await a.close();
    await b.close();
  });

  it("keeps a retired key's spent nonces while another instance's cache may still accept the key", async () => {
    const { a, b } = await twoInstances();
    const secrets = deriveSecrets(toBase64Url(randomBytes(32)));
    const now = Date.UTC(2026, 10, 27);
    await ensureIssuerKey(a.db, secrets, now);
    const [first] = await a.db.select().from(issuerKeys);
    await a.db.insert(spentNonces).values({ keyId: first!.id, nonce: 'spent-before-rotation' });
    await rotateIssuerKeys(a.db, secrets, now, 7);
    const retiredAt = now + 8 * DAY;
    await rotateIssuerKeys(a.db, secrets, retiredAt, 7);
    await purgeRetiredNonces(a.db, retiredAt + MINUTE);
    expect(await a.db.select().from(spentNonces)).toHaveLength(1);
    await purgeRetiredNonces(a.db, retiredAt + 11 * MINUTE);
    expect(await a.db.select().from(spentNonces)).toHaveLength(0);
    await a.close();
    await b.close();
  });
});
