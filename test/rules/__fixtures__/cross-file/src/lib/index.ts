export * from './aws.js';
export * as Aws from './aws.js';
