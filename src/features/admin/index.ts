import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../platform/http/env.js';
import { operationsRoutes } from './operations.routes.js';
import { organisationAdminRoutes } from './organisation.routes.js';
import { settingsRoutes } from './settings.routes.js';
import { staffAdminRoutes } from './staff-admin.routes.js';
import { totpRoutes } from './totp.routes.js';

export { updateCategory } from './categories.service.js';
export {
  createCodeBatch,
  revokeCodeBatch,
  revokeOneCode,
  rotateIssuerKeysLogged,
  rotateSaltsLogged,
} from './operations.service.js';
export { purgeExpired } from './retention.service.js';
export { getSettings, type Settings, withBudgetSettings } from './settings.service.js';

/** Admin API (staff, organisation, settings, rotations, enrollment codes) and self-service TOTP enrolment. */
export const adminRoutes = new OpenAPIHono<AppEnv>()
  .route('/', staffAdminRoutes)
  .route('/', operationsRoutes)
  .route('/', organisationAdminRoutes)
  .route('/', settingsRoutes)
  .route('/', totpRoutes);
