// What other parts (the one-process stack, tests, benchmarks) import; index.ts is the entry point.
export { loadNotifierEnv, NotifierEnv } from './env.js';
export { type Notifier, type NotifierDeps, startNotifier } from './worker.js';
