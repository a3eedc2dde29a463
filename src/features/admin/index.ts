import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { operationsRoutes } from './operations.routes.js';
import { staffAdminRoutes } from './staff-admin.routes.js';
import { totpRoutes } from './totp.routes.js';

export {
  createCodeBatch,
  revokeCodeBatch,
  revokeOneCode,
  rotateIssuerKeysLogged,
  rotateSaltsLogged,
} from './operations.service.js';
export { getSettings, type Settings } from './settings.service.js';

/** Admin API (staff, settings, rotations, enrollment codes) and self-service TOTP enrolment. */
export const adminRoutes = new OpenAPIHono<AppEnv>()
  .route('/', staffAdminRoutes)
  .route('/', operationsRoutes)
  .route('/', totpRoutes);
