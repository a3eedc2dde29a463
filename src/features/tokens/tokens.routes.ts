import { MediaType, PRIVATE_TOKEN_ISSUER_DIRECTORY } from '@cloudflare/privacypass-ts';
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError } from '../../platform/http/errors.js';
import { ISSUANCE_TYPES } from './issuance.service.js';

/** Privacy Pass issuer (RFC 9578): the directory and the token-request endpoint. */
export const tokensRoutes = new Hono<AppEnv>()
  .get(PRIVATE_TOKEN_ISSUER_DIRECTORY, async (c) => {
    // built from the keys alone: cookies, headers or credentials on the request cannot change a byte
    const body = await c.var.tokens.directory();
    return c.body(body, 200, {
      'Content-Type': MediaType.PRIVATE_TOKEN_ISSUER_DIRECTORY,
      'Cache-Control': 'public, max-age=300',
    });
  })
  .post('/token-request', async (c) => {
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (type !== ISSUANCE_TYPES.single && type !== ISSUANCE_TYPES.batch)
      throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    const body = new Uint8Array(await c.req.arrayBuffer());
    const response = await c.var.tokens.issue(c, type, body);
    const responseType =
      type === ISSUANCE_TYPES.single
        ? MediaType.PRIVATE_TOKEN_RESPONSE
        : MediaType.ARBITRARY_BATCHED_TOKEN_RESPONSE;
    return c.body(response as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': responseType });
  });
