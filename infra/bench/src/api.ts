import { fork } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '@goodchatter/db';
import autocannon from 'autocannon';
import { printReadPlans } from './api-plans.js';
import { seedMentions } from './api-seed.js';
import { createBenchEnv, flag } from './bench-env.js';

interface Target {
  name: string;
  url: string;
  headers: Record<string, string>;
}

async function measure(t: Target, connections: number, seconds: number) {
  // A short warm-up first: JIT, connection pools and Postgres caches.
  await autocannon({ url: t.url, headers: t.headers, connections, duration: 2 });
  const r = await autocannon({ url: t.url, headers: t.headers, connections, duration: seconds });
  return {
    name: t.name,
    'req/s': Math.round(r.requests.average),
    'p50 ms': r.latency.p50,
    'p99 ms': r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/**
 * `pnpm bench api [--rows=1000000] [--connections=32] [--seconds=10]`: seeds a throwaway
 * database with synthetic mentions, then measures GET /v1/feed and a filtered
 * GET /v1/mentions page of 50 with autocannon, next to a bare Fastify route serving the
 * same feed JSON from memory (the framework's floor on this machine), in the same run.
 */
export async function benchApi(args: string[]): Promise<void> {
  const rows = flag(args, 'rows', 1_000_000);
  const connections = flag(args, 'connections', 32);
  const seconds = flag(args, 'seconds', 10);
  const env = await createBenchEnv();
  const database = createDatabase(env.databaseUrl, { max: 2 });
  try {
    let started = performance.now();
    await seedMentions(database.pool, rows, (line) => console.log(line));
    console.log(
      `seeded ${rows.toLocaleString('en')} mentions and built indexes in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    await printReadPlans(database);

    const server = fork(fileURLToPath(new URL('./api-server.ts', import.meta.url)), [], {
      execArgv: process.execArgv,
      env: { ...process.env, DATABASE_URL: env.databaseUrl, REDIS_URL: env.redisUrl, QUEUE_PREFIX: env.prefix },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    try {
      const [line] = await once(createInterface({ input: server.stdout as NodeJS.ReadableStream }), 'line');
      const info = JSON.parse(String(line)) as {
        apiUrl: string;
        unsharedUrl: string;
        bareUrl: string;
        key: string;
        feedItems: number;
      };
      const auth = { authorization: `Bearer ${info.key}` };
      const filtered = '/v1/mentions?label=praise&brand=Acme%20Air&minFollowers=1000&limit=50';
      const targets: Target[] = [
        { name: 'bare Fastify, feed JSON from memory', url: `${info.bareUrl}/v1/feed`, headers: {} },
        { name: 'GET /v1/feed (50)', url: `${info.apiUrl}/v1/feed`, headers: auth },
        { name: 'GET /v1/mentions filtered (50)', url: `${info.apiUrl}${filtered}`, headers: auth },
        { name: 'GET /v1/feed, reads not shared', url: `${info.unsharedUrl}/v1/feed`, headers: auth },
        { name: 'GET /v1/mentions filtered, not shared', url: `${info.unsharedUrl}${filtered}`, headers: auth },
        // Reports last: an aggregate still running when its turn ends would slow the next.
        { name: 'GET /v1/kudos (30 days)', url: `${info.apiUrl}/v1/kudos`, headers: auth },
        { name: 'GET /v1/stats (30 days)', url: `${info.apiUrl}/v1/stats`, headers: auth },
      ];
      started = performance.now();
      const results = [];
      for (const t of targets) results.push(await measure(t, connections, seconds));
      console.log(
        `\nAPI benchmark: ${rows.toLocaleString('en')} mentions, ${connections} connections, ${seconds} s per route (feed page: ${info.feedItems} items)`,
      );
      console.table(results);
      // Other work on the machine shows in the figures: say how busy it was.
      console.log(
        `load average (1/5/15 min) at the end: ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' / ')}`,
      );
    } finally {
      server.send('stop');
      await new Promise((r) => server.once('exit', r));
    }
  } finally {
    await database.close();
    await env.cleanup();
  }
}
