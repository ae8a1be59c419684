// What other parts (the one-process stack, tests, benchmarks) import; index.ts is the entry point.
export { loadScorerEnv, ScorerEnv } from './env.js';
export { scoreBatch } from './processors/score.js';
export { type Scorer, type ScorerDeps, startScorer } from './worker.js';
