import type { ChildProcess } from 'node:child_process';
import { createDatabase, type Database, ensureQuery, getQuery } from '@goodchatter/db';
import { createQueue, createRedis, QUEUES, requestPollNow } from '@goodchatter/queues';
import { startScorer } from '@goodchatter/scorer';
import { createTestEnv, type FakeX, spawnService, startFakeX, type TestEnv, waitFor } from '@goodchatter/testing';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BEARER = 'crash-test-token';
const TOTAL = 1500; // 15 pages of 100
let env: TestEnv;
let fx: FakeX;
let database: Database;
let redis: Redis;
const children: ChildProcess[] = [];

/** The ingest service as its own process, started the way its container starts it. */
function spawnIngest(): ChildProcess {
  const child = spawnService('ingest', env, {
    X_BEARER_TOKEN: BEARER,
    X_API_BASE_URL: fx.url,
    DEMO: 'off',
    // A killed ingest's poll job is taken over this soon.
    JOB_LOCK_MS: '1500',
  });
  children.push(child);
  return child;
}

beforeAll(async () => {
  env = await createTestEnv();
  fx = await startFakeX({ bearerToken: BEARER });
  database = createDatabase(env.databaseUrl, { max: 4 });
  redis = createRedis(env.redisUrl, 'worker');
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  redis.disconnect();
  await database.close();
  await fx.close();
  await env.cleanup();
});

describe('an ingest process killed while draining pages', () => {
  it('re-polls from the old checkpoint after a restart: every tweet stored once', { timeout: 180_000 }, async () => {
    const all = fx.addTweets(
      Array.from({ length: TOTAL }, (_, i) => ({ text: `@AcmeAir thanks ${i}`, createdAt: new Date(Date.now() - i) })),
    );
    const newest = fx.tweets[0]?.id; // the store keeps them newest first
    // Slow pages, so the kill lands mid-drain.
    for (let i = 0; i < (2 * TOTAL) / 100; i++) fx.failNext({ delayMs: 150 });
    const q = await ensureQuery(database.db, { brand: 'Acme Air', source: 'x', query: '@AcmeAir' });
    const pollQueue = createQueue(QUEUES.poll, { connection: redis, prefix: env.prefix });

    const first = spawnIngest();
    await requestPollNow(pollQueue, q.id);
    await waitFor('pages being drained', () => fx.searchRequests().length >= 5, { timeoutMs: 30_000 });
    first.kill('SIGKILL'); // no graceful close: the poll dies between pages
    await new Promise((r) => first.once('exit', r));
    const drainedBeforeKill = fx.searchRequests().length;
    expect(drainedBeforeKill).toBeLessThan(TOTAL / 100);
    expect((await getQuery(database.db, q.id))?.checkpoint).toBeNull();

    const second = spawnIngest();
    await waitFor('the drain to finish', async () => (await getQuery(database.db, q.id))?.checkpoint === newest, {
      timeoutMs: 60_000,
    });
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));
    await pollQueue.close();
    // Both drains started at the lookback (the checkpoint was never saved mid-drain).
    const starts = fx.searchRequests().filter((r) => r.query.next_token === undefined);
    expect(starts.length).toBe(2);
    expect(starts.every((r) => r.query.start_time !== undefined && r.query.since_id === undefined)).toBe(true);

    // Score what both processes enqueued: the repeats collapse on (source, external id).
    const scoreQueue = createQueue(QUEUES.score, { connection: redis, prefix: env.prefix });
    const enqueued = (await scoreQueue.getJobs(['waiting'])).reduce((n, j) => n + j.data.mentions.length, 0);
    await scoreQueue.close();
    // More than TOTAL: the pages enqueued before the kill were read and enqueued again.
    expect(enqueued).toBeGreaterThan(TOTAL);
    expect(enqueued).toBeLessThanOrEqual(TOTAL + drainedBeforeKill * 100);
    const scorer = startScorer({ database, connection: redis, prefix: env.prefix, logger: pino({ level: 'silent' }) });
    try {
      await waitFor('every tweet stored', async () => {
        const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM mentions');
        return rows[0].n >= TOTAL;
      });
      const scoreDone = createQueue(QUEUES.score, { connection: redis, prefix: env.prefix });
      await waitFor(
        'the score queue drained',
        async () => (await scoreDone.getJobCounts('waiting', 'active')).waiting === 0,
      );
      await scoreDone.close();
    } finally {
      await scorer.close();
    }
    const { rows } = await database.pool.query<{ external_id: string }>('SELECT external_id FROM mentions');
    expect(rows.map((r) => r.external_id).sort()).toEqual(all.map((t) => t.id).sort());
  });
});
