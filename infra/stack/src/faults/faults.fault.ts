import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDatabase, createQuery, createWebhook, type Database } from '@goodchatter/db';
import {
  createQueuePrefix,
  createTestEnv,
  type ServiceName,
  startWebhookReceiver,
  syntheticLines,
  TcpProxy,
  type TestEnv,
  type WebhookReceiver,
} from '@goodchatter/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { measureFault, type Row } from './fault-row.js';
import { freePort, OwnRedis } from './own-redis.js';
import { Processes } from './processes.js';
import { Tally } from './tally.js';
import { Traffic } from './traffic.js';

/**
 * Fault injection (issue 11): the four services as separate processes, a steady stream of
 * mentions (pushed to the API, and through a replay file ingest polls) and a loopback
 * webhook receiver. One fault at a time; for each, how many mentions were accepted while
 * it lasted, how many were stored, duplicated or lost, and how long until mentions sent
 * after it were stored again; then praise stored against deliveries. Asserts nothing lost
 * or duplicated, no delivery twice, and recovery with no service restarted but the one
 * killed. The services reach Postgres through a proxy the suite owns, so it can take
 * Postgres away for minutes without touching the shared server.
 */
const ADMIN_KEY = 'faults-admin-key-0123456789abcdef';
/** The long Postgres outage; shorten it (FAULTS_PG_OUTAGE_MS) when working on the suite itself. */
const OUTAGE_MS = Number(process.env.FAULTS_PG_OUTAGE_MS ?? 180_000);
const WORKERS = ['scorer', 'notifier', 'ingest'] as const satisfies readonly ServiceName[];

let env: TestEnv;
let dir: string;
let redis: OwnRedis;
let receiver: WebhookReceiver;
let database: Database;
let tally: Tally;
let pgProxy: TcpProxy;
let procs: Processes;
let traffic: Traffic;
let apiUrl: string;

beforeAll(async () => {
  env = await createTestEnv();
  dir = await mkdtemp(join(tmpdir(), 'faults-'));
  redis = new OwnRedis(await freePort(), dir);
  await redis.start();
  const prefix = createQueuePrefix(redis.url).prefix;
  const apiPort = await freePort();
  apiUrl = `http://127.0.0.1:${apiPort}`;
  receiver = await startWebhookReceiver();
  database = createDatabase(env.databaseUrl, { max: 3 });
  tally = new Tally(database);
  await createWebhook(database.db, { url: receiver.url, events: ['mention.praise'] });
  const replayFile = join(dir, 'mentions.jsonl');
  await writeFile(replayFile, '');
  await createQuery(database.db, {
    brand: 'Faults',
    source: 'replay',
    query: replayFile,
    pollIntervalMs: 1000,
    dailyBudget: 1_000_000,
  });
  const pg = new URL(env.databaseUrl);
  pgProxy = await TcpProxy.start({ host: pg.hostname, port: Number(pg.port || 5432) });
  procs = new Processes(
    { databaseUrl: TcpProxy.through(env.databaseUrl, pgProxy.port), redisUrl: redis.url, prefix },
    {
      JOB_LOCK_MS: '2000',
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_SWEEP_MS: '200',
      SCHEDULE_SYNC_MS: '1000',
      GOODCHATTER_ADMIN_KEY: ADMIN_KEY,
      PORT: String(apiPort),
      DEMO: 'off',
      // Warnings and errors only: what an operator would page through during an outage.
      LOG_LEVEL: 'warn',
    },
  );
  for (const name of ['api', ...WORKERS] as const) procs.start(name);
  // In beforeAll, where expect.poll is not allowed: vi.waitFor retries until the check stops throwing.
  await vi.waitFor(
    async () => expect((await fetch(`${apiUrl}/healthz`).catch(() => undefined))?.ok, 'the API to answer').toBe(true),
    { timeout: 60_000, interval: 200 },
  );
  const texts = syntheticLines(200, 11).map((l) => (JSON.parse(l) as { text: string }).text);
  traffic = new Traffic({ apiUrl, adminKey: ADMIN_KEY, replayFile, texts });
}, 120_000);

afterAll(async () => {
  await traffic?.stop();
  await procs?.stopAll();
  await redis?.kill();
  await pgProxy?.down();
  await database?.close();
  await receiver?.close();
  await rm(dir, { recursive: true, force: true });
  await env?.cleanup();
}, 60_000);

/** One row of the table, measured on this suite's traffic and tally. */
const row = (fault: string, inject: Parameters<typeof measureFault>[2], opts?: { paceMs?: number }) =>
  measureFault({ traffic, tally }, fault, inject, opts);

describe('faults, one at a time, with services as separate processes', () => {
  it('loses nothing, duplicates nothing and delivers no alert twice', { timeout: 900_000 }, async () => {
    const rows: Row[] = [];
    const killAndStart = (name: ServiceName) => async () => {
      await procs.kill(name);
      procs.start(name);
      return undefined;
    };
    rows.push(await row('SIGKILL scorer', killAndStart('scorer')));
    rows.push(await row('SIGKILL notifier', killAndStart('notifier')));
    rows.push(await row('SIGKILL ingest', killAndStart('ingest')));
    rows.push(await row('SIGKILL api', killAndStart('api')));
    rows.push(
      await row('Redis SIGKILL + restart (AOF)', async () => {
        await redis.kill();
        await sleep(2000);
        await redis.start();
        return undefined;
      }),
    );

    // Redis restarted without persistence comes back empty. With the scorer caught up
    // first, what it loses is work Postgres knows about: notify jobs of stored praise
    // (the notifier is frozen meanwhile, so it is behind), which the lost-alert sweep finds.
    rows.push(
      await row('Redis restarted without persistence', async (ctl) => {
        await traffic.stop();
        await expect
          .poll(
            async () => {
              const [unstored, unalerted, pending] = await Promise.all([
                tally.unstored(ctl.ids()),
                tally.unalerted(),
                tally.pendingDeliveries(),
              ]);
              return unstored.length === 0 && unalerted === 0 && pending === 0;
              // Up to a minute more: a scorer killed between storing and queueing alerts leaves them to the sweep.
            },
            { message: 'the notifier to catch up', timeout: 120_000, interval: 100 },
          )
          .toBe(true);
        procs.pause('notifier', true);
        traffic.start(50);
        await sleep(3000);
        await traffic.stop();
        await expect
          .poll(async () => (await tally.unstored(ctl.ids())).length, {
            message: 'the scorer to catch up',
            timeout: 60_000,
            interval: 100,
          })
          .toBe(0)
          .catch(() => undefined);
        const unalerted = await tally.unalerted();
        await ctl.markAtRisk();
        await redis.kill();
        procs.pause('notifier', false);
        traffic.resetStatuses();
        traffic.start(50);
        await expect
          .poll(() => traffic.statuses.get(503) ?? 0, {
            message: 'push ingest to answer 503 while Redis is down',
            timeout: 15_000,
          })
          .toBeGreaterThan(0);
        await sleep(1000);
        const refused = traffic.statuses.get(503) ?? 0;
        await redis.start({ persistence: false });
        expect(traffic.missingRetryAfter, '503 answers without Retry-After').toBe(0);
        return [
          `alerts whose notify job was lost with Redis (left to the sweep): ${unalerted}`,
          `push ingest while Redis was down: ${refused} × 503 with Retry-After, no 500`,
        ];
      }),
    );

    rows.push(
      await row('Postgres: connections cut, refused 5 s', async () => {
        const admin = createDatabase(env.databaseUrl.replace(/\/[^/]+$/, '/postgres'), { max: 1 });
        const name = new URL(env.databaseUrl).pathname.slice(1);
        await admin.pool.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
        await admin.pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
        await sleep(5000);
        await admin.pool.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
        await admin.close();
        return undefined;
      }),
    );

    const outage = { from: 0, to: 0 };
    rows.push(
      await row(
        `Postgres down ${Math.round(OUTAGE_MS / 1000)} s (dropped, refused)`,
        async () => {
          outage.from = Date.now();
          await pgProxy.down();
          const ready = await vi.waitFor(
            async () => {
              const res = await fetch(`${apiUrl}/readyz`);
              const body = (await res.json()) as { postgres: { status: string }; redis: { status: string } };
              expect({ status: res.status, postgres: body.postgres.status, redis: body.redis.status }).toEqual({
                status: 503,
                postgres: 'down',
                redis: 'ok',
              });
              return res.status;
            },
            { timeout: 20_000, interval: 500 },
          );
          await sleep(OUTAGE_MS - (Date.now() - outage.from));
          await pgProxy.up();
          outage.to = Date.now();
          return [`/readyz during it: ${ready}, Postgres down, Redis ok`];
        },
        // Slower traffic for the long outage: what piles up must still be scored afterwards.
        { paceMs: 500 },
      ),
    );

    // Alerts: every praise stored is delivered exactly once (the sweep covers lost jobs).
    const delivered = () => receiver.received.map((h) => String((h.json as { data: { id: string } }).data.id));
    await expect
      .poll(
        async () => {
          return new Set(delivered()).size + (await tally.inDoubtIds()).size >= (await tally.praiseIds()).length;
        },
        { message: 'every praise delivered or in doubt', timeout: 180_000, interval: 250 },
      )
      .toBe(true)
      .catch(() => undefined);
    const praiseIds = await tally.praiseIds();
    const deliveredIds = new Set(delivered());
    const eventIds = receiver.received.map((h) => h.headers['x-goodchatter-event-id']);
    const duplicateDeliveries = eventIds.length - new Set(eventIds).size;
    const inDoubt = await tally.inDoubtIds();
    const undelivered = praiseIds.filter((id) => !deliveredIds.has(id));
    const lostAlerts = undelivered.filter((id) => !inDoubt.has(id)).length;

    // Logs during the long outage: each kind of line at most once per 30 s per process.
    const perKind = procs.linesDuring(outage.from, outage.to, WORKERS);
    const maxPerKind = Math.ceil(OUTAGE_MS / 30_000) + 1;
    const count = (service: string) =>
      procs.logs.filter((l) => l.service === service && l.time >= outage.from && l.time <= outage.to).length;

    console.log('\nfault                                     expected  stored  duplicated  lost  recovery');
    for (const r of rows) {
      console.log(
        `${r.fault.padEnd(42)}${String(r.expected).padStart(8)}${String(r.stored).padStart(8)}${String(r.duplicated).padStart(12)}${String(r.lost).padStart(6)}  ${(r.recoveryMs / 1000).toFixed(1)} s`,
      );
      for (const note of r.notes) console.log(`    ${note}`);
    }
    console.log(
      `praise stored ${praiseIds.length}, delivered ${deliveredIds.size}, lost alerts ${lostAlerts}, ` +
        `in doubt (notifier killed mid-request, marked unknown) ${undelivered.length - lostAlerts}, ` +
        `duplicate deliveries ${duplicateDeliveries}`,
    );
    console.log(
      `log lines (LOG_LEVEL=warn) during the ${Math.round(OUTAGE_MS / 1000)} s Postgres outage: ` +
        `${WORKERS.map((s) => `${s} ${count(s)}`).join(', ')}, api ${count('api')}; ` +
        `most of one kind: ${Math.max(0, ...[...perKind.values()].map((v) => v.length))} (at most ${maxPerKind})`,
    );
    // Recovery without a restart: no service but the one a row killed ever left.
    console.log(`services crashed (exited unasked): ${procs.crashes.length === 0 ? 'none' : procs.crashes.join('; ')}`);

    expect(procs.crashes).toEqual([]);
    for (const r of rows) {
      expect(r.lost, r.fault).toBe(0);
      expect(r.duplicated, r.fault).toBe(0);
    }
    expect(lostAlerts).toBe(0);
    expect(duplicateDeliveries).toBe(0);
    const flooding = [...perKind.entries()]
      .filter(([, v]) => v.length > maxPerKind)
      .map(([k, v]) => `${v.length}× ${k}`);
    expect(flooding, 'worker log lines repeated more than once per 30 s during the outage').toEqual([]);
  });
});
