import { onShutdownSignal } from '@goodchatter/core';
import { createDatabase, runMigrations } from '@goodchatter/db';
import { createRedis } from '@goodchatter/queues';
import { pino } from 'pino';
import { loadNotifierEnv } from './env.js';
import { startNotifier } from './worker.js';

// Entry point when the notifier runs alone (its own container).
const env = loadNotifierEnv();
// Webhook URLs may carry tokens in their query string: never log them.
const logger = pino({ name: 'notifier', level: env.LOG_LEVEL });
await runMigrations(env.DATABASE_URL);
const database = createDatabase(env.DATABASE_URL, { applicationName: 'goodchatter-notifier' });
const connection = createRedis(env.REDIS_URL, 'worker');
const notifier = startNotifier({
  database,
  connection,
  prefix: env.QUEUE_PREFIX,
  logger,
  urls: env.WEBHOOK_URLS,
  timeoutMs: env.WEBHOOK_TIMEOUT_MS,
  maxAttempts: env.WEBHOOK_MAX_ATTEMPTS,
  concurrency: env.NOTIFIER_CONCURRENCY,
  lockDurationMs: env.JOB_LOCK_MS,
});
logger.info({ targets: env.WEBHOOK_URLS.length }, 'notifier started');
onShutdownSignal(logger, async () => {
  await notifier.close();
  connection.disconnect();
  await database.close();
});
