export { forumRoutes } from './forum.routes.js';
