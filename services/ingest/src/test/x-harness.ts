/**
 * Ingest against the fake X API, as production wires it: the real XSourceAdapter
 * (twitter-api-v2 over loopback HTTP), the real poll worker, and a scorer storing rows,
 * in a database and queue prefix of the test's own.
 */
import { createDatabase, type Database, ensureQuery, getQuery, type NewTrackedQuery } from '@goodchatter/db';
import { createQueue, createRedis, type PollJob, QUEUES, type Queue } from '@goodchatter/queues';
import { type Scorer, startScorer } from '@goodchatter/scorer';
import { createTestEnv, type FakeX, type FakeXOptions, startFakeX, type TestEnv } from '@goodchatter/testing';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { loadIngestEnv } from '../env.js';
import { buildSources } from '../sources.js';
import { type Ingest, startIngest } from '../worker.js';
import { pausedUntil, pollOnce, storedIds, withHarness } from './polling.js';

export const BEARER = 'test-bearer-token';

export interface XHarness {
  env: TestEnv;
  fx: FakeX;
  database: Database;
  redis: Redis;
  ingest: Ingest;
  pollQueue: Queue<PollJob>;
  addQuery(over?: Partial<NewTrackedQuery>): Promise<number>;
  /** Queues one poll of the query and waits until that job has finished (completed or failed). */
  pollOnce(queryId: number): Promise<void>;
  /** External ids of the stored mentions, with how often each is stored. */
  stored(): Promise<string[]>;
  /** Waits until a rate limit pauses the query; returns when the pause ends. */
  pausedUntil(queryId: number): Promise<Date>;
  close(): Promise<void>;
}

export async function startXHarness(opts: { fake?: FakeXOptions; scorer?: boolean } = {}): Promise<XHarness> {
  const env = await createTestEnv();
  const fx = await startFakeX({ bearerToken: BEARER, ...opts.fake });
  const database = createDatabase(env.databaseUrl, { max: 6 });
  const redis = createRedis(env.redisUrl, 'worker');
  const logger = pino({ level: 'silent' });
  const sources = buildSources(loadIngestEnv({ X_BEARER_TOKEN: BEARER, X_API_BASE_URL: fx.url }), logger);
  const common = { database, connection: redis, prefix: env.prefix, logger };
  // Schedules are synced by the tests that want ticks (syncNow); otherwise polls are explicit.
  // The production lock: a short one lets a busy machine mark a running poll stalled and run it twice.
  const ingest = await startIngest({ ...common, sources, syncEveryMs: 0 });
  const scorer: Scorer | undefined = opts.scorer === false ? undefined : startScorer(common);
  const pollQueue = createQueue(QUEUES.poll, { connection: redis, prefix: env.prefix });
  let n = 0;

  return {
    env,
    fx,
    database,
    redis,
    ingest,
    pollQueue,
    async addQuery(over = {}) {
      n += 1;
      const q = await ensureQuery(database.db, {
        brand: 'Acme Air',
        source: 'x',
        query: `@AcmeAir OR "Acme Air ${n}"`,
        ...over,
      });
      return q.id;
    },
    pollOnce: (queryId) => pollOnce(pollQueue, queryId),
    stored: () => storedIds(database),
    pausedUntil: (queryId) => pausedUntil(database, queryId),
    async close() {
      await ingest.close();
      await scorer?.close();
      await pollQueue.close();
      redis.disconnect();
      await database.close();
      await fx.close();
      await env.cleanup();
    },
  };
}

/** Runs `fn` on an X harness of its own, closed afterwards. */
export const withXHarness = (fn: (h: XHarness) => Promise<void>, opts?: Parameters<typeof startXHarness>[0]) =>
  withHarness(() => startXHarness(opts), fn);

export { getQuery };
