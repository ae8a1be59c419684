import { adminSignInPath, apiOptionsFromEnv, buildApi } from '@goodchatter/api';
import { runShutdownSteps, waitForDependencies } from '@goodchatter/core';
import { createDatabase, postgresDependency, type TrackedQuery } from '@goodchatter/db';
import { buildSources, ensureDemoQuery, startIngest } from '@goodchatter/ingest';
import { notifierSettings, startNotifier } from '@goodchatter/notifier';
import { closeRedis, createRedis, redisTarget } from '@goodchatter/queues';
import { startScorer } from '@goodchatter/scorer';
import type { Logger } from 'pino';
import type { StackEnv } from './env.js';
import { prepareWebAssets } from './web-assets.js';

export interface Stack {
  apiUrl: string;
  demoQuery?: TrackedQuery;
  /** Brings poll schedules in line with the tracked queries now (tests, after adding one). */
  syncSchedules(): Promise<void>;
  /** A one-time link that signs a browser into the care app with the admin key (none without one). */
  signInUrl(): Promise<string | undefined>;
  close(): Promise<void>;
}

/**
 * All four services in one process, meeting only through Redis and Postgres exactly as
 * separate containers do. Close order: stop intake (ingest), drain scoring, drain
 * notifications, stop serving, then the connections.
 */
export async function startStack(env: StackEnv, logger: Logger): Promise<Stack> {
  // Postgres may go away between the start-up check and the migrations: wait that out too.
  await waitForDependencies([postgresDependency(env.DATABASE_URL, { migrate: true })], {
    timeoutMs: env.STARTUP_TIMEOUT_MS,
    log: logger,
  });
  const database = createDatabase(env.DATABASE_URL, { max: 20, applicationName: 'goodchatter-stack', logger });
  // The API's lists and reports may read a replica (DATABASE_READ_URL), as in its own container.
  const readDatabase = env.DATABASE_READ_URL
    ? createDatabase(env.DATABASE_READ_URL, { applicationName: 'goodchatter-stack-reads', logger })
    : undefined;
  // Standalone Redis, or a Redis Cluster (REDIS_CLUSTER_ENABLED) for every service.
  const redisAt = redisTarget(env);
  const workerRedis = createRedis(redisAt, 'worker', { logger });
  const apiRedis = createRedis(redisAt, 'producer', { logger });
  const prefix = env.QUEUE_PREFIX;
  const lockDurationMs = env.JOB_LOCK_MS;

  const demoQuery = await ensureDemoQuery(database.db, env);

  const common = { database, connection: workerRedis, prefix, lockDurationMs };
  const notifier = startNotifier({
    ...common,
    ...notifierSettings(env),
    logger: logger.child({ service: 'notifier' }),
  });
  const scorer = startScorer({
    ...common,
    logger: logger.child({ service: 'scorer' }),
    concurrency: env.SCORER_CONCURRENCY,
    praiseThreshold: env.PRAISE_THRESHOLD,
  });
  const ingestLogger = logger.child({ service: 'ingest' });
  const ingest = await startIngest({
    ...common,
    logger: ingestLogger,
    sources: buildSources(env, ingestLogger),
    concurrency: env.POLL_CONCURRENCY,
    syncEveryMs: env.SCHEDULE_SYNC_MS,
  });
  const app = await buildApi({
    database,
    readDatabase,
    redis: apiRedis,
    logger: logger.child({ service: 'api' }),
    ...apiOptionsFromEnv(env),
    // The care app: WEB_ROOT when set, else built from services/web (cached) so `pnpm start` needs no build.
    webRoot: env.WEB_ROOT ?? (await prepareWebAssets(logger)),
  });
  const address = await app.listen({ port: env.PORT, host: env.HOST });
  const port = new URL(address).port;

  return {
    apiUrl: `http://localhost:${port}`,
    demoQuery,
    syncSchedules: () => ingest.syncNow(),
    signInUrl: async () => {
      const key = env.GOODCHATTER_ADMIN_KEY;
      if (!key) return undefined;
      return `http://localhost:${port}${await adminSignInPath(database.db, key, env.SIGN_IN_LINK_TTL_MINUTES)}`;
    },
    close: () =>
      runShutdownSteps(logger, [
        ['stop intake (ingest; a poll in progress finishes)', () => ingest.close()],
        ['let the scorer finish its current batches', () => scorer.close()],
        ['let the notifier finish the deliveries in flight', () => notifier.close()],
        ['stop serving the API', () => app.close()],
        ['close the Redis connections', () => Promise.all([closeRedis(workerRedis), closeRedis(apiRedis)])],
        ['close the Postgres pools', () => Promise.all([database.close(), readDatabase?.close()])],
      ]),
  };
}
