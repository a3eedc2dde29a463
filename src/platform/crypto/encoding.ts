const B64URL = /^[A-Za-z0-9_-]*$/;

export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  if (!B64URL.test(clean)) throw new Error('not base64url');
  const bin = atob(clean.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

/** Standard base64 (the Privacy Pass auth scheme accepts both alphabets on input). */
export function fromBase64Any(text: string): Uint8Array {
  return fromBase64Url(text.replace(/\+/g, '-').replace(/\//g, '_'));
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// Crockford base32: no I, L, O, U, so a code written on paper is read back without confusion
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
// RFC 4648 base32: the alphabet authenticator apps expect for TOTP secrets
const RFC4648 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Base32 without padding over the given 32-character alphabet (RFC 4648 by default). */
export function toBase32(bytes: Uint8Array, alphabet: string = RFC4648): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** Groups of four Crockford base32 characters, e.g. `7F3A-K9QD-…`, for codes people copy by hand. */
export function toGroupedBase32(bytes: Uint8Array): string {
  return toBase32(bytes, CROCKFORD)
    .match(/.{1,4}/g)!
    .join('-');
}

/** Normalises what a person typed: case, dashes, spaces, and the look-alike letters Crockford folds. */
export function normaliseGroupedBase32(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}
