import { scryptAsync } from '@noble/hashes/scrypt.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { toBase64Url, toGroupedBase32 } from './encoding.js';
import { randomBytes } from './hash.js';

// An 80-bit random password cannot be guessed whatever the hash cost, so a light scrypt (4 MiB) is
// enough and lets an admin create accounts (and the seed create a dozen) without seconds of work each.
// The format is hashPassword's, so verifyPassword reads it; the holder must replace it at first sign-in.
const N = 2 ** 12;
const r = 8;
const p = 1;

/** A password people can type: 16 Crockford characters in four groups (80 bits). */
export function newOneTimePassword(): string {
  return toGroupedBase32(randomBytes(10));
}

/** `scrypt$N$r$p$salt$hash` for a random one-time password. Never use this for a chosen password. */
export async function hashOneTimePassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(utf8ToBytes(password), salt, { N, r, p, dkLen: 32 });
  return ['scrypt', N, r, p, toBase64Url(salt), toBase64Url(hash)].join('$');
}
