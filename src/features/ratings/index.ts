export { ensureRatingKeys } from './rating-scope.service.js';
export { ratingsPages } from './ratings.pages.js';
export { ratingsRoutes } from './ratings.routes.js';
