import { RSABSSA } from '@cloudflare/blindrsa-ts';
import { describe, expect, it } from 'vitest';
import { nodeBlindSigner } from '../../../src/platform/crypto/blind-signer.node.js';
import { randomBytes } from '../../../src/platform/crypto/hash.js';

// the suite of token type 2 (RFC 9578 §6): RSABSSA-SHA384-PSS-Deterministic, as privacypass-ts uses it
const suite = RSABSSA.SHA384.PSS.Deterministic();

describe.each([
  ['on its signing thread', {}],
  ['inline', { inline: true }],
])('native blind signing (node:crypto RSASP1) %s is byte-identical to the library', (_, opts) => {
  it('same key, same blinded message → the same bytes as RSABSSA blindSign; the signature finalizes', async () => {
    const { publicKey, privateKey } = await RSABSSA.SHA384.generateKey({
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
    });
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
    const signer = nodeBlindSigner(opts);
    for (let i = 0; i < 3; i++) {
      const msg = suite.prepare(randomBytes(64));
      const { blindedMsg, inv } = await suite.blind(publicKey, msg);
      const native = await signer.blindSign(pkcs8, blindedMsg);
      const library = await suite.blindSign(privateKey, blindedMsg);
      expect(Buffer.from(native).toString('hex')).toBe(Buffer.from(library).toString('hex'));
      const signature = await suite.finalize(publicKey, msg, native, inv);
      expect(await suite.verify(publicKey, signature, msg)).toBe(true);
    }
  });

  it('refuses a blinded message that is not below the modulus instead of signing it', async () => {
    const { publicKey, privateKey } = await RSABSSA.SHA384.generateKey({
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
    });
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
    const signer = nodeBlindSigner(opts);
    await expect(signer.blindSign(pkcs8, new Uint8Array(256).fill(0xff))).rejects.toThrow();
    // and keeps signing good messages afterwards
    const { blindedMsg } = await suite.blind(publicKey, suite.prepare(randomBytes(64)));
    expect(await signer.blindSign(pkcs8, blindedMsg)).toHaveLength(256);
  });
});

describe('native token verification (node:crypto RSASSA-PSS on the calling thread)', () => {
  it('accepts exactly what the library accepts: a finalized signature, not a flipped bit or another key', async () => {
    const keyPair = () =>
      RSABSSA.SHA384.generateKey({ modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) });
    const { publicKey, privateKey } = await keyPair();
    const other = await keyPair();
    const verifyToken = nodeBlindSigner().verifyToken!;
    const msg = suite.prepare(randomBytes(64));
    const { blindedMsg, inv } = await suite.blind(publicKey, msg);
    const signature = await suite.finalize(
      publicKey,
      msg,
      await suite.blindSign(privateKey, blindedMsg),
      inv,
    );
    const flipped = (b: Uint8Array) => b.map((x, i) => (i === 7 ? x ^ 1 : x));
    const cases = [
      [publicKey, signature, msg],
      [publicKey, flipped(signature), msg],
      [publicKey, signature, flipped(msg)],
      [other.publicKey, signature, msg],
    ] as const;
    for (const [key, sig, message] of cases) {
      expect(verifyToken(key, sig, message)).toBe(await suite.verify(key, sig, message));
    }
    expect(cases.map(([key, sig, message]) => verifyToken(key, sig, message))).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
