export { appealsRoutes } from './appeals.routes.js';
export { appealStatements, createAppeal } from './appeals.service.js';
export { addWorkingDays, chinaDate, endOfChinaDay } from './calendar.service.js';
export { type DeadlineRun, runDeadlines } from './deadlines.service.js';
export { deliverPending } from './webhooks.service.js';
