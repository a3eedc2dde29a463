import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { toBase32 } from './encoding.js';
import { randomBytes } from './hash.js';

// RFC 6238 defaults, which every authenticator app understands
const STEP_SECONDS = 30;
const DIGITS = 6;

/** A new 160-bit TOTP secret (RFC 4226 §4 recommends 160 bits for HMAC-SHA-1). */
export function newTotpSecret(): Uint8Array {
  return randomBytes(20);
}

/** The TOTP time step of an instant (ms). */
export function totpStep(now: number): number {
  return Math.floor(now / 1000 / STEP_SECONDS);
}

/** RFC 4226 HOTP: dynamic truncation of HMAC-SHA-1 over the 8-byte counter. */
export function hotp(secret: Uint8Array, counter: number, digits = DIGITS): string {
  const msg = new Uint8Array(8);
  new DataView(msg.buffer).setBigUint64(0, BigInt(counter));
  const mac = hmac(sha1, secret, msg);
  const offset = mac[mac.length - 1]! & 0x0f;
  const bin =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(bin % 10 ** digits).padStart(digits, '0');
}

/** The code an authenticator shows at `now`. */
export function totpCode(secret: Uint8Array, now: number): string {
  return hotp(secret, totpStep(now));
}

/**
 * The time step a code matches, within ±`window` steps of now (clock drift), or null. The caller refuses
 * a step it has already accepted, so a code cannot be replayed.
 */
export function verifyTotp(secret: Uint8Array, code: string, now: number, window = 1): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const step = totpStep(now);
  let found: number | null = null;
  // every candidate is computed, so the time taken does not say which one matched
  for (let s = step - window; s <= step + window; s++) {
    if (constantTimeEqual(hotp(secret, s), code) && found === null) found = s;
  }
  return found;
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return d === 0;
}

/** The `otpauth://` URI an authenticator app scans as a QR code. */
export function otpauthUri(opts: { issuer: string; account: string; secret: Uint8Array }): string {
  const label = encodeURIComponent(`${opts.issuer}:${opts.account}`);
  const q = new URLSearchParams({
    secret: toBase32(opts.secret),
    issuer: opts.issuer,
    algorithm: 'SHA1',
    digits: String(DIGITS),
    period: String(STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${q}`;
}
