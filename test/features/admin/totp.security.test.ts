import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaffRole, staff } from '../../../db/schema/index.js';
import { utf8ToBytes } from '../../../src/platform/crypto/hash.js';
import { hotp, totpCode, totpStep } from '../../../src/platform/crypto/totp.js';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { call, publicLog, type StaffClient, staffClient } from '../audit/audit-fixture.js';

function fromBase32(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of text) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

interface EnrolmentRequired {
  error: { code: string; details: { enrolment: { secret: string; ticket: string } } };
}

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC 6238 SHA-1 test vectors', () => {
    const secret = utf8ToBytes('12345678901234567890');
    const vectors: [number, string][] = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
    ];
    for (const [t, code] of vectors) expect(hotp(secret, totpStep(t * 1000), 8)).toBe(code);
  });
});

describe('second factor at staff sign-in (injected clock)', () => {
  let h: Harness;
  const signIn = (body: Record<string, string>) =>
    h.postJson('/api/v1/staff/session', body, { origin: ORIGIN });
  const codeOf = async (res: Response) =>
    ((await res.clone().json()) as { error?: { code: string } }).error?.code;

  let admin: StaffClient;
  // accounts with a one-time password (light scrypt), marked as changed: sign-ins then cost milliseconds,
  // and each test can afford the many sign-ins it makes
  const account = async (role: StaffRole) => {
    const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
    const { id, oneTimePassword } = await call<{ id: number; oneTimePassword: string }>(
      admin,
      'POST',
      '/api/v1/staff/admin/staff',
      { username, displayName: role, role },
      201,
    );
    await h.db.update(staff).set({ mustChangePassword: false }).where(eq(staff.id, id));
    return { username, password: oneTimePassword };
  };

  beforeAll(async () => {
    h = await createHarness();
    admin = await staffClient(h, 'admin');
  });
  afterAll(() => h.close());

  it('an enrolled member needs a fresh code every time: none, wrong and replayed codes are refused', async () => {
    const who = await account('moderator');
    const s = await h.signIn(who);
    const begin = await s.json('POST', '/api/v1/staff/totp', {});
    expect(begin.status).toBe(200);
    const { secret, ticket, otpauthUri } = (await begin.json()) as {
      secret: string;
      ticket: string;
      otpauthUri: string;
    };
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Zhitong%3A/);
    const key = fromBase32(secret);
    expect((await s.json('POST', '/api/v1/staff/totp/confirm', { ticket, code: '000000' })).status).toBe(401);
    expect(
      (await s.json('POST', '/api/v1/staff/totp/confirm', { ticket, code: totpCode(key, h.clock.now()) }))
        .status,
    ).toBe(200);
    expect((await publicLog(h)).find((e) => e.kind === 'staff.totp-enrol')?.actor).toEqual({
      role: 'moderator',
      username: who.username,
    });

    h.clock.advance(30_000);
    expect(await codeOf(await signIn({ ...who }))).toBe('TOTP_REQUIRED');
    const wrong = String((Number(totpCode(key, h.clock.now())) + 1) % 1_000_000).padStart(6, '0');
    expect(await codeOf(await signIn({ ...who, totp: wrong }))).toBe('TOTP_INVALID');
    const code = totpCode(key, h.clock.now());
    expect((await signIn({ ...who, totp: code })).status).toBe(200);
    expect(await codeOf(await signIn({ ...who, totp: code })), 'a code is good once').toBe('TOTP_INVALID');
    h.clock.advance(30_000);
    expect((await signIn({ ...who, totp: totpCode(key, h.clock.now()) })).status).toBe(200);
  });

  it('when an admin requires TOTP for a role, its members enrol at sign-in and then always need a code', async () => {
    await call(admin, 'PUT', '/api/v1/staff/admin/settings', { totpRequiredRoles: ['analyst'] });
    const analyst = await account('analyst');
    const settings = await call<{ withoutTotp: string[] }>(
      admin,
      'GET',
      '/api/v1/staff/admin/settings',
      undefined,
    );
    expect(settings.withoutTotp).toContain(analyst.username);

    const first = await signIn({ ...analyst });
    expect(first.status).toBe(401);
    const { error } = (await first.json()) as EnrolmentRequired;
    expect(error.code).toBe('TOTP_ENROLMENT_REQUIRED');
    const key = fromBase32(error.details.enrolment.secret);
    // an enrolment left too long must start again
    h.clock.advance(16 * 60_000);
    const late = await signIn({
      ...analyst,
      totp: totpCode(key, h.clock.now()),
      totpEnrolment: error.details.enrolment.ticket,
    });
    expect(await codeOf(late)).toBe('TOTP_TICKET_INVALID');
    const again = (await (await signIn({ ...analyst })).json()) as EnrolmentRequired;
    const key2 = fromBase32(again.error.details.enrolment.secret);
    const enrolled = await signIn({
      ...analyst,
      totp: totpCode(key2, h.clock.now()),
      totpEnrolment: again.error.details.enrolment.ticket,
    });
    expect(enrolled.status, await enrolled.clone().text()).toBe(200);

    h.clock.advance(30_000);
    expect(await codeOf(await signIn({ ...analyst }))).toBe('TOTP_REQUIRED');
    expect((await signIn({ ...analyst, totp: totpCode(key2, h.clock.now()) })).status).toBe(200);
    // other roles are not affected
    const dispatcher = await account('dispatcher');
    expect((await signIn({ ...dispatcher })).status).toBe(200);
    expect((await publicLog(h)).find((e) => e.kind === 'settings.update')?.data).toMatchObject({
      changes: { totpRequiredRoles: { from: [], to: ['analyst'] } },
    });
  });
});
