import { countMentions, createDatabase, ensureQuery, getQuery } from '@goodchatter/db';
import { buildSources, loadIngestEnv, startIngest } from '@goodchatter/ingest';
import { closeRedis, createQueue, createRedis, QUEUES, requestPollNow } from '@goodchatter/queues';
import { startScorer } from '@goodchatter/scorer';
import { pino } from 'pino';
import { createBenchEnv, flag } from './bench-env.js';
import { BENCH_SOURCES, type BenchSourceName, startBenchSource } from './ingest-sources.js';
import { waitFor } from './wait-for.js';

function sourceFlag(args: string[]): BenchSourceName {
  const value = args.find((a) => a.startsWith('--source='))?.split('=')[1] ?? 'x';
  const known = BENCH_SOURCES.find((s) => s === value);
  if (!known) throw new Error(`--source must be one of ${BENCH_SOURCES.join(', ')}`);
  return known;
}

/**
 * `pnpm bench ingest [N] [--source=x|mastodon|bluesky] [--concurrency=C] [--polls=P]`: N
 * posts (default 20,000) on the source's fake (X, Mastodon or Bluesky), read by the real
 * adapter over loopback HTTP in the API's largest pages (100, 40, 100), enqueued by the
 * ingest worker and stored by the scorer, all in this process on a throwaway database.
 * P polls (default 1): the posts arrive in P equal bursts, one per poll, so later polls
 * start from a saved checkpoint. Reports posts/s from the first request to the last row
 * stored, and read requests per stored post (ideal: one per page, plus the request that
 * finds the end where a full last page cannot tell). Later polls of Mastodon and Bluesky
 * also re-read the few minutes before their checkpoint (their overlap; see the adapters).
 */
export async function benchIngest(args: string[]): Promise<void> {
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 20_000);
  const concurrency = flag(args, 'concurrency', 4);
  const polls = flag(args, 'polls', 1);
  const sourceName = sourceFlag(args);
  const env = await createBenchEnv();
  // The fake calls `now` on every answered request: the first call after arming is the
  // first request, which is where the clock starts.
  let armed = false;
  let firstRequestAt: number | undefined;
  const source = await startBenchSource(sourceName, () => {
    if (armed) firstRequestAt ??= performance.now();
    return Date.now();
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
    const sources = buildSources(loadIngestEnv(source.settings), logger);
    const ingest = await startIngest({ ...common, sources, syncEveryMs: 0 });
    const q = await ensureQuery(database.db, {
      brand: 'Acme Air',
      source: source.name,
      query: source.query,
      dailyBudget: 100_000_000,
    });
    const pollQueue = createQueue(QUEUES.poll, { connection: redis, prefix: env.prefix });

    const perPoll = Math.ceil(n / polls);
    const firstPostAt = Date.now() - n - 1000;
    let drainMs = 0;
    let added = 0;
    for (let p = 0; p < polls; p++) {
      const burst = Math.min(perPoll, n - added);
      // One millisecond apart, each burst newer than the last, all inside the lookback.
      source.add(added, burst, (i) => new Date(firstPostAt + i));
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
    const reads = source.reads();
    const failed = reads.filter((r) => r.status !== 200).length;
    const { unit, pageSize } = source;
    const other = source.other() > 0 ? ` (+ ${source.other()} to sign in)` : '';
    console.log(
      `ingest: ${n} ${unit} on the fake ${source.name} API, pages of ${pageSize}, ${polls} poll(s), scorer concurrency ${concurrency}, one process`,
    );
    console.log(
      `  end to end: ${(stored / seconds).toFixed(0)} ${unit}/s (${stored} rows in ${seconds.toFixed(2)} s, first request → last row stored)`,
    );
    console.log(
      `  polls alone: ${(n / (drainMs / 1000)).toFixed(0)} ${unit}/s (${(drainMs / 1000).toFixed(2)} s from queueing each poll to its checkpoint saved)`,
    );
    console.log(
      `  read requests: ${reads.length}${other} (${failed} not 200), ${(reads.length / stored).toFixed(4)} per stored post; ideal ${((Math.ceil(perPoll / pageSize) * polls) / n).toFixed(4)}`,
    );
    if (stored !== n) console.log(`  WARNING: ${stored} rows stored for ${n} ${unit}`);
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
    await closeRedis(redis);
    await database.close();
    await source.close();
    await env.cleanup();
  }
}
