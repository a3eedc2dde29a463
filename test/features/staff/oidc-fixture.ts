import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { staff } from '../../../db/schema/index.js';
import { seal } from '../../../src/platform/crypto/seal.js';
import { newTotpSecret } from '../../../src/platform/crypto/totp.js';
import { createHarness, ORIGIN } from '../../helpers/harness.js';
import type { OidcIssuer } from '../../helpers/oidc-issuer.js';

/** A Zhitong whose staff sign in through `idp` (audience "zhitong-staff", apart from the workers' one). */
export async function staffOidcHarness(idp: OidcIssuer) {
  return createHarness({
    env: { STAFF_OIDC_ISSUER: idp.issuer, STAFF_OIDC_AUDIENCE: idp.audience, ...idp.env() },
  });
}

type H = Awaited<ReturnType<typeof staffOidcHarness>>;

export function oidcSignIn(h: H, body: Record<string, string>, headers: Record<string, string> = {}) {
  return h.postJson('/api/v1/staff/session/oidc', body, { origin: ORIGIN, ...headers });
}

/** The error code of a response, checking its status. */
export async function refusal(res: Response, status: number) {
  const body = (await res.json()) as { error: { code: string; details?: { reason?: string } } };
  expect(res.status, JSON.stringify(body)).toBe(status);
  return { code: body.error.code, reason: body.error.details?.reason };
}

/** Gives a staff member an authenticator (as if enrolled) and returns its secret. */
export async function enrolTotp(h: H, staffId: number): Promise<Uint8Array> {
  const secret = newTotpSecret();
  const sealed = await seal(h.secrets.sealKey, secret, `totp:${staffId}`);
  await h.db.update(staff).set({ totpSecretSealed: sealed }).where(eq(staff.id, staffId));
  return secret;
}
