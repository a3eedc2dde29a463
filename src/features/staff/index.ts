import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { oidcRoutes } from './oidc.routes.js';
import { staffRoutes as sessionRoutes } from './staff.routes.js';

export {
  checkSameOrigin,
  clearStaffCookie,
  currentStaff,
  type RoleGuard,
  requireStaff,
  STAFF_COOKIE,
  setStaffCookie,
} from './auth.middleware.js';
export { oidcSignIn, staffOidcVerifier } from './oidc-sign-in.service.js';
export { revokeAllSessions, revokeSession, startSession } from './sessions.service.js';
export { changePassword, passwordSignIn } from './sign-in.service.js';
export { createStaff, loadActor, type StaffActor } from './staff.service.js';

/** Password and OIDC sign-in, sign-out, the signed-in member, password change. */
export const staffRoutes = new OpenAPIHono<AppEnv>().route('/', sessionRoutes).route('/', oidcRoutes);
