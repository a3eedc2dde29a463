import { createRoute } from '@hono/zod-openapi';
import { MINUTE } from '../../platform/clock.js';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { checkSameOrigin, setStaffCookie } from './auth.middleware.js';
import { oidcSignIn } from './oidc-sign-in.service.js';
import { startSession } from './sessions.service.js';
import { OidcSignInBody, StaffMe } from './staff.schemas.js';
import { loadActor } from './staff.service.js';

const signInOidc = createRoute({
  method: 'post',
  path: '/api/v1/staff/session/oidc',
  tags: ['staff'],
  summary:
    'Staff sign-in with a company ID token (the subject an admin bound); the same cookie as password sign-in',
  request: { body: jsonBody(OidcSignInBody) },
  responses: { 200: jsonContent(StaffMe, 'Signed in'), ...errorResponses(401, 403, 422, 429) },
});

/** Sign-in through the company OIDC provider: the way staff sign in on Workers, optional on Node. */
export const oidcRoutes = router().openapi(signInOidc, async (c) => {
  checkSameOrigin(c);
  const { db, config, secrets, clock } = c.var;
  const now = clock.now();
  const id = await oidcSignIn(
    { db, config, secrets, now },
    c.var.staffOidc,
    c.req.valid('json'),
    c.var.clientAddress?.(c) ?? '',
  );
  setStaffCookie(c, await startSession(db, secrets, id, now, config.STAFF_IDLE_MINUTES * MINUTE));
  return c.json((await loadActor(db, id))!, 200);
});
