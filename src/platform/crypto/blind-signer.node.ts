import {
  constants,
  createPrivateKey,
  createPublicKey,
  type KeyObject,
  privateDecrypt,
  publicEncrypt,
} from 'node:crypto';
import type { BlindSigner } from './blind-signer.js';
import { equalBytes, sha256Hex } from './hash.js';

/** Native RSA through OpenSSL: `privateDecrypt` without padding is exactly RSASP1 (m^d mod n, with CRT). */
export function nodeBlindSigner(): BlindSigner {
  const keys = new Map<string, { priv: KeyObject; pub: KeyObject }>();
  const load = (der: Uint8Array) => {
    const id = sha256Hex(der);
    let k = keys.get(id);
    if (!k) {
      const priv = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
      k = { priv, pub: createPublicKey(priv) };
      keys.set(id, k);
    }
    return k;
  };
  return {
    async blindSign(der, blindedMsg) {
      const { priv, pub } = load(der);
      const s = privateDecrypt({ key: priv, padding: constants.RSA_NO_PADDING }, blindedMsg);
      // RFC 9474 §4.3 step 3–4: check s^e = m, so a faulty signature never leaves the server
      const m = publicEncrypt({ key: pub, padding: constants.RSA_NO_PADDING }, s);
      if (!equalBytes(new Uint8Array(m), blindedMsg)) throw new Error('signing failure');
      return new Uint8Array(s);
    },
  };
}
