export { explainerPages } from './explainers.pages.js';
export { explainersRoutes } from './explainers.routes.js';
export { explainersForAppeal } from './explainers-read.service.js';
