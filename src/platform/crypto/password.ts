import { scryptAsync } from '@noble/hashes/scrypt.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { fromBase64Url, toBase64Url } from './encoding.js';
import { equalBytes, randomBytes } from './hash.js';

// OWASP password storage cheat sheet: scrypt N=2^17, r=8, p=1 (128 MiB). Node only: too big for an isolate.
const N = 2 ** 17;
const r = 8;
const p = 1;

/** `scrypt$N$r$p$salt$hash`, all parameters stored so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(utf8ToBytes(password), salt, { N, r, p, dkLen: 32, maxmem: 2 ** 28 });
  return ['scrypt', N, r, p, toBase64Url(salt), toBase64Url(hash)].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, rr, pp, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = fromBase64Url(hash);
  const got = await scryptAsync(utf8ToBytes(password), fromBase64Url(salt), {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
    dkLen: expected.length,
    maxmem: 2 ** 28,
  });
  return equalBytes(got, expected);
}
