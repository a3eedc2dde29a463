import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.js';
import { assetRoutes } from './assets.routes.js';
import { forumPageRoutes } from './forum-pages.routes.js';
import { logPageRoutes } from './log-page.routes.js';
import { pageRoutes } from './pages.routes.js';
import { surveyPageRoutes } from './survey-pages.routes.js';

export type { ClientBundle } from './client-bundle.js';

/**
 * The public web app: server-rendered pages, the stylesheet, icons, manifest, service worker and the
 * wallet bundle. The bundle is built by `client-build.node.ts` (Node only, so not exported here).
 */
export const webRoutes = new Hono<AppEnv>()
  .route('/', pageRoutes)
  .route('/', forumPageRoutes)
  .route('/', surveyPageRoutes)
  .route('/', logPageRoutes)
  .route('/', assetRoutes);
