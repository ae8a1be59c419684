import { createDatabase, type Database, ensureQuery, listRejections } from '@goodchatter/db';
import {
  createQueue,
  createRedis,
  createWorker,
  OUTAGE_PREFIX,
  QUEUES,
  reviveOutageFailures,
} from '@goodchatter/queues';
import { createTestEnv, type TestEnv, waitFor } from '@goodchatter/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreBatch } from './processors/score.js';
import { createQueryContexts } from './query-context.js';

let env: TestEnv;
let database: Database;
let redis: Redis;

beforeAll(async () => {
  env = await createTestEnv();
  database = createDatabase(env.databaseUrl, { max: 2 });
  redis = createRedis(env.redisUrl, 'worker');
});
afterAll(async () => {
  redis.disconnect();
  await database.close();
  await env.cleanup();
});

const good = (i: number, over: Record<string, unknown> = {}) => ({
  source: 'push',
  externalId: `good-${i}`,
  text: `Maria was wonderful, thank you ${i}`,
  author: { handle: `user${i}` },
  postedAt: '2026-11-01T00:00:00Z',
  ...over,
});

const storedIds = async () =>
  (
    await database.pool.query<{ external_id: string }>('SELECT external_id FROM mentions ORDER BY external_id')
  ).rows.map((r) => r.external_id);

describe('a poisoned score batch', () => {
  it('stores every good item and sets each bad one aside with its reason', async () => {
    const notifyQueue = createQueue(QUEUES.notify, { connection: redis, prefix: env.prefix });
    const deleted = await ensureQuery(database.db, { brand: 'Acme', source: 'replay', query: '/tmp/gone.jsonl' });
    await database.pool.query('DELETE FROM tracked_queries WHERE id = $1', [deleted.id]);
    const mentions: unknown[] = [
      ...Array.from({ length: 19 }, (_, i) => good(i)),
      good(100, { externalId: 'bad-followers', author: { handle: 'x', followers: 3_000_000_000 } }),
      good(101, { externalId: 'bad-nul', text: 'nul \u0000 here' }),
      good(102, { externalId: 'bad-handle', author: { handle: 'a\u0000b' } }),
      good(103, { externalId: 'bad-year', postedAt: '0000-01-01T00:00:00Z' }),
      good(104, { externalId: 'bad-surrogate', text: 'lone \ud800 surrogate' }),
      'not even an object',
      // Valid, but its tracked query was deleted while it waited: stored without the query.
      good(105, { externalId: 'orphan', queryId: deleted.id }),
    ];
    const contexts = createQueryContexts(database.db, {});
    const out = await scoreBatch({ database, notifyQueue, contexts }, { mentions, enqueuedAt: Date.now() });
    expect(out).toMatchObject({ received: 26, inserted: 20, rejected: 6 });
    const ids = await storedIds();
    expect(ids).toHaveLength(20);
    expect(ids).toContain('orphan');
    const page = await listRejections(database.db, { limit: 100 });
    expect(page.data.map((r) => r.reason).sort()).toEqual(
      [
        'author.followers: Too big: expected number to be <=2147483647',
        'author.handle: must not contain NUL bytes or unpaired surrogates',
        'mention: Invalid input: expected object, received string',
        'postedAt: must be on or after 1970-01-01T00:00:00Z',
        'text: must not contain NUL bytes or unpaired surrogates',
        'text: must not contain NUL bytes or unpaired surrogates',
      ].sort(),
    );
    const nul = page.data.find((r) => r.externalId === 'bad-nul');
    expect(nul).toMatchObject({ stage: 'score', source: 'push' });
    expect(JSON.parse(nul?.payload ?? '{}').text).toBe('nul \u0000 here');
    await notifyQueue.close();
  });
});

describe('jobs that failed during an outage', () => {
  it('are tagged as outages and queued again with fresh attempts; poison stays failed', async () => {
    const prefix = `${env.prefix}-outage`;
    const queue = createQueue(QUEUES.score, { connection: redis, prefix });
    let dbAway = true;
    const worker = createWorker(
      QUEUES.score,
      async (payload) => {
        const first = payload.mentions[0] as { externalId: string };
        if (first.externalId === 'poison') throw new Error('cannot be stored');
        if (dbAway) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        return 'stored';
      },
      { connection: redis, prefix, onError: () => {} },
    );
    const opts = { attempts: 2, backoff: { type: 'fixed' as const, delay: 10 } };
    await queue.add('batch', { mentions: [good(1)], enqueuedAt: Date.now() }, { ...opts, jobId: 'outage' });
    await queue.add(
      'batch',
      { mentions: [good(2, { externalId: 'poison' })], enqueuedAt: Date.now() },
      { ...opts, jobId: 'poison' },
    );
    await waitFor('both jobs failed', async () => (await queue.getFailedCount()) === 2);
    const outage = await queue.getJob('outage');
    expect(outage?.failedReason).toBe(`${OUTAGE_PREFIX}connect ECONNREFUSED 127.0.0.1:5432`);
    expect(outage?.attemptsMade).toBe(2);

    dbAway = false;
    expect(await reviveOutageFailures(queue)).toBe(1);
    await waitFor('the revived job completed', async () => (await queue.getJobState('outage')) === 'completed');
    expect(await queue.getJobState('poison')).toBe('failed');
    expect(await reviveOutageFailures(queue)).toBe(0);
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  });
});
