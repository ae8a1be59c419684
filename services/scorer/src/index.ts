import { onShutdownSignal } from '@goodchatter/core';
import { createDatabase, runMigrations } from '@goodchatter/db';
import { createRedis } from '@goodchatter/queues';
import { pino } from 'pino';
import { loadScorerEnv } from './env.js';
import { startScorer } from './worker.js';

// Entry point when the scorer runs alone (its own container, or the crash test).
const env = loadScorerEnv();
const logger = pino({ name: 'scorer', level: env.LOG_LEVEL });
await runMigrations(env.DATABASE_URL);
const database = createDatabase(env.DATABASE_URL, { applicationName: 'goodchatter-scorer' });
const connection = createRedis(env.REDIS_URL, 'worker');
const scorer = startScorer({
  database,
  connection,
  prefix: env.QUEUE_PREFIX,
  logger,
  concurrency: env.SCORER_CONCURRENCY,
  lockDurationMs: env.JOB_LOCK_MS,
  praiseThreshold: env.PRAISE_THRESHOLD,
});
logger.info('scorer started');
onShutdownSignal(logger, async () => {
  await scorer.close();
  connection.disconnect();
  await database.close();
});
