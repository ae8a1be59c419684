import { createDatabase, type Database } from '@goodchatter/db';
import { createRedis } from '@goodchatter/queues';
import { createTestEnv, mentionInput, type TestEnv } from '@goodchatter/testing';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../app.js';
import { ADMIN_KEY } from '../test/api-harness.js';

// Nothing listens on port 1: a dependency that is away.
const AWAY_REDIS = 'redis://127.0.0.1:1';
const AWAY_PG = 'postgres://postgres@127.0.0.1:1/none';

let env: TestEnv;
let database: Database;
let redis: Redis;
let awayRedis: Redis;
let awayDatabase: Database;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  database = createDatabase(env.databaseUrl, { max: 2 });
  redis = createRedis(env.redisUrl, 'producer');
  // The Postgres test reads "Redis ok" from /readyz: the connection must be up whichever test runs first.
  if (redis.status !== 'ready') await new Promise((r) => redis.once('ready', r));
  awayRedis = createRedis(AWAY_REDIS, 'producer');
  awayRedis.on('error', () => {});
  awayDatabase = createDatabase(AWAY_PG, { max: 2 });
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  awayRedis.disconnect();
  redis.disconnect();
  await awayDatabase.close();
  await database.close();
  await env.cleanup();
});

async function app(deps: { database: Database; redis: Redis }) {
  const a = await buildApi({ ...deps, logger: false, queuePrefix: env.prefix, adminKey: ADMIN_KEY });
  apps.push(a);
  return a;
}
const auth = { authorization: `Bearer ${ADMIN_KEY}` };
const mention = mentionInput({ source: 'zendesk', text: 'Thanks Maria' });

describe('a dependency away while the API runs', () => {
  it('answers push ingest with 503 and Retry-After while Redis is away, and readyz names Redis', async () => {
    const a = await app({ database, redis: awayRedis });
    const res = await a.inject({ method: 'POST', url: '/v1/ingest', headers: auth, payload: { mentions: [mention] } });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json().error).toMatchObject({ code: 'unavailable', requestId: expect.any(String) });
    const ready = await a.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'down', redis: { status: 'down' }, postgres: { status: 'ok' } });
  });

  it('answers reads with 503 while Postgres is away, and readyz names Postgres', async () => {
    const a = await app({ database: awayDatabase, redis });
    const res = await a.inject({ method: 'GET', url: '/v1/mentions', headers: auth });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe('unavailable');
    const ready = await a.inject({ method: 'GET', url: '/readyz' });
    expect(ready.json()).toMatchObject({ postgres: { status: 'down' }, redis: { status: 'ok' } });
  });
});
