export { currentStaff, type RoleGuard, requireStaff } from './auth.middleware.js';
export { revokeAllSessions } from './sessions.service.js';
export { staffRoutes } from './staff.routes.js';
export { createStaff, loadActor, type StaffActor } from './staff.service.js';
