import { onShutdownSignal } from '@goodchatter/core';
import { createDatabase, runMigrations } from '@goodchatter/db';
import { createRedis } from '@goodchatter/queues';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { apiOptionsFromEnv, loadApiEnv } from './env.js';

// Entry point when the API runs alone (its own container).
const env = loadApiEnv();
const logger = pino({ name: 'api', level: env.LOG_LEVEL });
await runMigrations(env.DATABASE_URL);
const database = createDatabase(env.DATABASE_URL, { applicationName: 'goodchatter-api' });
const redis = createRedis(env.REDIS_URL, 'producer');
const app = await buildApp({ database, redis, logger, ...apiOptionsFromEnv(env) });
await app.listen({ port: env.PORT, host: env.HOST });
onShutdownSignal(logger, async () => {
  await app.close();
  redis.disconnect();
  await database.close();
});
