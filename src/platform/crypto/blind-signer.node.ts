import {
  constants,
  createPrivateKey,
  createPublicKey,
  KeyObject,
  privateDecrypt,
  publicEncrypt,
  verify,
} from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { BlindSigner } from './blind-signer.js';
import { equalBytes, sha256Hex } from './hash.js';

// The signing thread's source, evaluated as CommonJS from a string so it loads the same under node, tsx
// and vitest. `privateDecrypt` without padding is exactly RSASP1 (m^d mod n, with CRT); the check s^e = m
// is RFC 9474 §4.3 steps 3–4, so a faulty signature never leaves the server.
const THREAD_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { constants, createPrivateKey, createPublicKey, privateDecrypt, publicEncrypt } = require('node:crypto');
const keys = new Map();
parentPort.on('message', ({ id, keyId, der, msg }) => {
  try {
    let k = keys.get(keyId);
    if (!k) {
      const priv = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
      k = { priv, pub: createPublicKey(priv) };
      keys.set(keyId, k);
    }
    const s = privateDecrypt({ key: k.priv, padding: constants.RSA_NO_PADDING }, msg);
    const m = publicEncrypt({ key: k.pub, padding: constants.RSA_NO_PADDING }, s);
    if (!m.equals(msg)) throw new Error('signing failure');
    parentPort.postMessage({ id, sig: s });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});`;

// a thread with nothing to sign for this long exits, taking its copies of the private keys with it
const IDLE_MS = 10_000;

/**
 * One signing thread, started on first use. The event loop only posts messages, so while one request's
 * tokens are signed the next request's database work runs: issuance throughput approaches the raw RSA rate
 * of one core, and a batch of ten no longer blocks every other request for 5 ms.
 */
function signingThread() {
  let worker: Worker | undefined;
  let idle: NodeJS.Timeout | undefined;
  let next = 0;
  const pending = new Map<number, { resolve(s: Uint8Array): void; reject(e: Error): void }>();
  const loaded = new Set<string>();
  const stop = (reason: Error) => {
    for (const p of pending.values()) p.reject(reason);
    pending.clear();
    loaded.clear();
    worker?.removeAllListeners();
    void worker?.terminate();
    worker = undefined;
  };
  const start = () => {
    const w = new Worker(THREAD_SOURCE, { eval: true });
    w.on('message', ({ id, sig, error }: { id: number; sig?: Uint8Array; error?: string }) => {
      const p = pending.get(id);
      pending.delete(id);
      if (sig) p?.resolve(new Uint8Array(sig.buffer, sig.byteOffset, sig.byteLength));
      else p?.reject(new Error(error ?? 'signing failure'));
      if (pending.size === 0) {
        // an idle thread must not keep the process alive
        w.unref();
        idle = setTimeout(() => stop(new Error('idle')), IDLE_MS).unref();
      }
    });
    w.on('error', (e) => stop(e));
    w.on('exit', () => stop(new Error('signing thread exited')));
    return w;
  };
  return (keyId: string, der: Uint8Array, msg: Uint8Array) =>
    new Promise<Uint8Array>((resolve, reject) => {
      clearTimeout(idle);
      worker ??= start();
      worker.ref();
      const id = next++;
      pending.set(id, { resolve, reject });
      const first = !loaded.has(keyId);
      loaded.add(keyId);
      worker.postMessage({ id, keyId, der: first ? der : undefined, msg });
    });
}

/**
 * Native RSA through OpenSSL. By default on a thread of its own (see `signingThread`); `inline: true`
 * signs on the calling thread.
 * @example const signer = nodeBlindSigner()
 */
export function nodeBlindSigner(opts: { inline?: boolean } = {}): BlindSigner {
  // the key ring hands over the same array for every token: hash each key's DER once, not per signature
  const ids = new WeakMap<Uint8Array, string>();
  const idOf = (der: Uint8Array) => {
    let id = ids.get(der);
    if (!id) {
      id = sha256Hex(der);
      ids.set(der, id);
    }
    return id;
  };
  if (!opts.inline) {
    const sign = signingThread();
    return { blindSign: (der, blindedMsg) => sign(idOf(der), der, blindedMsg), verifyToken };
  }
  const keys = new Map<string, { priv: KeyObject; pub: KeyObject }>();
  return {
    verifyToken,
    async blindSign(der, blindedMsg) {
      const id = idOf(der);
      let k = keys.get(id);
      if (!k) {
        const priv = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
        k = { priv, pub: createPublicKey(priv) };
        keys.set(id, k);
      }
      const s = privateDecrypt({ key: k.priv, padding: constants.RSA_NO_PADDING }, blindedMsg);
      const m = publicEncrypt({ key: k.pub, padding: constants.RSA_NO_PADDING }, s);
      if (!equalBytes(new Uint8Array(m), blindedMsg)) throw new Error('signing failure');
      return new Uint8Array(s);
    },
  };
}

// the key ring hands over the same CryptoKey for every token of a key: convert it once
const publicKeys = new WeakMap<CryptoKey, KeyObject>();

/**
 * RSASSA-PSS-SHA384 verification through OpenSSL on the calling thread: ~30 µs, where WebCrypto's
 * verify posts the same work to the thread pool and the request waits for its turn back.
 */
function verifyToken(publicKey: CryptoKey, signature: Uint8Array, message: Uint8Array): boolean {
  let key = publicKeys.get(publicKey);
  if (!key) {
    key = KeyObject.from(publicKey);
    publicKeys.set(publicKey, key);
  }
  return verify(
    'sha384',
    message,
    { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 },
    signature,
  );
}
