/**
 * Ingest against the fake Mastodon and the fake Bluesky, as production wires it: the
 * sources built from settings (buildSources), the real poll worker, a scorer storing rows,
 * and the real API on the same database for what people see, in a database and queue
 * prefix of the test's own.
 */
import { buildApi } from '@goodchatter/api';
import { createDatabase, type Database, ensureQuery, getQuery, type NewTrackedQuery } from '@goodchatter/db';
import { createQueue, createRedis, type PollJob, QUEUES, type Queue } from '@goodchatter/queues';
import { type Scorer, startScorer } from '@goodchatter/scorer';
import {
  createTestEnv,
  type FakeBluesky,
  type FakeBlueskyOptions,
  type FakeMastodon,
  type FakeMastodonOptions,
  startFakeBluesky,
  startFakeMastodon,
  type TestEnv,
} from '@goodchatter/testing';
import { pino } from 'pino';
import { loadIngestEnv } from '../env.js';
import { buildSources } from '../sources.js';
import { type Ingest, startIngest } from '../worker.js';
import { pausedUntil, pollOnce, storedIds, withHarness } from './polling.js';

export const MASTODON_TOKEN = 'test-mastodon-token';
const ADMIN_KEY = 'social-harness-admin-key-0123456789';

export interface SocialHarness {
  env: TestEnv;
  fm: FakeMastodon;
  fb: FakeBluesky;
  database: Database;
  ingest: Ingest;
  pollQueue: Queue<PollJob>;
  addQuery(q: Pick<NewTrackedQuery, 'source' | 'query'> & Partial<NewTrackedQuery>): Promise<number>;
  /** Queues one poll of the query (one attempt) and waits until that job has finished. */
  pollOnce(queryId: number): Promise<void>;
  /** External ids of the stored mentions, once per stored row. */
  stored(): Promise<string[]>;
  /** Waits until a rate limit pauses the query; returns when the pause ends. */
  pausedUntil(queryId: number): Promise<Date>;
  /** An authenticated GET through the real API. */
  api(url: string): Promise<{ status: number; body: unknown; text: string }>;
  close(): Promise<void>;
}

export async function startSocialHarness(
  opts: { mastodon?: FakeMastodonOptions; bluesky?: FakeBlueskyOptions } = {},
): Promise<SocialHarness> {
  const env = await createTestEnv();
  const fm = await startFakeMastodon({ accessToken: MASTODON_TOKEN, ...opts.mastodon });
  const fb = await startFakeBluesky(opts.bluesky);
  const database = createDatabase(env.databaseUrl, { max: 6 });
  const redis = createRedis(env.redisUrl, 'worker');
  const apiRedis = createRedis(env.redisUrl, 'producer');
  const logger = pino({ level: 'silent' });
  const settings = loadIngestEnv({
    MASTODON_URL: fm.url,
    MASTODON_ACCESS_TOKEN: MASTODON_TOKEN,
    BLUESKY_SERVICE: fb.url,
    BLUESKY_IDENTIFIER: fb.handle,
    BLUESKY_APP_PASSWORD: fb.appPassword,
  });
  const common = { database, connection: redis, prefix: env.prefix, logger };
  // Polls are explicit unless a test syncs the schedules (syncNow).
  const ingest = await startIngest({ ...common, sources: buildSources(settings, logger), syncEveryMs: 0 });
  const scorer: Scorer = startScorer(common);
  const pollQueue = createQueue(QUEUES.poll, { connection: redis, prefix: env.prefix });
  const app = await buildApi({
    database,
    redis: apiRedis,
    logger: false,
    queuePrefix: env.prefix,
    adminKey: ADMIN_KEY,
  });

  return {
    env,
    fm,
    fb,
    database,
    ingest,
    pollQueue,
    async addQuery(q) {
      return (await ensureQuery(database.db, { brand: 'Acme Air', ...q })).id;
    },
    pollOnce: (queryId) => pollOnce(pollQueue, queryId),
    stored: () => storedIds(database),
    pausedUntil: (queryId) => pausedUntil(database, queryId),
    async api(url) {
      const res = await app.inject({ url, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
      const json = res.headers['content-type']?.toString().includes('json');
      return { status: res.statusCode, body: json ? res.json() : null, text: res.body };
    },
    async close() {
      await ingest.close();
      await scorer.close();
      await pollQueue.close();
      await app.close();
      redis.disconnect();
      apiRedis.disconnect();
      await database.close();
      await Promise.all([fm.close(), fb.close()]);
      await env.cleanup();
    },
  };
}

/** Runs `fn` on a social harness of its own, closed afterwards. */
export const withSocialHarness = (
  fn: (h: SocialHarness) => Promise<void>,
  opts?: Parameters<typeof startSocialHarness>[0],
) => withHarness(() => startSocialHarness(opts), fn);

export { getQuery };
