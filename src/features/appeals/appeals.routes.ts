import { router } from '../../platform/http/openapi.js';
import { followUpRoutes } from './follow-up.routes.js';
import { publicRoutes } from './public.routes.js';
import { settingsRoutes } from './settings.routes.js';
import { staffDeskRoutes } from './staff-desk.routes.js';

/** Every appeals route: public (posting, list, search, co-sign, statistics), author follow-up, staff desk, settings. */
export const appealsRoutes = router()
  .route('/', publicRoutes)
  .route('/', followUpRoutes)
  .route('/', staffDeskRoutes)
  .route('/', settingsRoutes);
