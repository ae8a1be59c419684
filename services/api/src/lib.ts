// What other parts (the one-process stack, tests, benchmarks) import; index.ts is the entry point.

export { type ApiDeps, buildApi } from './app.js';
export { ApiEnv, apiOptionsFromEnv, loadApiEnv } from './env.js';
export { adminSignInPath, signInPath } from './sign-in-link.js';
