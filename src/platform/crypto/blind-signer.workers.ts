import type { BlindSigner } from './blind-signer.js';
import { sha256Hex } from './hash.js';

/** workerd exposes raw RSA (RSASP1) to WebCrypto under the name `RSA-RAW`. */
export function workersBlindSigner(): BlindSigner {
  const keys = new Map<string, Promise<CryptoKey>>();
  return {
    async blindSign(der, blindedMsg) {
      const id = sha256Hex(der);
      let key = keys.get(id);
      if (!key) {
        // 'RSA-RAW' is a Cloudflare extension, absent from the DOM typings
        const alg = { name: 'RSA-RAW', hash: 'SHA-384' } as unknown as RsaHashedImportParams;
        key = crypto.subtle.importKey('pkcs8', der as BufferSource, alg, false, ['sign']);
        keys.set(id, key);
      }
      return new Uint8Array(
        await crypto.subtle.sign({ name: 'RSA-RAW' }, await key, blindedMsg as BufferSource),
      );
    },
  };
}
