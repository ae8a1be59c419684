import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countMentions, createDatabase, ensureQuery } from '@goodchatter/db';
import { buildSources, loadIngestEnv, startIngest } from '@goodchatter/ingest';
import { startNotifier } from '@goodchatter/notifier';
import { closeRedis, createRedis } from '@goodchatter/queues';
import { startScorer } from '@goodchatter/scorer';
import { writeSyntheticReplay } from '@goodchatter/testing';
import { pino } from 'pino';
import { createBenchEnv, flag } from './bench-env.js';
import { benchPipelineScorers } from './pipeline-scorers.js';
import { waitFor } from './wait-for.js';

/**
 * `pnpm bench pipeline [N] [--concurrency=C] [--batch=B]`: replays N synthetic mentions
 * through ingest → score → store with every service running here, and reports
 * throughput and end-to-end latency (batch enqueued by ingest → row stored).
 */
export async function benchPipeline(args: string[]): Promise<void> {
  // With --scorers=N the scorers run as N processes of their own (pipeline-scorers.ts).
  if (args.some((a) => a.startsWith('--scorers='))) return benchPipelineScorers(args);
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 50_000);
  const concurrency = flag(args, 'concurrency', 4);
  const batch = flag(args, 'batch', 100);
  const env = await createBenchEnv();
  const dir = await mkdtemp(join(tmpdir(), 'bench-pipeline-'));
  const database = createDatabase(env.databaseUrl, { max: 20 });
  const redis = createRedis(env.redisUrl, 'worker');
  const logger = pino({ level: 'warn' });
  try {
    const file = join(dir, 'mentions.jsonl');
    await writeSyntheticReplay(file, n, 7);
    const common = { database, connection: redis, prefix: env.prefix, logger };
    const notifier = startNotifier({ ...common });
    const scorer = startScorer({ ...common, concurrency });
    const ingestEnv = loadIngestEnv({ SCORE_BATCH_SIZE: String(batch) });
    const ingest = await startIngest({ ...common, sources: buildSources(ingestEnv, logger), syncEveryMs: 0 });

    const started = performance.now();
    await ensureQuery(database.db, { brand: 'Bench', source: 'replay', query: file });
    await ingest.syncNow();
    await waitFor('all mentions stored', async () => (await countMentions(database.db)) >= n, {
      timeoutMs: 600_000,
      everyMs: 20,
    });
    const seconds = (performance.now() - started) / 1000;
    await ingest.close();
    await scorer.close();
    await notifier.close();

    const { rows } = await database.pool.query(`
      SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY ms) AS p, max(ms) AS max
      FROM (SELECT extract(epoch FROM scored_at - ingested_at) * 1000 AS ms FROM mentions) t`);
    const [p50, p95, p99] = (rows[0].p as number[]).map((v) => v.toFixed(0));
    console.log(`pipeline: ${n} mentions, batch ${batch}, scorer concurrency ${concurrency}, one process`);
    console.log(
      `  throughput: ${(n / seconds).toFixed(0)} mentions/s (${seconds.toFixed(2)} s from first poll to last row)`,
    );
    console.log(
      `  latency enqueued→stored: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${Number(rows[0].max).toFixed(0)} ms`,
    );
  } finally {
    await closeRedis(redis);
    await database.close();
    await rm(dir, { recursive: true, force: true });
    await env.cleanup();
  }
}
