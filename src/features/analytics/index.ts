/**
 * Early warning (舆情预警) and hot topics. What other features and entries use:
 * - `analyticsRoutes`: staff alerts under /api/v1/staff/alerts, public /api/v1/hot-topics.
 * - `analyse(db, now)`: rebuild topics, raise or extend alerts; idempotent. `analyseDaily` runs it once a
 *   bureau day from the scheduled jobs.
 * - `runWeeklyDigest(db, now)`: the weekly alert digest for analysts, once per ISO week; idempotent.
 * - `analyseItems(items, { today })`: the same analysis as a pure function, for offline runs over an export.
 * - `createSegmenter()`: Chinese segmentation with the domain dictionary (Node and Workers alike).
 */
export { analyse, analyseDaily } from './analyse.service.js';
export { type AnalysisItem, analyseItems, dayOf } from './analysis.js';
export { analyticsRoutes } from './analytics.routes.js';
export { runWeeklyDigest } from './digest.service.js';
export { createSegmenter } from './text/segmenter.js';
