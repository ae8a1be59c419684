import { onShutdownSignal } from '@goodchatter/core';
import { createDatabase, runMigrations } from '@goodchatter/db';
import { createRedis } from '@goodchatter/queues';
import { pino } from 'pino';
import { loadNotifierEnv, notifierSettings } from './env.js';
import { startNotifier } from './worker.js';

// Entry point when the notifier runs alone (its own container).
const env = loadNotifierEnv();
// Subscription URLs may carry tokens and secrets sign requests: neither is ever logged.
const logger = pino({ name: 'notifier', level: env.LOG_LEVEL });
await runMigrations(env.DATABASE_URL);
const database = createDatabase(env.DATABASE_URL, { applicationName: 'goodchatter-notifier' });
const connection = createRedis(env.REDIS_URL, 'worker');
const notifier = startNotifier({ database, connection, prefix: env.QUEUE_PREFIX, logger, ...notifierSettings(env) });
logger.info({ allowPrivate: env.WEBHOOK_ALLOW_PRIVATE }, 'notifier started');
onShutdownSignal(logger, async () => {
  await notifier.close();
  connection.disconnect();
  await database.close();
});
