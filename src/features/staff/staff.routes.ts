import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { getCookie } from 'hono/cookie';
import { staff, staffRoles } from '../../../db/schema/index.js';
import { MINUTE } from '../../platform/clock.js';
import { hashPassword, verifyPassword } from '../../platform/crypto/password.js';
import { AppError } from '../../platform/http/errors.js';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { checkSecondFactor } from '../admin/second-factor.service.js';
import { failureThrottle } from '../ratelimit/salts.service.js';
import {
  checkSameOrigin,
  clearStaffCookie,
  currentStaff,
  requireStaff,
  STAFF_COOKIE,
  setStaffCookie,
} from './auth.middleware.js';
import { revokeAllSessions, revokeSession, startSession } from './sessions.service.js';
import { ChangePasswordBody, SignInBody, StaffMe } from './staff.schemas.js';
import { loadActor } from './staff.service.js';

// failed sign-ins allowed per (address, username) per rate-limit epoch
const SIGNIN_FAILURE_LIMIT = 10;

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
    const { username, password } = c.req.valid('json');
    const { db, config, secrets, clock } = c.var;
    const now = clock.now();
    const throttle = await failureThrottle(
      db,
      config,
      now,
      SIGNIN_FAILURE_LIMIT,
      'signin',
      c.var.clientAddress?.(c) ?? '',
      username,
    );
    await throttle.check();
    const [row] = await db.select().from(staff).where(eq(staff.username, username));
    // verify against a fixed hash when the user is unknown, so timing does not reveal which usernames exist
    const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
    if (!row || !ok || row.disabledAt !== null) {
      await throttle.fail();
      throw new AppError('SIGNIN_FAILED');
    }
    await checkSecondFactor({ db, secrets, now }, row, c.req.valid('json'), throttle.fail);
    setStaffCookie(c, await startSession(db, secrets, row.id, now, config.STAFF_IDLE_MINUTES * MINUTE));
    return c.json((await loadActor(db, row.id))!, 200);
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
    const { currentPassword, newPassword } = c.req.valid('json');
    const { db, secrets, config, clock } = c.var;
    const [row] = await db.select().from(staff).where(eq(staff.id, actor.id));
    if (!row?.passwordHash || !(await verifyPassword(currentPassword, row.passwordHash)))
      throw new AppError('SIGNIN_FAILED');
    if (newPassword === currentPassword) throw new AppError('PASSWORD_TOO_WEAK');
    const now = clock.now();
    await db
      .update(staff)
      .set({ passwordHash: await hashPassword(newPassword), mustChangePassword: false })
      .where(eq(staff.id, actor.id));
    await revokeAllSessions(db, actor.id, now);
    setStaffCookie(c, await startSession(db, secrets, actor.id, now, config.STAFF_IDLE_MINUTES * MINUTE));
    return c.json({ ok: true }, 200);
  });

// scrypt of a random string: the same work as a real check, and it matches nothing
const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
