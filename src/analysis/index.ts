export { findSites, worthAnalysing } from './sites.js';
export { analyzeSource, parseSource } from './parse.js';
export { applyFixes } from './fix-plan/apply.js';
export * from './types.js';
