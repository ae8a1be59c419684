import { onShutdownSignal, runShutdownSteps, waitForDependenciesOrExit } from '@goodchatter/core';
import { createDatabase, postgresDependency } from '@goodchatter/db';
import { closeRedis, createRedis, redisDependency, redisTarget } from '@goodchatter/queues';
import { destination, pino } from 'pino';
import { loadNotifierEnv, notifierSettings } from './env.js';
import { startNotifier } from './worker.js';

// Entry point when the notifier runs alone (its own container).
const env = loadNotifierEnv();
// Standalone Redis, or a Redis Cluster (REDIS_CLUSTER_ENABLED).
const redisAt = redisTarget(env);
// Subscription URLs may carry tokens and secrets sign requests: neither is ever logged.
// Synchronous: lines stay in order, and the last one before an exit is written.
const logger = pino({ name: 'notifier', level: env.LOG_LEVEL }, destination({ sync: true }));
// Postgres answers once the migrations are applied: Postgres going away during them is
// waited out like any other start-up wait.
await waitForDependenciesOrExit([postgresDependency(env.DATABASE_URL, { migrate: true }), redisDependency(redisAt)], {
  timeoutMs: env.STARTUP_TIMEOUT_MS,
  log: logger,
});
const database = createDatabase(env.DATABASE_URL, { applicationName: 'goodchatter-notifier', logger });
const connection = createRedis(redisAt, 'worker', { logger });
const notifier = startNotifier({ database, connection, prefix: env.QUEUE_PREFIX, logger, ...notifierSettings(env) });
logger.info({ allowPrivate: env.WEBHOOK_ALLOW_PRIVATE }, 'notifier started');
onShutdownSignal(logger, () =>
  runShutdownSteps(logger, [
    ['stop delivering (requests in flight finish)', () => notifier.close()],
    ['close the Redis connection', () => closeRedis(connection)],
    ['close the Postgres pool', () => database.close()],
  ]),
);
