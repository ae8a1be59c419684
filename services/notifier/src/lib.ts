// What other parts (the one-process stack, tests, benchmarks) import; index.ts is the entry point.
export { loadNotifierEnv, NotifierEnv, notifierSettings } from './env.js';
export { refusedReason } from './http/address-policy.js';
export { signBody, verifySignature } from './signature.js';
export { type Notifier, type NotifierDeps, startNotifier } from './worker.js';
