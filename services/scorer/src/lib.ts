// What other parts (the one-process stack, tests, benchmarks) import; index.ts is the entry point.
export { loadScorerEnv, ScorerEnv } from './env.js';
export { scoreBatch } from './processors/score.js';
export { brandTermsOf, createQueryContexts, type QueryContexts } from './query-context.js';
export { type RescoreResult, rescore } from './rescore.js';
export { type Scorer, type ScorerDeps, startScorer } from './worker.js';
