import { constants, createPrivateKey, sign } from 'node:crypto';
import { AuthenticatorInput, AuthorizationHeader, TOKEN_TYPES, Token } from '@cloudflare/privacypass-ts';
import { liveKeys, privateKeyOf } from '../../src/features/tokens/keys.service.js';
import { originChallenge } from '../../src/features/tokens/redemption.service.js';
import { toBase64Url } from '../../src/platform/crypto/encoding.js';
import { randomBytes } from '../../src/platform/crypto/hash.js';
import type { Secrets } from '../../src/platform/crypto/secrets.js';
import type { Db } from '../../src/platform/db/db.js';

export interface MintedToken {
  /** `PrivateToken token="…"`, ready for the Authorization header. */
  authorization: string;
  /** The nonce as the server stores it in spent_nonces (base64url). */
  nonce: string;
}

/**
 * Tokens for the active issuer key of a database, signed natively: RSASSA-PSS (SHA-384, salt 48) over the
 * token input is exactly what a finalized blind signature is, and the server cannot tell them apart. Used
 * where hundreds are needed: the privacypass-ts client spends 50–250 ms blinding each one.
 * @example const tokens = await mintTokens(db, secrets, config.PUBLIC_ORIGIN, 100)
 */
export async function mintTokens(
  db: Db,
  secrets: Secrets,
  publicOrigin: string,
  count: number,
): Promise<MintedToken[]> {
  const key = (await liveKeys(db)).find((k) => k.state === 'active');
  if (!key) throw new Error('no active issuer key: run prepareDatabase first');
  const priv = createPrivateKey({
    key: Buffer.from(await privateKeyOf(db, secrets, key.id)),
    format: 'der',
    type: 'pkcs8',
  });
  const { digest } = originChallenge(publicOrigin);
  return Array.from({ length: count }, () => {
    const nonce = randomBytes(32);
    const input = new AuthenticatorInput(TOKEN_TYPES.BLIND_RSA, 2, nonce, digest, key.idBytes);
    const signature = sign('sha384', input.serialize(), {
      key: priv,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 48,
    });
    const token = new Token(TOKEN_TYPES.BLIND_RSA, input, new Uint8Array(signature));
    return { authorization: new AuthorizationHeader(token).toString(true), nonce: toBase64Url(nonce) };
  });
}
