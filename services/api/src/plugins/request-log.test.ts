import { Writable } from 'node:stream';
import { createDatabase, type Database } from '@goodchatter/db';
import { createRedis } from '@goodchatter/queues';
import { createTestEnv, type TestEnv } from '@goodchatter/testing';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApi } from '../app.js';

let env: TestEnv;
let database: Database;
let redis: Redis;
let app: FastifyInstance;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  database = createDatabase(env.databaseUrl);
  redis = createRedis(env.redisUrl, 'producer');
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  app = await buildApi({ database, redis, logger: pino({ level: 'info' }, sink), queuePrefix: env.prefix });
});
afterAll(async () => {
  await app.close();
  redis.disconnect();
  await database.close();
  await env.cleanup();
});

describe('request logging', () => {
  it('writes one line per request, when it is answered, without the query string', async () => {
    lines.length = 0;
    await app.inject({ url: '/healthz' });
    await app.inject({ url: '/v1/mentions?q=secret%20words' });
    expect(lines.map((l) => l.msg)).toEqual([
      expect.stringMatching(/^GET \/healthz 200 \d+ ms$/),
      expect.stringMatching(/^GET \/v1\/mentions 401 \d+ ms$/),
    ]);
    expect(lines[1]).toMatchObject({ method: 'GET', path: '/v1/mentions', statusCode: 401 });
    expect(JSON.stringify(lines)).not.toContain('secret');
  });
});
