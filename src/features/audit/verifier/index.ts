export * from './log-format.js';
export * from './report.js';
export * from './verify-log.js';
