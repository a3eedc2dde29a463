import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { StaffRole } from '../../../db/schema/index.js';
import { MINUTE } from '../../platform/clock.js';
import type { AppEnv } from '../../platform/http/env.js';
import { AppError } from '../../platform/http/errors.js';
import { resumeSession } from './sessions.service.js';
import { loadActor, type StaffActor } from './staff.service.js';

export const STAFF_COOKIE = 'zt_staff';
// the cookie is scoped to staff paths only, so a browser never sends it to an anonymous route
export const STAFF_COOKIE_PATHS = ['/staff', '/api/v1/staff'] as const;

export function setStaffCookie(c: Context<AppEnv>, token: string) {
  for (const path of STAFF_COOKIE_PATHS) {
    setCookie(c, STAFF_COOKIE, token, { path, secure: true, httpOnly: true, sameSite: 'Strict' });
  }
}

export function clearStaffCookie(c: Context<AppEnv>) {
  for (const path of STAFF_COOKIE_PATHS) deleteCookie(c, STAFF_COOKIE, { path, secure: true });
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing staff requests must come from our own pages: the Origin (or, failing that,
 * Sec-Fetch-Site) must say same-origin. SameSite=Strict is the second line.
 */
export function checkSameOrigin(c: Context<AppEnv>) {
  if (SAFE.has(c.req.method)) return;
  const origin = c.req.header('origin');
  // a form POST from a page under Referrer-Policy: no-referrer carries `Origin: null`; Sec-Fetch-Site decides
  if (origin !== undefined && origin !== 'null') {
    if (origin !== new URL(c.var.config.PUBLIC_ORIGIN).origin) throw new AppError('CSRF_FAILED');
    return;
  }
  if (c.req.header('sec-fetch-site') !== 'same-origin') throw new AppError('CSRF_FAILED');
}

/** Marks a middleware with the roles it allows, so a test can prove every staff route declares them. */
export type RoleGuard = MiddlewareHandler<AppEnv> & { roles: readonly StaffRole[] };

/**
 * Every staff route starts with this: a live session, a same-origin check on writes, one of `roles`.
 * `'*'` would be a bug, so there is no such option; list the roles.
 * @example app.post('/api/v1/staff/answers', requireStaff('responder'), handler)
 */
export function requireStaff(...roles: [StaffRole, ...StaffRole[]]): RoleGuard {
  const guard = async function staffOnly(c: Context<AppEnv>, next: () => Promise<void>) {
    checkSameOrigin(c);
    const token = getCookie(c, STAFF_COOKIE);
    const now = c.var.clock.now();
    const session = token
      ? await resumeSession(c.var.db, c.var.secrets, token, now, c.var.config.STAFF_IDLE_MINUTES * MINUTE)
      : null;
    const actor = session ? await loadActor(c.var.db, session.staffId) : null;
    if (!session || !actor) {
      if (token) clearStaffCookie(c);
      throw new AppError('STAFF_AUTH_REQUIRED');
    }
    if (!roles.includes(actor.role)) throw new AppError('STAFF_FORBIDDEN');
    if (
      actor.mustChangePassword &&
      !c.req.path.endsWith('/staff/password') &&
      !c.req.path.endsWith('/staff/me')
    ) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (session.refreshed) setStaffCookie(c, session.refreshed);
    c.set('staff', actor);
    await next();
  } as RoleGuard;
  guard.roles = roles;
  return guard;
}

/** The signed-in staff member inside a handler behind requireStaff. */
export function currentStaff(c: Context<AppEnv>): StaffActor {
  const actor = c.get('staff');
  if (!actor) throw new AppError('STAFF_AUTH_REQUIRED');
  return actor;
}
