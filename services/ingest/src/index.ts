import { onShutdownSignal, runShutdownSteps, waitForDependenciesOrExit } from '@goodchatter/core';
import { createDatabase, postgresDependency } from '@goodchatter/db';
import { closeRedis, createRedis, redisDependency, redisTarget } from '@goodchatter/queues';
import { destination, pino } from 'pino';
import { ensureDemoQuery } from './demo.js';
import { loadIngestEnv } from './env.js';
import { buildSources } from './sources.js';
import { startIngest } from './worker.js';

// Entry point when the ingest service runs alone (its own container).
const env = loadIngestEnv();
// Standalone Redis, or a Redis Cluster (REDIS_CLUSTER_ENABLED).
const redisAt = redisTarget(env);
// Synchronous: lines stay in order, and the last one before an exit is written.
const logger = pino({ name: 'ingest', level: env.LOG_LEVEL }, destination({ sync: true }));
// Postgres answers once the migrations are applied: Postgres going away during them is
// waited out like any other start-up wait.
await waitForDependenciesOrExit([postgresDependency(env.DATABASE_URL, { migrate: true }), redisDependency(redisAt)], {
  timeoutMs: env.STARTUP_TIMEOUT_MS,
  log: logger,
});
const database = createDatabase(env.DATABASE_URL, { applicationName: 'goodchatter-ingest', logger });
const connection = createRedis(redisAt, 'worker', { logger });
const demo = await ensureDemoQuery(database.db, env);
if (demo) logger.info({ queryId: demo.id, file: demo.query }, 'demo query registered');
const ingest = await startIngest({
  database,
  connection,
  prefix: env.QUEUE_PREFIX,
  logger,
  sources: buildSources(env, logger),
  concurrency: env.POLL_CONCURRENCY,
  lockDurationMs: env.JOB_LOCK_MS,
  syncEveryMs: env.SCHEDULE_SYNC_MS,
});
logger.info('ingest started');

onShutdownSignal(logger, () =>
  runShutdownSteps(logger, [
    ['stop polling (a poll in progress finishes)', () => ingest.close()],
    ['close the Redis connection', () => closeRedis(connection)],
    ['close the Postgres pool', () => database.close()],
  ]),
);
