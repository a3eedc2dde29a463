import {
  CompactSign,
  calculateJwkThumbprint,
  compactVerify,
  decodeProtectedHeader,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importJWK,
  importPKCS8,
  type JWK,
} from 'jose';

export type { JWK };

const ALG = 'EdDSA';
// a type of its own, so a checkpoint signature can never be replayed as another kind of JWS
const TYP = 'zhitong-checkpoint';

export interface LogSigningKey {
  /** RFC 7638 thumbprint of the public key */
  kid: string;
  publicJwk: JWK;
  /** PKCS#8 PEM; store it sealed */
  privatePkcs8: string;
}

/** A fresh Ed25519 key for signing log checkpoints. */
export async function generateLogSigningKey(): Promise<LogSigningKey> {
  const { publicKey, privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return {
    kid,
    publicJwk: { ...jwk, kid, alg: ALG, use: 'sig' },
    privatePkcs8: await exportPKCS8(privateKey),
  };
}

const imported = new Map<string, Promise<CryptoKey>>();

/**
 * Signs a checkpoint payload as a compact JWS (EdDSA, Ed25519).
 * @example const jws = await signCheckpoint(key, { log, size, head, time })
 */
export async function signCheckpoint(
  key: { kid: string; privatePkcs8: string },
  payload: Record<string, unknown>,
): Promise<string> {
  let k = imported.get(key.kid);
  if (!k) {
    k = importPKCS8(key.privatePkcs8, ALG) as Promise<CryptoKey>;
    imported.set(key.kid, k);
  }
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: ALG, kid: key.kid, typ: TYP })
    .sign(await k);
}

/**
 * The payload of a checkpoint signed by one of `keys`, or null. Only EdDSA over Ed25519 with our `typ` is
 * accepted, and only a key from the given set (never one named inside the token).
 */
export async function verifyCheckpoint(
  keys: readonly JWK[],
  jws: string,
): Promise<{ kid: string; payload: unknown } | null> {
  try {
    const header = decodeProtectedHeader(jws);
    if (header.alg !== ALG || header.typ !== TYP || typeof header.kid !== 'string') return null;
    const jwk = keys.find((k) => k.kid === header.kid);
    if (jwk?.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x) return null;
    const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: jwk.x }, ALG);
    const { payload } = await compactVerify(jws, key, { algorithms: [ALG] });
    return { kid: header.kid, payload: JSON.parse(new TextDecoder().decode(payload)) };
  } catch {
    return null;
  }
}
