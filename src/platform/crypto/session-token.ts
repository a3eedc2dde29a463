import { jwtVerify, SignJWT } from 'jose';

export interface SessionClaims {
  /** session id (random); the server-side row decides revocation and idle expiry */
  sid: string;
  /** staff id */
  sub: string;
}

/** A short-lived HS256 token naming a staff session. */
export async function signSessionToken(
  key: Uint8Array,
  claims: SessionClaims,
  now: number,
  ttlSeconds: number,
): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ sid: claims.sid })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + Math.ceil(ttlSeconds))
    .setAudience('zhitong-staff')
    .sign(key);
}

/** The claims of a valid, unexpired token, or null. Only HS256 under our key is accepted. */
export async function verifySessionToken(
  key: Uint8Array,
  token: string,
  now: number,
): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      audience: 'zhitong-staff',
      currentDate: new Date(now),
    });
    if (typeof payload.sid !== 'string' || typeof payload.sub !== 'string') return null;
    return { sid: payload.sid, sub: payload.sub };
  } catch {
    return null;
  }
}
