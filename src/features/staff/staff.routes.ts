import { createRoute, z } from '@hono/zod-openapi';
import { getCookie } from 'hono/cookie';
import { staffRoles } from '../../../db/schema/index.js';
import { MINUTE } from '../../platform/clock.js';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import {
  checkSameOrigin,
  clearStaffCookie,
  currentStaff,
  requireStaff,
  STAFF_COOKIE,
  setStaffCookie,
} from './auth.middleware.js';
import { revokeSession, startSession } from './sessions.service.js';
import { changePassword as changeOwnPassword, passwordSignIn } from './sign-in.service.js';
import { ChangePasswordBody, SignInBody, StaffMe } from './staff.schemas.js';
import { loadActor } from './staff.service.js';

const signIn = createRoute({
  method: 'post',
  path: '/api/v1/staff/session',
  tags: ['staff'],
  summary: 'Staff sign-in; sets a Secure, HttpOnly, SameSite=Strict cookie scoped to staff paths',
  request: { body: jsonBody(SignInBody) },
  responses: { 200: jsonContent(StaffMe, 'Signed in'), ...errorResponses(401, 403, 422, 429) },
});

const signOut = createRoute({
  method: 'delete',
  path: '/api/v1/staff/session',
  tags: ['staff'],
  responses: { 200: jsonContent(z.object({ ok: z.boolean() }), 'Signed out'), ...errorResponses(403) },
});

const me = createRoute({
  method: 'get',
  path: '/api/v1/staff/me',
  tags: ['staff'],
  middleware: [requireStaff(...staffRoles)] as const,
  responses: { 200: jsonContent(StaffMe, 'The signed-in staff member'), ...errorResponses(401) },
});

const changePassword = createRoute({
  method: 'post',
  path: '/api/v1/staff/password',
  tags: ['staff'],
  middleware: [requireStaff(...staffRoles)] as const,
  request: { body: jsonBody(ChangePasswordBody) },
  responses: {
    200: jsonContent(z.object({ ok: z.boolean() }), 'Changed; other sessions ended'),
    ...errorResponses(401, 422),
  },
});

export const staffRoutes = router()
  .openapi(signIn, async (c) => {
    checkSameOrigin(c);
    const { db, config, secrets, clock } = c.var;
    const now = clock.now();
    const id = await passwordSignIn(
      { db, config, secrets, now },
      c.req.valid('json'),
      c.var.clientAddress?.(c) ?? '',
    );
    setStaffCookie(c, await startSession(db, secrets, id, now, config.STAFF_IDLE_MINUTES * MINUTE));
    return c.json((await loadActor(db, id))!, 200);
  })
  .openapi(signOut, async (c) => {
    checkSameOrigin(c);
    const token = getCookie(c, STAFF_COOKIE);
    if (token) await revokeSession(c.var.db, c.var.secrets, token, c.var.clock.now());
    clearStaffCookie(c);
    return c.json({ ok: true }, 200);
  })
  .openapi(me, async (c) => c.json(currentStaff(c), 200))
  .openapi(changePassword, async (c) => {
    const actor = currentStaff(c);
    const { db, secrets, config, clock } = c.var;
    const now = clock.now();
    await changeOwnPassword(db, actor.id, c.req.valid('json'), now);
    setStaffCookie(c, await startSession(db, secrets, actor.id, now, config.STAFF_IDLE_MINUTES * MINUTE));
    return c.json({ ok: true }, 200);
  });
