import { createDatabase, ensureQuery, listEnabledQueries } from '@goodchatter/db';
import { createQueue, createRedis, pollSchedulerId, QUEUES } from '@goodchatter/queues';
import { createTestEnv } from '@goodchatter/testing';
import { describe, expect, it } from 'vitest';
import { syncSchedules } from './schedules.js';

describe('syncSchedules', () => {
  it('keeps one scheduler per enabled query at its interval, and drops the rest', async () => {
    const env = await createTestEnv();
    const database = createDatabase(env.databaseUrl, { max: 2 });
    const redis = createRedis(env.redisUrl, 'worker');
    const queue = createQueue(QUEUES.poll, { connection: redis, prefix: env.prefix });
    try {
      const { db } = database;
      const a = await ensureQuery(db, { brand: 'A', source: 'x', query: 'a', pollIntervalMs: 15_000 });
      const b = await ensureQuery(db, { brand: 'B', source: 'x', query: 'b', pollIntervalMs: 60_000 });
      await syncSchedules(queue, await listEnabledQueries(db));
      const every = async () =>
        Object.fromEntries((await queue.getJobSchedulers(0, -1)).map((s) => [s.key, Number(s.every)]));
      expect(await every()).toEqual({ [pollSchedulerId(a.id)]: 15_000, [pollSchedulerId(b.id)]: 60_000 });

      await database.pool.query('UPDATE tracked_queries SET poll_interval_ms = 30000 WHERE id = $1', [a.id]);
      await database.pool.query('UPDATE tracked_queries SET enabled = false WHERE id = $1', [b.id]);
      await syncSchedules(queue, await listEnabledQueries(db));
      expect(await every()).toEqual({ [pollSchedulerId(a.id)]: 30_000 });
      await syncSchedules(queue, []);
      expect(await every()).toEqual({});
    } finally {
      await queue.close();
      redis.disconnect();
      await database.close();
      await env.cleanup();
    }
  });
});
