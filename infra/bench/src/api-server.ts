// The servers the API benchmark measures, in a process of their own so that the load
// generator does not share their event loop. Prints one JSON line when listening.
import { buildApi } from '@goodchatter/api';
import { createApiKey, createDatabase } from '@goodchatter/db';
import { closeRedis, createRedis } from '@goodchatter/queues';
import Fastify from 'fastify';

const { DATABASE_URL, REDIS_URL, QUEUE_PREFIX } = process.env;
if (!DATABASE_URL || !REDIS_URL || !QUEUE_PREFIX) throw new Error('DATABASE_URL, REDIS_URL, QUEUE_PREFIX required');

const database = createDatabase(DATABASE_URL, { max: 16 });
const redis = createRedis(REDIS_URL, 'producer');
const app = await buildApi({ database, redis, logger: false, queuePrefix: QUEUE_PREFIX, rateLimit: false });
const { key } = await createApiKey(database.db, { name: 'bench', scopes: ['read'] });
const apiUrl = await app.listen({ port: 0, host: '127.0.0.1' });
// The same API with identical in-flight reads not shared: every request runs its own query.
const unshared = await buildApi({
  database,
  redis,
  logger: false,
  queuePrefix: QUEUE_PREFIX,
  rateLimit: false,
  readCacheMs: false,
});
const unsharedUrl = await unshared.listen({ port: 0, host: '127.0.0.1' });

// The floor: Fastify answering the feed's own JSON from memory, no auth, no database.
const feed = await app.inject({ method: 'GET', url: '/v1/feed', headers: { authorization: `Bearer ${key}` } });
const cached = feed.json();
const bare = Fastify({ logger: false });
bare.get('/v1/feed', async () => cached);
const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });

process.stdout.write(`${JSON.stringify({ apiUrl, unsharedUrl, bareUrl, key, feedItems: cached.data.length })}\n`);
process.on('message', async () => {
  await app.close();
  await unshared.close();
  await bare.close();
  await closeRedis(redis);
  await database.close();
  process.exit(0);
});
