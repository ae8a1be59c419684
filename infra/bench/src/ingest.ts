import { countMentions, createDatabase, ensureQuery, getQuery } from '@goodchatter/db';
import { buildSources, loadIngestEnv, startIngest } from '@goodchatter/ingest';
import { createQueue, createRedis, QUEUES, requestPollNow } from '@goodchatter/queues';
import { startScorer } from '@goodchatter/scorer';
import { startFakeX, waitFor } from '@goodchatter/testing';
import { pino } from 'pino';
import { createBenchEnv, flag } from './bench-env.js';

const BEARER = 'bench-bearer-token';

/**
 * `pnpm bench ingest [N] [--concurrency=C] [--polls=P]`: N tweets (default 20,000) on the
 * fake X API, read by the real XSourceAdapter (twitter-api-v2 over loopback HTTP) in pages
 * of 100, enqueued by the ingest worker and stored by the scorer, all in this process on a
 * throwaway database. P polls (default 1): the tweets arrive in P equal bursts, one per
 * poll, so later polls start from a saved since_id. Reports tweets/s from the first
 * request to the last row stored, and requests per stored tweet (ideal: 1 per 100, plus
 * one per poll for the final short page).
 */
export async function benchIngest(args: string[]): Promise<void> {
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 20_000);
  const concurrency = flag(args, 'concurrency', 4);
  const polls = flag(args, 'polls', 1);
  const env = await createBenchEnv();
  // The fake calls `now` on every answered request: the first call after arming is the
  // first request, which is where the clock starts.
  let armed = false;
  let firstRequestAt: number | undefined;
  const fx = await startFakeX({
    bearerToken: BEARER,
    rateLimit: 1_000_000,
    now: () => {
      if (armed) firstRequestAt ??= performance.now();
      return Date.now();
    },
  });
  const database = createDatabase(env.databaseUrl, { max: 20 });
  const redis = createRedis(env.redisUrl, 'worker');
  // Ctrl-C (or a timeout's SIGTERM) must not leave the throwaway database and keys behind:
  // cut the workers' Redis first (nothing more is written), then drop both. Errors from
  // the connections this cuts do not matter any more.
  const abort = () => {
    process.on('uncaughtException', () => {});
    redis.disconnect();
    void env.cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  const logger = pino({ level: 'warn' });
  try {
    const common = { database, connection: redis, prefix: env.prefix, logger };
    const scorer = startScorer({ ...common, concurrency });
    const sources = buildSources(loadIngestEnv({ X_BEARER_TOKEN: BEARER, X_API_BASE_URL: fx.url }), logger);
    const ingest = await startIngest({ ...common, sources, syncEveryMs: 0 });
    const q = await ensureQuery(database.db, {
      brand: 'Acme Air',
      source: 'x',
      query: '@AcmeAir OR "Acme Air"',
      dailyBudget: 100_000_000,
    });
    const pollQueue = createQueue(QUEUES.poll, { connection: redis, prefix: env.prefix });

    const perPoll = Math.ceil(n / polls);
    const firstPostAt = Date.now() - n - 1000;
    let drainMs = 0;
    let added = 0;
    for (let p = 0; p < polls; p++) {
      const burst = Math.min(perPoll, n - added);
      fx.addTweets(
        Array.from({ length: burst }, (_, i) => ({
          text: `@AcmeAir thank you, flight ${added + i} was lovely`,
          // One millisecond apart, each burst newer than the last, all inside the lookback.
          createdAt: new Date(firstPostAt + added + i),
          author: { username: `fan${(added + i) % 997}`, followers: (added + i) % 5000 },
        })),
      );
      added += burst;
      const before = (await getQuery(database.db, q.id))?.lastPolledAt?.getTime() ?? 0;
      armed = true;
      const t0 = performance.now();
      await requestPollNow(pollQueue, q.id);
      await waitFor(
        'the poll to finish',
        async () => ((await getQuery(database.db, q.id))?.lastPolledAt?.getTime() ?? 0) > before,
        {
          timeoutMs: 600_000,
          everyMs: 5,
        },
      );
      drainMs += performance.now() - t0;
    }
    const scoreQueue = createQueue(QUEUES.score, { connection: redis, prefix: env.prefix });
    // Done when every tweet is stored, or (should some be missing) when scoring has nothing left.
    const scoringIdle = async () =>
      Object.values(await scoreQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized')).every((c) => c === 0);
    await waitFor('all tweets stored', async () => (await countMentions(database.db)) >= n || (await scoringIdle()), {
      timeoutMs: 600_000,
      everyMs: 5,
    });
    const seconds = (performance.now() - (firstRequestAt ?? 0)) / 1000;
    await ingest.close();
    await scorer.close();
    await Promise.all([pollQueue.close(), scoreQueue.close()]);

    const stored = await countMentions(database.db);
    const requests = fx.searchRequests().length;
    const failed = fx.searchRequests().filter((r) => r.status !== 200).length;
    console.log(
      `ingest: ${n} tweets on the fake X API, pages of 100, ${polls} poll(s), scorer concurrency ${concurrency}, one process`,
    );
    console.log(
      `  end to end: ${(stored / seconds).toFixed(0)} tweets/s (${stored} rows in ${seconds.toFixed(2)} s, first request → last row stored)`,
    );
    console.log(
      `  polls alone: ${(n / (drainMs / 1000)).toFixed(0)} tweets/s (${(drainMs / 1000).toFixed(2)} s from queueing each poll to its checkpoint saved)`,
    );
    console.log(
      `  requests: ${requests} (${failed} not 200), ${(requests / stored).toFixed(4)} per stored tweet; ideal ${((Math.ceil(perPoll / 100) * polls) / n).toFixed(4)}`,
    );
    if (stored !== n) console.log(`  WARNING: ${stored} rows stored for ${n} tweets`);
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
    redis.disconnect();
    await database.close();
    await fx.close();
    await env.cleanup();
  }
}
