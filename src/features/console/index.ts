import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { adminPages } from './admin.routes.js';
import { alertPages } from './alerts.routes.js';
import { consoleErrors } from './console-errors.js';
import { deskPages } from './desk.routes.js';
import { logPages } from './log.routes.js';
import { moderationPages } from './moderation.routes.js';
import { sessionPages } from './session.routes.js';

/**
 * The staff console under /staff: server-rendered pages over the same services as the staff JSON API.
 * Every page but sign-in and sign-out is behind requireStaff(...roles); forms post same-origin.
 */
export const consoleRoutes = new Hono<AppEnv>()
  .use('/staff', consoleErrors())
  .use('/staff/*', consoleErrors())
  .route('/', sessionPages)
  .route('/', deskPages)
  .route('/', moderationPages)
  .route('/', alertPages)
  .route('/', adminPages)
  .route('/', logPages);
