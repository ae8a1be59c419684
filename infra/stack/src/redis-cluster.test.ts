import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { apiOptionsFromEnv, buildApi } from '@goodchatter/api';
import { classify } from '@goodchatter/classifier';
import { countMentions, createDatabase, createWebhook, type Database } from '@goodchatter/db';
import { buildSources, type Ingest, startIngest } from '@goodchatter/ingest';
import { mentionEventsKey } from '@goodchatter/live-events';
import { type Notifier, startNotifier } from '@goodchatter/notifier';
import {
  closeRedis,
  createQueue,
  createRedis,
  QUEUES,
  type RedisConnection,
  type RedisTarget,
  redisDependency,
  redisTarget,
} from '@goodchatter/queues';
import { DEMO_MENTIONS_FILE } from '@goodchatter/sources';
import {
  createTestEnv,
  spawnService,
  startWebhookReceiver,
  type TestEnv,
  type WebhookReceiver,
} from '@goodchatter/testing';
import { Cluster } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadStackEnv } from './env.js';

/**
 * The pipeline on a real 3-node Redis Cluster (no replicas) on loopback, started here and
 * stopped at the end; the shared Redis is never touched. The API, ingest and notifier run
 * in this process and the scorer as its own process (its container's entry point), all
 * with REDIS_CLUSTER_ENABLED: pushed mentions are scored, stored, alerted by webhook and
 * sent live over SSE; then the scorer is stopped and started again (no Redis failover)
 * while mentions wait in the cluster, and picks them up.
 */
const HAS_REDIS = ['redis-server', 'redis-cli'].every((bin) => spawnSync(bin, ['--version']).status === 0);
if (!HAS_REDIS) console.warn('redis-cluster.test: skipped, redis-server/redis-cli are not installed');

const ADMIN_KEY = 'gc_test_admin_key_cluster_0123456789';
const run = promisify(execFile);
let dir: string;
const nodes: { port: number; proc: ChildProcess }[] = [];
const scorers: ChildProcess[] = [];
let env: TestEnv;
let database: Database;
let receiver: WebhookReceiver;
let workerRedis: RedisConnection | undefined;
let apiRedis: RedisConnection | undefined;
let app: Awaited<ReturnType<typeof buildApi>> | undefined;
let ingest: Ingest | undefined;
let notifier: Notifier | undefined;
let base: string;
let clusterEnv: Record<string, string>;
let target: RedisTarget;

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });

/** A port that is free, and whose cluster bus port (+10000) is free too. */
async function clusterPort(taken: number[]): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if (taken.includes(port) || port === 6379) continue;
    if ((await portFree(port)) && (await portFree(port + 10_000))) return port;
  }
}

async function startClusterNodes(): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await clusterPort(ports);
    ports.push(port);
    const proc = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        join(dir, `nodes-${port}.conf`),
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
      ],
      { stdio: 'ignore' },
    );
    nodes.push({ port, proc });
  }
  for (const port of ports) {
    // In beforeAll, where expect.poll is not allowed: vi.waitFor retries until the check stops throwing.
    await vi.waitFor(
      async () => {
        const r = await run('redis-cli', ['-p', String(port), 'ping']).catch(() => ({ stdout: '' }));
        expect(r.stdout.trim(), `redis-server on ${port}`).toBe('PONG');
      },
      { timeout: 30_000 },
    );
  }
  await run(
    'redis-cli',
    ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'],
    { timeout: 30_000 },
  );
  for (const port of ports) {
    await vi.waitFor(
      async () => {
        const r = await run('redis-cli', ['-p', String(port), 'cluster', 'info']).catch(() => ({ stdout: '' }));
        expect(r.stdout, `cluster_state:ok on ${port}`).toContain('cluster_state:ok');
      },
      { timeout: 30_000 },
    );
  }
  return ports;
}

function spawnScorer(): ChildProcess {
  const child = spawnService(
    'scorer',
    { databaseUrl: env.databaseUrl, redisUrl: clusterEnv.REDIS_URL as string, prefix: env.prefix },
    { ...clusterEnv, SCORER_CONCURRENCY: '2', LOG_LEVEL: 'error' },
  );
  scorers.push(child);
  return child;
}

/** A minimal EventSource on /v1/stream: the mention events received so far. */
function openStream() {
  const events: { id: string; externalId: string; label: string }[] = [];
  let connected = false;
  let buffer = '';
  const req = http.get(
    `${base}/v1/stream?labels=praise,complaint,neutral,mixed`,
    { headers: { authorization: `Bearer ${ADMIN_KEY}` } },
    (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(': connected')) connected = true;
          const id = /^id: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (id && data) {
            const m = JSON.parse(data) as { externalId: string; label: string };
            events.push({ id, externalId: m.externalId, label: m.label });
          }
        }
      });
    },
  );
  req.on('error', () => {});
  return {
    events,
    ready: () => expect.poll(() => connected, { message: 'the stream to open', timeout: 30_000 }).toBe(true),
    close: () => req.destroy(),
  };
}

interface DemoLine {
  id: string;
  text: string;
  author: { handle: string; followers?: number };
  postedAt: string;
  brand?: string;
}

async function push(lines: DemoLine[], tag: string): Promise<void> {
  const res = await fetch(`${base}/v1/ingest`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      mentions: lines.map((l) => ({
        source: 'push',
        externalId: `${tag}-${l.id}`,
        text: l.text,
        author: { handle: l.author.handle, followers: l.author.followers ?? 0 },
        postedAt: new Date().toISOString(),
        ...(l.brand ? { brand: l.brand } : {}),
      })),
    }),
  });
  expect(res.status).toBe(202);
}

describe.skipIf(!HAS_REDIS)('the pipeline on a 3-node Redis Cluster', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'redis-cluster-'));
    const ports = await startClusterNodes();
    env = await createTestEnv();
    receiver = await startWebhookReceiver();
    database = createDatabase(env.databaseUrl, { max: 6 });
    clusterEnv = {
      // Only its (absent) password matters in cluster mode; the seeds are the nodes.
      REDIS_URL: `redis://127.0.0.1:${ports[0]}`,
      REDIS_CLUSTER_ENABLED: 'true',
      REDIS_CLUSTER_NODES: ports.map((p) => `127.0.0.1:${p}`).join(','),
    };
  }, 120_000);

  afterAll(async () => {
    for (const c of scorers) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await ingest?.close().catch(() => {});
    await notifier?.close().catch(() => {});
    await app?.close().catch(() => {});
    if (workerRedis) await closeRedis(workerRedis);
    if (apiRedis) await closeRedis(apiRedis);
    await database?.close();
    await receiver?.close();
    await env?.cleanup();
    // Stop our nodes (never the shared Redis) and remove their files.
    await Promise.all(
      nodes.map(
        ({ proc }) =>
          new Promise<void>((resolve) => {
            if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
            proc.once('exit', () => resolve());
            proc.kill('SIGTERM');
            setTimeout(() => proc.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('scores, stores, alerts and streams pushed mentions; a restarted scorer picks up queued work', {
    timeout: 240_000,
  }, async () => {
    const stackEnv = loadStackEnv({
      ...clusterEnv,
      DATABASE_URL: env.databaseUrl,
      QUEUE_PREFIX: env.prefix,
      GOODCHATTER_ADMIN_KEY: ADMIN_KEY,
      DEMO: 'off',
      WEBHOOK_ALLOW_PRIVATE: 'true',
    });
    target = redisTarget(stackEnv);
    expect(target.cluster?.nodes).toHaveLength(3);
    // The start-up check every entry point makes: the cluster answers with every slot served.
    await redisDependency(target).check();

    const logger = pino({ level: 'silent' });
    const connection = createRedis(target, 'worker');
    workerRedis = connection;
    apiRedis = createRedis(target, 'producer');
    expect(connection).toBeInstanceOf(Cluster);
    const common = { database, connection, prefix: env.prefix, logger };
    await createWebhook(database.db, { url: receiver.url, events: ['mention.praise'] });
    notifier = startNotifier({ ...common, allowPrivate: true, sweepEveryMs: 200 });
    ingest = await startIngest({ ...common, sources: buildSources(stackEnv, logger), syncEveryMs: 0 });
    app = await buildApi({ database, redis: apiRedis, logger, ...apiOptionsFromEnv(stackEnv) });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    await expect
      .poll(async () => (await fetch(`${base}/readyz`)).status, {
        message: 'the API to be ready on the cluster',
        timeout: 30_000,
      })
      .toBe(200);
    const first = spawnScorer();

    const lines = (await readFile(DEMO_MENTIONS_FILE, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as DemoLine);
    const isPraise = (l: DemoLine) => classify(l.text, { brand: l.brand }).label === 'praise';
    const batchA = lines.slice(0, 60);
    const batchB = lines.slice(60, 120);
    const praiseA = batchA.filter(isPraise).map((l) => `a-${l.id}`);
    const praiseB = batchB.filter(isPraise).map((l) => `b-${l.id}`);
    // The stream carries every label it can be asked for (all but `unscored`: other languages).
    const streamed = (batch: DemoLine[], tag: string) =>
      batch.filter((l) => classify(l.text, { brand: l.brand }).label !== 'unscored').map((l) => `${tag}-${l.id}`);
    const streamA = streamed(batchA, 'a');
    const streamB = streamed(batchB, 'b');
    expect(praiseA.length).toBeGreaterThan(2);
    expect(praiseB.length).toBeGreaterThan(2);
    const hooked = () =>
      receiver.received.map((h) => (h.json as { data: { externalId: string } }).data.externalId).sort();

    // 1. Pushed through the API, scored by the scorer process, stored, alerted and streamed.
    const stream = openStream();
    await stream.ready();
    await push(batchA, 'a');
    await expect
      .poll(() => countMentions(database.db), { message: 'batch A stored', timeout: 90_000 })
      .toBe(batchA.length);
    await expect
      .poll(() => receiver.received.length, { message: 'one webhook per praise of batch A', timeout: 60_000 })
      .toBeGreaterThanOrEqual(praiseA.length);
    await expect
      .poll(() => stream.events.length, { message: 'batch A on the live stream', timeout: 30_000 })
      .toBeGreaterThanOrEqual(streamA.length);
    expect(hooked()).toEqual([...praiseA].sort());
    expect(stream.events.map((e) => e.externalId).sort()).toEqual([...streamA].sort());

    // Each queue's keys carry a hash tag of their own; the stream is a plain single key.
    const probe = createRedis(target, 'worker') as Cluster;
    try {
      const slots = new Map<string, number>();
      for (const name of Object.values(QUEUES)) {
        const tag = `{${env.prefix}.${name}}`;
        slots.set(name, Number(await probe.cluster('KEYSLOT', `${tag}:${name}:wait`)));
      }
      const scoreKeys: string[] = [];
      for (const node of probe.nodes('master')) {
        scoreKeys.push(...(await node.keys(`{${env.prefix}.score}:score:*`)));
        // No queue key under the standalone layout.
        expect(await node.keys(`${env.prefix}:score:*`)).toEqual([]);
      }
      expect(scoreKeys.length).toBeGreaterThan(0);
      const scoreSlots = new Set(await Promise.all(scoreKeys.map((k) => probe.cluster('KEYSLOT', k))));
      expect([...scoreSlots].map(Number)).toEqual([slots.get('score')]);
      expect(new Set(slots.values()).size).toBeGreaterThan(1);
      expect(await probe.exists(mentionEventsKey(env.prefix))).toBe(1);
    } finally {
      probe.disconnect();
    }

    // 2. The scorer stops (SIGTERM, as an orchestrator restarts it); mentions pushed
    //    meanwhile wait in the cluster; a new scorer process takes them.
    first.kill('SIGTERM');
    const code = await new Promise((r) => first.once('exit', (c) => r(c)));
    expect(code).toBe(0);
    await push(batchB, 'b');
    const score = createQueue(QUEUES.score, { connection, prefix: env.prefix });
    try {
      expect(await score.getWaitingCount()).toBeGreaterThan(0);
    } finally {
      await score.close();
    }
    expect(await countMentions(database.db)).toBe(batchA.length);
    spawnScorer();
    const total = batchA.length + batchB.length;
    await expect
      .poll(() => countMentions(database.db), { message: 'batch B stored after the restart', timeout: 90_000 })
      .toBe(total);
    await expect
      .poll(() => receiver.received.length, { message: 'one webhook per praise of both batches', timeout: 60_000 })
      .toBeGreaterThanOrEqual(praiseA.length + praiseB.length);
    await expect
      .poll(() => stream.events.length, { message: 'batch B on the live stream', timeout: 30_000 })
      .toBeGreaterThanOrEqual(streamA.length + streamB.length);
    await new Promise((r) => setTimeout(r, 300));
    expect(hooked()).toEqual([...praiseA, ...praiseB].sort());
    expect(stream.events.map((e) => e.externalId).sort()).toEqual([...streamA, ...streamB].sort());
    stream.close();
  });

  it('keeps rate limits, failed-key counts and key revocation in the cluster', async () => {
    if (!app) throw new Error('needs the stack of the test above');
    const api = app;
    const call = (path: string, key: string, init: RequestInit = {}) =>
      fetch(`${base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${key}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      });
    // Revocations reach this process through the cluster's pub/sub: only then are keys cached.
    await expect.poll(() => api.keyCache.isLive, { message: 'the key cache to subscribe', timeout: 30_000 }).toBe(true);
    const created = await call('/v1/api-keys', ADMIN_KEY, {
      method: 'POST',
      body: JSON.stringify({ name: 'cluster', scopes: ['read'] }),
    });
    expect(created.status).toBe(201);
    const { id, key } = (await created.json()) as { id: string; key: string };

    // The per-key rate limit counts in the cluster (a Redis error would skip it silently).
    const first = await call('/v1/mentions?limit=1', key);
    const second = await call('/v1/mentions?limit=1', key);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const remaining = (r: Response) => Number(r.headers.get('x-ratelimit-remaining'));
    expect(first.headers.get('x-ratelimit-limit')).toBe('1200');
    expect(remaining(second)).toBe(remaining(first) - 1);

    // Revoked: refused at once, although the key was cached.
    expect((await call(`/v1/api-keys/${id}`, ADMIN_KEY, { method: 'DELETE' })).status).toBe(204);
    expect((await call('/v1/mentions?limit=1', key)).status).toBe(401);
    // Failed keys are counted per address in the cluster.
    expect((await call('/v1/mentions?limit=1', 'gc_not_a_real_key_at_all')).status).toBe(401);

    const probe = createRedis(target, 'worker') as Cluster;
    try {
      expect(Number(await probe.get(`${env.prefix}:auth-failures:127.0.0.1`))).toBeGreaterThanOrEqual(2);
      const limited: string[] = [];
      for (const node of probe.nodes('master')) limited.push(...(await node.keys(`${env.prefix}:ratelimit:*`)));
      expect(limited.length).toBeGreaterThan(0);
    } finally {
      probe.disconnect();
    }
  });
});
