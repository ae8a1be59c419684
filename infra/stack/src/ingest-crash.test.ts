/**
 * An ingest process killed mid-drain on X, on Mastodon and on Bluesky: the restarted
 * process re-polls from the old checkpoint, and every post is stored exactly once. It takes
 * the ingest service as its own process and the scorer, so it lives with the stack's tests.
 */
import type { ChildProcess } from 'node:child_process';
import { createDatabase, type Database, ensureQuery, getQuery } from '@goodchatter/db';
import { createQueue, createRedis, QUEUES, requestPollNow } from '@goodchatter/queues';
import { startScorer } from '@goodchatter/scorer';
import {
  createTestEnv,
  type FakeBluesky,
  type FakeMastodon,
  type FakeX,
  spawnService,
  startFakeBluesky,
  startFakeMastodon,
  startFakeX,
  type TestEnv,
} from '@goodchatter/testing';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BEARER = 'crash-test-token';
let env: TestEnv;
let fx: FakeX;
let fm: FakeMastodon;
let fb: FakeBluesky;
let database: Database;
let redis: Redis;
const children: ChildProcess[] = [];

/** The ingest service as its own process, started the way its container starts it. */
function spawnIngest(): ChildProcess {
  const child = spawnService('ingest', env, {
    X_BEARER_TOKEN: BEARER,
    X_API_BASE_URL: fx.url,
    MASTODON_URL: fm.url,
    BLUESKY_SERVICE: fb.url,
    BLUESKY_IDENTIFIER: fb.handle,
    BLUESKY_APP_PASSWORD: fb.appPassword,
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
  fm = await startFakeMastodon();
  fb = await startFakeBluesky();
  database = createDatabase(env.databaseUrl, { max: 4 });
  redis = createRedis(env.redisUrl, 'worker');
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  redis.disconnect();
  await database.close();
  await Promise.all([fx.close(), fm.close(), fb.close()]);
  await env.cleanup();
});

/**
 * Kills ingest once `requests()` reaches `killAfter` (the drain under way), restarts it,
 * waits for `done`, then scores everything both processes enqueued and returns the stored
 * external ids of the query.
 */
async function killMidDrain(opts: {
  queryId: number;
  requests: () => number;
  killAfter: number;
  pages: number;
  done: () => Promise<boolean>;
}) {
  const { queryId, requests } = opts;
  const pollQueue = createQueue(QUEUES.poll, { connection: redis, prefix: env.prefix });
  const first = spawnIngest();
  await requestPollNow(pollQueue, queryId);
  await expect
    .poll(requests, { message: 'pages being drained', timeout: 30_000 })
    .toBeGreaterThanOrEqual(opts.killAfter);
  first.kill('SIGKILL'); // no graceful close: the poll dies between pages
  await new Promise((r) => first.once('exit', r));
  const drainedBeforeKill = requests();
  expect(drainedBeforeKill).toBeLessThan(opts.pages);
  expect((await getQuery(database.db, queryId))?.checkpoint).toBeNull();

  const second = spawnIngest();
  await expect.poll(opts.done, { message: 'the drain to finish', timeout: 60_000 }).toBe(true);
  second.kill('SIGTERM');
  await new Promise((r) => second.once('exit', r));
  await pollQueue.close();

  // Score what both processes enqueued: the repeats collapse on (source, external id).
  const scoreQueue = createQueue(QUEUES.score, { connection: redis, prefix: env.prefix });
  const enqueued = (await scoreQueue.getJobs(['waiting'])).reduce((n, j) => n + j.data.mentions.length, 0);
  const scorer = startScorer({ database, connection: redis, prefix: env.prefix, logger: pino({ level: 'silent' }) });
  try {
    await expect
      .poll(
        async () => {
          const counts = await scoreQueue.getJobCounts('waiting', 'active');
          return counts.waiting === 0 && counts.active === 0;
        },
        { message: 'the score queue drained', timeout: 30_000 },
      )
      .toBe(true);
  } finally {
    await scorer.close();
    await scoreQueue.close();
  }
  const { rows } = await database.pool.query<{ external_id: string }>(
    'SELECT external_id FROM mentions WHERE query_id = $1',
    [queryId],
  );
  return { enqueued, drainedBeforeKill, stored: rows.map((r) => r.external_id) };
}

describe('an ingest process killed while draining pages', () => {
  it('X: re-polls from the old checkpoint after a restart; every tweet stored once', { timeout: 180_000 }, async () => {
    const TOTAL = 1500; // 15 pages of 100
    const all = fx.addTweets(
      Array.from({ length: TOTAL }, (_, i) => ({ text: `@AcmeAir thanks ${i}`, createdAt: new Date(Date.now() - i) })),
    );
    const newest = fx.tweets[0]?.id; // the store keeps them newest first
    // Slow pages, so the kill lands mid-drain.
    for (let i = 0; i < (2 * TOTAL) / 100; i++) fx.failNext({ delayMs: 150 });
    const q = await ensureQuery(database.db, { brand: 'Acme Air', source: 'x', query: '@AcmeAir' });
    const { enqueued, drainedBeforeKill, stored } = await killMidDrain({
      queryId: q.id,
      requests: () => fx.searchRequests().length,
      killAfter: 5,
      pages: TOTAL / 100,
      done: async () => (await getQuery(database.db, q.id))?.checkpoint === newest,
    });
    // Both drains started at the lookback (the checkpoint was never saved mid-drain).
    const starts = fx.searchRequests().filter((r) => r.query.next_token === undefined);
    expect(starts.length).toBe(2);
    expect(starts.every((r) => r.query.start_time !== undefined && r.query.since_id === undefined)).toBe(true);
    // More than TOTAL: the pages enqueued before the kill were read and enqueued again.
    expect(enqueued).toBeGreaterThan(TOTAL);
    expect(enqueued).toBeLessThanOrEqual(TOTAL + drainedBeforeKill * 100);
    expect(stored.sort()).toEqual(all.map((t) => t.id).sort());
  });

  it('Mastodon: the restart re-reads from the old checkpoint; every status stored once', {
    timeout: 180_000,
  }, async () => {
    const TOTAL = 600; // 15 pages of 40
    const all = fm.addStatuses(
      Array.from({ length: TOTAL }, (_, i) => ({
        text: `#AcmeAir thanks ${i}`,
        createdAt: new Date(Date.now() - 60_000 + i),
      })),
    );
    for (let i = 0; i < 40; i++) fm.failNext({ delayMs: 150 }); // slow pages, so the kill lands mid-drain
    const q = await ensureQuery(database.db, { brand: 'Acme Air', source: 'mastodon', query: '#AcmeAir' });
    const newest = fm.statuses[0]?.id;
    const { enqueued, stored } = await killMidDrain({
      queryId: q.id,
      requests: () => fm.apiRequests().length,
      killAfter: 4,
      pages: TOTAL / 40,
      done: async () => JSON.parse((await getQuery(database.db, q.id))?.checkpoint ?? '{}').seen?.[0] === newest,
    });
    expect(enqueued).toBeGreaterThan(TOTAL); // the pages enqueued before the kill came again
    expect(stored.sort()).toEqual(all.map((s) => s.uri).sort());
  });

  it('Bluesky: the restart signs in again and re-reads from the old checkpoint; every post stored once', {
    timeout: 180_000,
  }, async () => {
    const TOTAL = 1200; // 12 pages of 100
    const all = fb.addPosts(
      Array.from({ length: TOTAL }, (_, i) => ({
        text: `acme air thanks ${i}`,
        indexedAt: new Date(Date.now() - 60_000 + i * 10),
      })),
    );
    for (let i = 0; i < 30; i++) fb.failNext({ delayMs: 150 });
    const q = await ensureQuery(database.db, { brand: 'Acme Air', source: 'bluesky', query: 'acme air' });
    const newest = all.at(-1)?.uri;
    const { enqueued, stored } = await killMidDrain({
      queryId: q.id,
      requests: () => fb.calls('app.bsky.feed.searchPosts').length,
      killAfter: 4,
      pages: TOTAL / 100,
      done: async () => {
        const cp = JSON.parse((await getQuery(database.db, q.id))?.checkpoint ?? '{}');
        return cp.seen?.[0]?.uris?.includes(newest) === true;
      },
    });
    expect(fb.calls('com.atproto.server.createSession')).toHaveLength(2);
    expect(enqueued).toBeGreaterThan(TOTAL);
    expect(stored.sort()).toEqual(all.map((p) => p.uri).sort());
  });
});
