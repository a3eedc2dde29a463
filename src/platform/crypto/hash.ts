import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { toBase64Url, toHex } from './encoding.js';

export { sha256, utf8ToBytes };

/** Fresh random bytes from the platform CSPRNG. */
export function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

// Each part is length-prefixed so that ("ab","c") and ("a","bc") never hash alike.
function framed(parts: readonly (string | Uint8Array)[]): Uint8Array {
  const bytes = parts.map((p) => (typeof p === 'string' ? utf8ToBytes(p) : p));
  const out = new Uint8Array(bytes.reduce((n, b) => n + 4 + b.length, 0));
  const view = new DataView(out.buffer);
  let o = 0;
  for (const b of bytes) {
    view.setUint32(o, b.length);
    out.set(b, o + 4);
    o += 4 + b.length;
  }
  return out;
}

/** HMAC-SHA-256 over length-prefixed parts, as lowercase hex. */
export function keyedHash(key: Uint8Array, ...parts: (string | Uint8Array)[]): string {
  return toHex(hmac(sha256, key, framed(parts)));
}

export function sha256Hex(data: string | Uint8Array): string {
  return toHex(sha256(typeof data === 'string' ? utf8ToBytes(data) : data));
}

export function sha256B64(data: Uint8Array): string {
  return toBase64Url(sha256(data));
}

/** Derives an independent 32-byte key for one purpose from the server's master secret. */
export function deriveKey(master: Uint8Array, purpose: string): Uint8Array {
  return hkdf(sha256, master, utf8ToBytes('zhitong/v1'), utf8ToBytes(purpose), 32);
}

/** Constant-time equality of two byte strings. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i]! ^ b[i]!;
  return d === 0;
}
