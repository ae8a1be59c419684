import { onShutdownSignal } from '@goodchatter/core';
import { createDatabase, runMigrations } from '@goodchatter/db';
import { createRedis } from '@goodchatter/queues';
import { pino } from 'pino';
import { ensureDemoQuery } from './demo.js';
import { loadIngestEnv } from './env.js';
import { buildSources } from './sources.js';
import { startIngest } from './worker.js';

// Entry point when the ingest service runs alone (its own container).
const env = loadIngestEnv();
const logger = pino({ name: 'ingest', level: env.LOG_LEVEL });
await runMigrations(env.DATABASE_URL);
const database = createDatabase(env.DATABASE_URL, { applicationName: 'goodchatter-ingest' });
const connection = createRedis(env.REDIS_URL, 'worker');
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

onShutdownSignal(logger, async () => {
  // Order: stop intake, let active jobs finish, then close connections.
  await ingest.close();
  connection.disconnect();
  await database.close();
});
