export { finaliseClosedSurveys } from './surveys.service.js';

import { router } from '../../platform/http/openapi.js';
import { surveyIssuerRoutes } from './survey-issuer.routes.js';
import { surveyStaffRoutes } from './survey-staff.routes.js';
import { surveyPublicRoutes } from './surveys.routes.js';

/** Surveys (网上调查): public reading and answering, staff building, and each survey's own issuer. */
export const surveysRoutes = router()
  .route('/', surveyPublicRoutes)
  .route('/', surveyStaffRoutes)
  .route('/', surveyIssuerRoutes);
