export { FLAG_WEIGHTS } from './flags.service.js';
export { moderatedTypes } from './items.js';
export { moderationRoutes } from './moderation.routes.js';
export { hiddenNotices, type ModerationNotice, moderationNotice, withModeration } from './tombstone.js';
