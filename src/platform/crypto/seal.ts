import { fromBase64Url, toBase64Url } from './encoding.js';
import { randomBytes } from './hash.js';

// AES-256-GCM through WebCrypto, present on Node and Workers alike.
async function aesKey(key: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', key as BufferSource, 'AES-GCM', false, [usage]);
}

/** Encrypts bytes under a 32-byte key; output is `iv.ciphertext` in base64url. */
export async function seal(key: Uint8Array, plain: Uint8Array, context: string): Promise<string> {
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: iv as BufferSource, additionalData: new TextEncoder().encode(context) },
    await aesKey(key, 'encrypt'),
    plain as BufferSource,
  );
  return `${toBase64Url(iv)}.${toBase64Url(new Uint8Array(ct))}`;
}

export async function unseal(key: Uint8Array, sealed: string, context: string): Promise<Uint8Array> {
  const [iv, ct] = sealed.split('.');
  const pt = await crypto.subtle.decrypt(
    {
      name: 'AES-GCM',
      iv: fromBase64Url(iv ?? '') as BufferSource,
      additionalData: new TextEncoder().encode(context),
    },
    await aesKey(key, 'decrypt'),
    fromBase64Url(ct ?? '') as BufferSource,
  );
  return new Uint8Array(pt);
}
