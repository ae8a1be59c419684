// What other parts (the one-process stack, tests, benchmarks) import; index.ts is the entry point.

export { type ApiDeps, buildApp } from './app.js';
export { ApiEnv, loadApiEnv } from './env.js';
