import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { toBase64Url } from '../../platform/crypto/encoding.js';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError } from '../../platform/http/errors.js';
import { errorResponses } from '../../platform/http/openapi.js';
import type { TokenScope } from './scoped-issuer.js';

// RFC 9578 media types; a scoped token is one unbatched request (the budget is one)
const REQUEST_TYPE = 'application/private-token-request';
const RESPONSE_TYPE = 'application/private-token-response';
const binary = z.string().openapi({ format: 'binary' });

/** The OpenAPI body and responses of a scoped issuer route (`/token-request/<feature>/…`). */
export const scopedIssuerOpenApi = {
  body: { required: true, content: { [REQUEST_TYPE]: { schema: binary } } },
  responses: {
    200: { description: 'The blind signature', content: { [RESPONSE_TYPE]: { schema: binary } } },
    ...errorResponses(400, 401, 404, 409, 415, 422, 429),
  },
};

/** Refuses anything but one unbatched token request, before a feature looks anything up. */
export function requireSingleTokenRequest(c: Context<AppEnv>): void {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== REQUEST_TYPE) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
}

/**
 * Signs the one token of a scope (eligibility, the scope's budget, its key) and answers with it.
 * @example return issueScopedToken(c, surveyScope(db, survey, key))
 */
export async function issueScopedToken(c: Context<AppEnv>, scope: TokenScope): Promise<Response> {
  requireSingleTokenRequest(c);
  const body = new Uint8Array(await c.req.arrayBuffer());
  const signed = await c.var.tokens.scoped(scope).issue(c, REQUEST_TYPE, body);
  return c.body(signed as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': RESPONSE_TYPE });
}

/** What a phone needs to fetch a scope's token ahead of spending it. */
export function scopedTokenOffer(c: Context<AppEnv>, scope: TokenScope, issuerPath: string) {
  const { challenge } = c.var.tokens.scoped(scope);
  return {
    'token-type': 2 as const,
    'token-key': scope.key.publicKey,
    'token-challenge': toBase64Url(challenge.challenge.serialize()),
    'issuer-request-uri': `${c.var.config.PUBLIC_ORIGIN}${issuerPath}`,
  };
}
