import { onShutdownSignal, runShutdownSteps, waitForDependenciesOrExit } from '@goodchatter/core';
import { createDatabase, postgresDependency } from '@goodchatter/db';
import { closeRedis, createRedis, redisDependency, redisTarget } from '@goodchatter/queues';
import { destination, pino } from 'pino';
import { missingAdminKeyWarning } from './admin-key-check.js';
import { buildApi } from './app.js';
import { apiOptionsFromEnv, loadApiEnv } from './env.js';

// Entry point when the API runs alone (its own container).
const env = loadApiEnv();
// Standalone Redis, or a Redis Cluster (REDIS_CLUSTER_ENABLED).
const redisAt = redisTarget(env);
// Synchronous: lines stay in order, and the last one before an exit is written.
const logger = pino({ name: 'api', level: env.LOG_LEVEL }, destination({ sync: true }));
// Postgres answers once the migrations are applied: Postgres going away during them is
// waited out like any other start-up wait.
await waitForDependenciesOrExit([postgresDependency(env.DATABASE_URL, { migrate: true }), redisDependency(redisAt)], {
  timeoutMs: env.STARTUP_TIMEOUT_MS,
  log: logger,
});
const database = createDatabase(env.DATABASE_URL, { applicationName: 'goodchatter-api', logger });
// Lists, reports and exports may read a replica; it is not waited for at start (a replica
// down shows in /readyz, and its reads fail with 503 until it is back).
const readDatabase = env.DATABASE_READ_URL
  ? createDatabase(env.DATABASE_READ_URL, { applicationName: 'goodchatter-api-reads', logger })
  : undefined;
const redis = createRedis(redisAt, 'producer', { logger });
const app = await buildApi({ database, readDatabase, redis, logger, ...apiOptionsFromEnv(env) });
await app.listen({ port: env.PORT, host: env.HOST });
const keyWarning = await missingAdminKeyWarning(database.db, env.GOODCHATTER_ADMIN_KEY);
if (keyWarning) logger.warn(keyWarning);
onShutdownSignal(logger, () =>
  runShutdownSteps(logger, [
    ['stop serving (in-flight requests finish)', () => app.close()],
    ['close the Redis connection', () => closeRedis(redis)],
    ['close the Postgres pool', () => database.close()],
    ['close the read replica pool', async () => readDatabase?.close()],
  ]),
);
