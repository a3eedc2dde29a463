import { OpenAPIHono } from '@hono/zod-openapi';
import { adminRoutes } from './features/admin/index.js';
import { analyticsRoutes } from './features/analytics/index.js';
import { appealsRoutes } from './features/appeals/appeals.routes.js';
import { auditRoutes } from './features/audit/index.js';
import { consoleRoutes } from './features/console/index.js';
import { explainerPages, explainersRoutes } from './features/explainers/index.js';
import { forumRoutes } from './features/forum/index.js';
import { healthRoutes } from './features/health/health.routes.js';
import { moderationRoutes } from './features/moderation/index.js';
import { noticesRoutes } from './features/notices/index.js';
import { organisationRoutes } from './features/organisation/organisation.routes.js';
import { ratingsPages, ratingsRoutes } from './features/ratings/index.js';
import { staffOidcVerifier, staffRoutes } from './features/staff/index.js';
import { surveysRoutes } from './features/surveys/index.js';
import { tokenService, tokensRoutes } from './features/tokens/index.js';
import { webRoutes } from './features/web/index.js';
import type { AppDeps, AppEnv } from './platform/http/env.js';
import { handleError, notFound } from './platform/http/error-handler.js';
import { inject, limitBody, requestLog, requireJson, securityHeaders } from './platform/http/middleware.js';

/**
 * The composition root: one Hono app for the Node entry, the Workers entry and every test.
 * @example const app = createApp({ db, clock: systemClock, config, secrets, signer, log })
 */
export function createApp(deps: AppDeps) {
  const services = {
    tokens: tokenService(deps),
    staffOidc: staffOidcVerifier(deps.config, deps.clock, deps.fetch),
  };
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', inject({ ...deps, ...services }));
  app.use('*', requestLog());
  app.use('*', securityHeaders());
  app.use('*', limitBody(deps.config.BODY_LIMIT_BYTES));
  app.use('/api/*', requireJson());

  app.route('/', healthRoutes);
  app.route('/', tokensRoutes);
  app.route('/', organisationRoutes);
  app.route('/', appealsRoutes);
  app.route('/', staffRoutes);
  app.route('/', analyticsRoutes);
  app.route('/', auditRoutes);
  app.route('/', moderationRoutes);
  app.route('/', adminRoutes);
  app.route('/', surveysRoutes);
  app.route('/', forumRoutes);
  app.route('/', noticesRoutes);
  app.route('/', explainersRoutes);
  app.route('/', explainerPages);
  app.route('/', ratingsRoutes);
  app.route('/', ratingsPages);
  app.route('/', consoleRoutes);
  app.route('/', webRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'PrivateToken', {
    type: 'http',
    scheme: 'PrivateToken',
    description: 'RFC 9577 Privacy Pass token (type 2, blind RSA). Obtain tokens from the issuer directory.',
  });
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Zhitong 直通 API', version: '1' },
  });

  app.notFound(notFound(app.routes));
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
