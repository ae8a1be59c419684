// What other parts (the one-process stack, tests, benchmarks) import; index.ts is the entry point.

export { ensureDemoQuery } from './demo.js';
export { assertSourceSettings, IngestEnv, loadIngestEnv } from './env.js';
export { type PollOutcome, pollQuery } from './processors/poll.js';
export { syncSchedules } from './schedules.js';
export { buildSources } from './sources.js';
export { type Ingest, type IngestDeps, startIngest } from './worker.js';
