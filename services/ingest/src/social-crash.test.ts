/**
 * An ingest process killed mid-drain on Mastodon and on Bluesky: the restarted process
 * re-polls from the old checkpoint, and every post is stored exactly once.
 */
import type { ChildProcess } from 'node:child_process';
import { createDatabase, type Database, ensureQuery, getQuery } from '@goodchatter/db';
import { createQueue, createRedis, QUEUES, requestPollNow } from '@goodchatter/queues';
import { startScorer } from '@goodchatter/scorer';
import {
  createTestEnv,
  type FakeBluesky,
  type FakeMastodon,
  spawnService,
  startFakeBluesky,
  startFakeMastodon,
  type TestEnv,
  waitFor,
} from '@goodchatter/testing';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let env: TestEnv;
let fm: FakeMastodon;
let fb: FakeBluesky;
let database: Database;
let redis: Redis;
const children: ChildProcess[] = [];

/** The ingest service as its own process, started the way its container starts it. */
function spawnIngest(): ChildProcess {
  const child = spawnService('ingest', env, {
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
  fm = await startFakeMastodon();
  fb = await startFakeBluesky();
  database = createDatabase(env.databaseUrl, { max: 4 });
  redis = createRedis(env.redisUrl, 'worker');
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  redis.disconnect();
  await database.close();
  await Promise.all([fm.close(), fb.close()]);
  await env.cleanup();
});

/**
 * Kills ingest once `requests()` shows the drain under way, restarts it, waits for `done`,
 * then scores everything both processes enqueued and returns the stored external ids.
 */
async function killMidDrain(queryId: number, requests: () => number, pages: number, done: () => Promise<boolean>) {
  const pollQueue = createQueue(QUEUES.poll, { connection: redis, prefix: env.prefix });
  const first = spawnIngest();
  await requestPollNow(pollQueue, queryId);
  await waitFor('pages being drained', () => requests() >= 4, { timeoutMs: 30_000 });
  first.kill('SIGKILL'); // no graceful close: the poll dies between pages
  await new Promise((r) => first.once('exit', r));
  const drainedBeforeKill = requests();
  expect(drainedBeforeKill).toBeLessThan(pages);
  expect((await getQuery(database.db, queryId))?.checkpoint).toBeNull();

  const second = spawnIngest();
  await waitFor('the drain to finish', done, { timeoutMs: 60_000 });
  second.kill('SIGTERM');
  await new Promise((r) => second.once('exit', r));
  await pollQueue.close();

  const scoreQueue = createQueue(QUEUES.score, { connection: redis, prefix: env.prefix });
  const enqueued = (await scoreQueue.getJobs(['waiting'])).reduce((n, j) => n + j.data.mentions.length, 0);
  const scorer = startScorer({ database, connection: redis, prefix: env.prefix, logger: pino({ level: 'silent' }) });
  try {
    await waitFor('the score queue drained', async () => {
      const counts = await scoreQueue.getJobCounts('waiting', 'active');
      return counts.waiting === 0 && counts.active === 0;
    });
  } finally {
    await scorer.close();
    await scoreQueue.close();
  }
  const { rows } = await database.pool.query<{ external_id: string }>(
    'SELECT external_id FROM mentions WHERE query_id = $1',
    [queryId],
  );
  return { enqueued, stored: rows.map((r) => r.external_id) };
}

describe('an ingest process killed while draining pages', () => {
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
    const { enqueued, stored } = await killMidDrain(
      q.id,
      () => fm.apiRequests().length,
      TOTAL / 40,
      async () => JSON.parse((await getQuery(database.db, q.id))?.checkpoint ?? '{}').seen?.[0] === newest,
    );
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
    const searches = () => fb.calls('app.bsky.feed.searchPosts').length;
    const { enqueued, stored } = await killMidDrain(q.id, searches, TOTAL / 100, async () => {
      const cp = JSON.parse((await getQuery(database.db, q.id))?.checkpoint ?? '{}');
      return cp.seen?.[0]?.uris?.includes(newest) === true;
    });
    expect(fb.calls('com.atproto.server.createSession')).toHaveLength(2);
    expect(enqueued).toBeGreaterThan(TOTAL);
    expect(stored.sort()).toEqual(all.map((p) => p.uri).sort());
  });
});
