import { onShutdownSignal, runShutdownSteps, waitForDependenciesOrExit } from '@goodchatter/core';
import { createDatabase, postgresDependency } from '@goodchatter/db';
import { closeRedis, createRedis, redisDependency, redisTarget } from '@goodchatter/queues';
import { destination, pino } from 'pino';
import { loadScorerEnv } from './env.js';
import { startScorer } from './worker.js';

// Entry point when the scorer runs alone (its own container, or the crash test).
const env = loadScorerEnv();
// Standalone Redis, or a Redis Cluster (REDIS_CLUSTER_ENABLED).
const redisAt = redisTarget(env);
// Synchronous: lines stay in order, and the last one before an exit is written.
const logger = pino({ name: 'scorer', level: env.LOG_LEVEL }, destination({ sync: true }));
// Postgres answers once the migrations are applied: Postgres going away during them is
// waited out like any other start-up wait.
await waitForDependenciesOrExit([postgresDependency(env.DATABASE_URL, { migrate: true }), redisDependency(redisAt)], {
  timeoutMs: env.STARTUP_TIMEOUT_MS,
  log: logger,
});
const database = createDatabase(env.DATABASE_URL, { applicationName: 'goodchatter-scorer', logger });
const connection = createRedis(redisAt, 'worker', { logger });
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
onShutdownSignal(logger, () =>
  runShutdownSteps(logger, [
    ['stop scoring (batches in progress finish)', () => scorer.close()],
    ['close the Redis connection', () => closeRedis(connection)],
    ['close the Postgres pool', () => database.close()],
  ]),
);
