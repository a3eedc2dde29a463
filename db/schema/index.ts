export * from './anonymity.js';
export * from './appeals.js';
export * from './organisation.js';
export * from './staff.js';
