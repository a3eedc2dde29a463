import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/**
 * A company identity provider run in-process on 127.0.0.1 (a real HTTP server, not a mock of our code):
 * OpenID discovery and a JWKS with one RS256 key; `sign` issues ID tokens with that key.
 * @example const idp = await startOidcIssuer(); const t = await idp.sign({ sub: 'w1' }, now)
 */
export async function startOidcIssuer(audience = 'zhitong') {
  const key: KeyPair = await generateKeyPair('RS256', { extractable: true });
  const kid = 'company-2026';
  const publicJwk: JWK = { ...(await exportJWK(key.publicKey)), kid, alg: 'RS256', use: 'sig' };
  let issuer = '';
  const app = new Hono()
    .get('/.well-known/openid-configuration', (c) =>
      c.json({ issuer, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ['RS256'] }),
    )
    .get('/jwks', (c) => c.json({ keys: [publicJwk] }));
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    audience,
    kid,
    key,
    publicJwk,
    /**
     * An ID token signed with the provider's key (or `opts.key`), issued at `now` (ms, from the test's
     * clock), valid 10 minutes unless the claims say otherwise.
     */
    async sign(
      claims: JWTPayload,
      now: number,
      opts: { key?: CryptoKey; header?: Record<string, unknown> } = {},
    ): Promise<string> {
      const iat = Math.floor(now / 1000);
      return new SignJWT({ iss: issuer, aud: audience, iat, exp: iat + 600, ...claims })
        .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT', ...opts.header })
        .sign(opts.key ?? key.privateKey);
    },
    /** The harness settings that point Zhitong at this provider. */
    env(): Record<string, string> {
      return { OIDC_ISSUER: issuer, OIDC_AUDIENCE: audience };
    },
    close(): Promise<void> {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

export type OidcIssuer = Awaited<ReturnType<typeof startOidcIssuer>>;
