export * from './classification.js';
export * from './env.js';
export * from './labels.js';
export * from './lifecycle.js';
export * from './mention.js';
