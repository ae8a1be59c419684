import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { MentionInput } from '@goodchatter/core';
import { countMentions, createDatabase } from '@goodchatter/db';
import { closeRedis, createQueue, createRedis, QUEUES } from '@goodchatter/queues';
import { spawnService, syntheticLines } from '@goodchatter/testing';
import { createBenchEnv, flag } from './bench-env.js';
import { waitFor } from './wait-for.js';

/**
 * `pnpm bench pipeline --scorers=N[,N…] [M] [--batch=100] [--concurrency=4] [--lock-ms=30000]`:
 * for each N, a fresh database and queue prefix, N scorer processes (each started the way its
 * container starts it), then M synthetic mentions pushed straight into the score queue in
 * batches; mentions/s is measured from the first batch enqueued to the last row stored. Per N
 * it also prints how busy the machine's CPUs were and how many cores the scorers used, the
 * runnable tasks (instant load) and the 1-minute load average, how long a batch held its
 * scorer (processedOn → finishedOn), and the jobs that stalled (lost their lock and were taken
 * over) or ran more than once. Warm-up batches (untimed) come first.
 */
export async function benchPipelineScorers(args: string[]): Promise<void> {
  const counts = scorerCounts(args);
  const m = Number(args.find((a) => /^\d+$/.test(a)) ?? 20_000);
  const batch = flag(args, 'batch', 100);
  const concurrency = flag(args, 'concurrency', 4);
  const lockMs = flag(args, 'lock-ms', 30_000);
  const mentions = syntheticMentions(m);
  console.log(
    `pipeline: ${m} mentions in batches of ${batch} pushed to the score queue; scorer processes with concurrency ${concurrency}, lock ${lockMs} ms; ${availableParallelism()} cores`,
  );
  const results: { n: number; rate: number }[] = [];
  for (const n of counts) {
    const rate = await runOnce(n, mentions, { batch, concurrency, lockMs });
    results.push({ n, rate });
  }
  const base = results[0]?.rate ?? 1;
  console.log('\n  scorers  mentions/s  vs first');
  for (const r of results) {
    console.log(`  ${String(r.n).padStart(7)}  ${r.rate.toFixed(0).padStart(10)}  ${(r.rate / base).toFixed(2)}×`);
  }
}

function scorerCounts(args: string[]): number[] {
  const hit = args.find((a) => a.startsWith('--scorers='));
  const list = (hit?.split('=')[1] ?? '1').split(',').map(Number);
  if (list.some((n) => !Number.isInteger(n) || n < 1 || n > 32))
    throw new Error('--scorers must be 1..32 (or a list: 1,2,4)');
  return list;
}

/** Clock ticks per second for /proc times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/** Whole-machine CPU ticks from /proc/stat (Linux; zeros elsewhere). */
function machineCpu(): { idle: number; total: number } {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    return { idle: (fields[3] ?? 0) + (fields[4] ?? 0), total: fields.reduce((a, b) => a + b, 0) };
  } catch {
    return { idle: 0, total: 0 };
  }
}

/** A process's user + system CPU ticks (children included), from /proc/<pid>/stat. */
function processCpu(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat
      .slice(stat.lastIndexOf(')') + 2)
      .split(' ')
      .map(Number);
    // Fields 14-17 (utime, stime, cutime, cstime), counted from after the command name.
    return (f[11] ?? 0) + (f[12] ?? 0) + (f[13] ?? 0) + (f[14] ?? 0);
  } catch {
    return 0;
  }
}

/** Tasks running or ready to run right now (the 4th field of /proc/loadavg, minus this sampler). */
function runnableTasks(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[3]?.split('/')[0] ?? 1) - 1;
  } catch {
    return 0;
  }
}

function syntheticMentions(m: number): MentionInput[] {
  return syntheticLines(m, 7).map((l) => {
    const p = JSON.parse(l) as {
      id: string;
      text: string;
      brand: string;
      postedAt: string;
      author: { handle: string; followers: number };
    };
    return {
      source: 'bench',
      externalId: p.id,
      text: p.text,
      author: p.author,
      postedAt: p.postedAt,
      brand: p.brand,
    };
  });
}

async function runOnce(
  n: number,
  mentions: MentionInput[],
  opts: { batch: number; concurrency: number; lockMs: number },
): Promise<number> {
  const env = await createBenchEnv();
  const database = createDatabase(env.databaseUrl, { max: 2 });
  const redis = createRedis(env.redisUrl, 'worker');
  const children: ChildProcess[] = [];
  const ready = new Set<ChildProcess>();
  const lockLines: string[] = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  try {
    for (let i = 0; i < n; i++) {
      const child = spawnService(
        'scorer',
        env,
        {
          LOG_LEVEL: 'info',
          SCORER_CONCURRENCY: String(opts.concurrency),
          JOB_LOCK_MS: String(opts.lockMs),
        },
        { capture: true },
      );
      for (const stream of [child.stdout, child.stderr]) {
        if (!stream) continue;
        createInterface({ input: stream }).on('line', (line) => {
          if (line.includes('"msg":"scorer started"')) ready.add(child);
          else if (/lock|stalled/i.test(line)) lockLines.push(line);
          else if (!line.startsWith('{') || /"level":(50|60)/.test(line))
            process.stderr.write(`[scorer ${i}] ${line}\n`);
        });
      }
      children.push(child);
    }
    await waitFor(`${n} scorer processes started`, () => ready.size === n, { timeoutMs: 120_000, everyMs: 50 });
    const queue = createQueue(QUEUES.score, { connection: redis, prefix: env.prefix });
    // Warm up (JIT, the classifier's first load, a thread's start) with a few small batches
    // per process, untimed, then let the start-up CPU burst settle.
    const warm = syntheticMentions(n * opts.concurrency * 10).map((w) => ({ ...w, source: 'warmup' }));
    await queue.addBulk(
      Array.from({ length: n * opts.concurrency }, (_, i) => ({
        name: 'score',
        data: { mentions: warm.slice(i * 10, i * 10 + 10), enqueuedAt: Date.now() },
        opts: { jobId: `warm-${i}` },
      })),
    );
    await waitFor('warm-up stored', async () => (await countMentions(database.db)) >= warm.length, {
      timeoutMs: 120_000,
    });
    await new Promise((r) => setTimeout(r, 1000));
    const jobs = [];
    for (let i = 0; i < mentions.length; i += opts.batch) {
      jobs.push({
        name: 'score',
        data: { mentions: mentions.slice(i, i + opts.batch), enqueuedAt: 0 },
        opts: { jobId: `bench-${i}` },
      });
    }
    loop.enable();
    const cpu0 = machineCpu();
    const own0 = children.map((c) => processCpu(c.pid));
    const runnable: number[] = [];
    const sampler = setInterval(() => runnable.push(runnableTasks()), 50);
    const started = performance.now();
    const enqueuedAt = Date.now();
    for (const j of jobs) j.data.enqueuedAt = enqueuedAt;
    await queue.addBulk(jobs);
    await waitFor(
      'every mention stored',
      async () => (await countMentions(database.db)) >= warm.length + mentions.length,
      {
        timeoutMs: 900_000,
        everyMs: 25,
      },
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const cpu1 = machineCpu();
    const scorerCpu = children.reduce((sum, c, i) => sum + processCpu(c.pid) - (own0[i] ?? 0), 0) / TICKS / seconds;
    const busy = 1 - (cpu1.idle - cpu0.idle) / Math.max(1, cpu1.total - cpu0.total);
    const meanRunnable = runnable.reduce((a, b) => a + b, 0) / Math.max(1, runnable.length);
    loop.disable();
    const load = loadavg()[0] ?? 0;
    const rate = mentions.length / seconds;

    const done = (await queue.getJobs(['completed', 'failed'], 0, -1)).filter((j) => j.id?.startsWith('bench-'));
    const held = done.map((j) => (j.finishedOn ?? 0) - (j.processedOn ?? 0)).sort((a, b) => a - b);
    const pct = (p: number) => held[Math.min(held.length - 1, Math.floor(p * held.length))] ?? 0;
    const stalled = done.reduce((s, j) => s + (j.stalledCounter ?? 0), 0);
    const rerun = done.filter((j) => (j.attemptsStarted ?? 1) > 1).length;
    await queue.close();
    console.log(`\n  ${n} scorer${n === 1 ? '' : 's'}: ${rate.toFixed(0)} mentions/s (${seconds.toFixed(2)} s)`);
    console.log(
      `    machine CPU busy ${(busy * 100).toFixed(0)}%, scorer processes using ${scorerCpu.toFixed(2)} cores, runnable tasks (instant load) mean ${meanRunnable.toFixed(1)}; load average (1 min) at the end ${load.toFixed(2)}`,
    );
    console.log(
      `    batch held its scorer: p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${pct(1)} ms; jobs stalled ${stalled}, run more than once ${rerun}, lock/stalled log lines ${lockLines.length}; bench loop delay max ${(loop.max / 1e6).toFixed(0)} ms`,
    );
    return rate;
  } finally {
    await Promise.all(
      children.map(async (c) => {
        if (c.exitCode !== null || c.signalCode !== null) return;
        const exited = new Promise((r) => c.once('exit', r));
        c.kill('SIGKILL');
        await exited;
      }),
    );
    await closeRedis(redis);
    await database.close();
    await env.cleanup();
  }
}
