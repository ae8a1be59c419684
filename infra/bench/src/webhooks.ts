import type { ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import type { MentionInput } from '@goodchatter/core';
import { createDatabase, createWebhook } from '@goodchatter/db';
import { closeRedis, createQueue, createRedis, QUEUES } from '@goodchatter/queues';
import { type ServiceName, spawnService, startWebhookReceiver, syntheticLines } from '@goodchatter/testing';
import { createBenchEnv, flag } from './bench-env.js';
import { waitFor } from './wait-for.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/**
 * `pnpm bench webhooks [--rate=200] [--seconds=60] [--batch=20]`: mentions enter the score
 * queue at `rate` per second, in batches, for `seconds`; the scorer and the notifier run
 * as their own processes (as their containers do) and a receiver on loopback records
 * when each praise webhook arrives. Latency: batch enqueued → webhook received.
 */
export async function benchWebhooks(args: string[]): Promise<void> {
  const rate = flag(args, 'rate', 200);
  const seconds = flag(args, 'seconds', 60);
  const batch = flag(args, 'batch', 20);
  const env = await createBenchEnv();
  const database = createDatabase(env.databaseUrl, { max: 2 });
  const redis = createRedis(env.redisUrl, 'worker');
  const receiver = await startWebhookReceiver();
  const children: ChildProcess[] = [];
  const start = (name: ServiceName, extra: Record<string, string>) => children.push(spawnService(name, env, extra));
  const scoreQueue = createQueue(QUEUES.score, { connection: redis, prefix: env.prefix });
  const enqueuedAt = new Map<string, number>();
  let n = 0;
  const mentionsOf = (lines: string[]): MentionInput[] =>
    lines.map((l) => {
      const m = JSON.parse(l) as { text: string; brand: string; author: { handle: string; followers: number } };
      n += 1;
      return {
        source: 'bench',
        externalId: `b${n}`,
        text: m.text,
        author: m.author,
        brand: m.brand,
        postedAt: new Date().toISOString(),
      };
    });
  const send = async (mentions: MentionInput[]) => {
    const now = Date.now();
    for (const m of mentions) enqueuedAt.set(m.externalId, now);
    await scoreQueue.add('score', { mentions, enqueuedAt: now });
  };
  try {
    await createWebhook(database.db, { url: receiver.url, events: ['mention.praise'] });
    start('scorer', {});
    start('notifier', { WEBHOOK_ALLOW_PRIVATE: 'true' });
    // Warm-up: both services up and one praise through end to end before measuring.
    await send(
      mentionsOf([
        JSON.stringify({
          text: 'Thank you so much, Maria was wonderful!',
          brand: 'Acme Air',
          author: { handle: 'warm', followers: 1 },
        }),
      ]),
    );
    await waitFor('the warm-up webhook', () => receiver.received.length >= 1, { timeoutMs: 60_000 });
    const warm = receiver.received.length;

    const total = Math.round(rate * seconds);
    const lines = syntheticLines(total, 5);
    const everyMs = (batch / rate) * 1000;
    const started = Date.now();
    for (let i = 0; i * batch < total; i++) {
      await sleep(started + i * everyMs - Date.now());
      await send(mentionsOf(lines.slice(i * batch, (i + 1) * batch)));
    }
    const sentFor = (Date.now() - started) / 1000;
    await waitFor(
      'every mention stored',
      async () => {
        const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM mentions WHERE source = 'bench'`);
        return rows[0].n >= total + 1;
      },
      { timeoutMs: 300_000, everyMs: 200 },
    );
    const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM mentions WHERE label = 'praise'`);
    const praise: number = rows[0].n;
    await waitFor('every praise webhook', () => receiver.received.length >= praise, {
      timeoutMs: 300_000,
      everyMs: 100,
    });

    const latencies = receiver.received
      .slice(warm)
      .map((h) => h.at - (enqueuedAt.get((h.json as { data: { externalId: string } }).data.externalId) ?? h.at))
      .sort((a, b) => a - b);
    const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(latencies, p));
    console.log(`webhooks: ${total} mentions at ${rate}/s in batches of ${batch} (sent over ${sentFor.toFixed(1)} s)`);
    // Other work on the machine skews the tail: say how busy it was.
    const load = loadavg().map((l) => l.toFixed(1));
    console.log(
      `  scorer and notifier as separate processes, receiver on loopback; load average ${load.join(' ')} on ${cpus().length} CPUs`,
    );
    console.log(
      `  praise webhooks received: ${latencies.length} (of ${praise - warm} praise stored), each once: ${new Set(receiver.received.map((h) => h.headers['x-goodchatter-event-id'])).size === receiver.received.length}`,
    );
    console.log(
      `  latency score queue → webhook received: p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms, max ${latencies.at(-1)} ms`,
    );
  } finally {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode === null ? c.once('exit', r) : r(null)))));
    await scoreQueue.close();
    await receiver.close();
    await closeRedis(redis);
    await database.close();
    await env.cleanup();
  }
}
