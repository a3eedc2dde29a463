export { noticesRoutes } from './notices.routes.js';
export { noticesForAppeal } from './notices.service.js';
