import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, createWebhook, type Database } from '@goodchatter/db';
import {
  createQueuePrefix,
  createTestEnv,
  type ServiceName,
  spawnService,
  startWebhookReceiver,
  syntheticLines,
  type TestEnv,
  type WebhookReceiver,
  waitFor,
} from '@goodchatter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, OwnRedis } from './own-redis.js';

/**
 * Fault injection (issue 11): the services as separate processes, a steady stream of
 * pushed mentions and a loopback webhook receiver. One fault at a time; for each, how many
 * mentions were accepted (202) while it lasted, how many were stored, duplicated or lost,
 * praise events against deliveries, and how long until a mention pushed after the fault
 * was stored again. Asserts nothing lost, nothing duplicated, no delivery twice, and
 * recovery without restarting anything but the process that was killed.
 */
const ADMIN_KEY = 'faults-admin-key-0123456789abcdef';
const BATCH = 20;

let env: TestEnv;
let dir: string;
let redis: OwnRedis;
let receiver: WebhookReceiver;
let database: Database;
let apiPort: number;
let prefix: string;
const procs = new Map<ServiceName, ChildProcess>();

function target() {
  return { databaseUrl: env.databaseUrl, redisUrl: redis.url, prefix };
}

function start(name: ServiceName) {
  const extra: Record<string, string> = {
    JOB_LOCK_MS: '2000',
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_SWEEP_MS: '200',
    GOODCHATTER_ADMIN_KEY: ADMIN_KEY,
    PORT: String(apiPort),
    DEMO: 'off',
    LOG_LEVEL: 'error',
  };
  procs.set(name, spawnService(name, target(), extra));
}

async function kill(name: ServiceName) {
  const child = procs.get(name);
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

/** Pushes a batch; retries (same ids) until a 202, as a client should on 503 or a refused connection. */
async function push(ids: string[], texts: string[]): Promise<void> {
  const mentions = ids.map((id, i) => ({
    source: 'faults',
    externalId: id,
    text: texts[i % texts.length] as string,
    author: { handle: `fan${i}` },
    postedAt: new Date().toISOString(),
    brand: 'Faults',
  }));
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${apiPort}/v1/ingest`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ mentions }),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.status === 202) return;
      if (res.status !== 503 && res.status !== 429) throw new Error(`push answered ${res.status}: ${await res.text()}`);
    } catch (err) {
      if ((err as Error).message.startsWith('push answered')) throw err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

const storedCount = async (ids: string[]) =>
  Number(
    (
      await database.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM mentions WHERE source = 'faults' AND external_id = ANY($1)`,
        [ids],
      )
    ).rows[0]?.n,
  );

beforeAll(async () => {
  env = await createTestEnv();
  dir = await mkdtemp(join(tmpdir(), 'faults-'));
  redis = new OwnRedis(await freePort(), dir);
  await redis.start();
  prefix = createQueuePrefix(redis.url).prefix;
  apiPort = await freePort();
  receiver = await startWebhookReceiver();
  database = createDatabase(env.databaseUrl, { max: 3 });
  await createWebhook(database.db, { url: receiver.url, events: ['mention.praise'] });
  for (const name of ['api', 'scorer', 'notifier'] as const) start(name);
  await waitFor(
    'the API to answer',
    async () => (await fetch(`http://127.0.0.1:${apiPort}/healthz`).catch(() => undefined))?.ok,
    { timeoutMs: 60_000, everyMs: 200 },
  );
}, 120_000);

afterAll(async () => {
  for (const name of procs.keys()) await kill(name);
  await redis?.kill();
  await database?.close();
  await receiver?.close();
  await rm(dir, { recursive: true, force: true });
  await env?.cleanup();
}, 60_000);

interface Row {
  fault: string;
  expected: number;
  stored: number;
  duplicated: number;
  lost: number;
  recoveryMs: number;
}

describe('faults, one at a time, with services as separate processes', () => {
  it('loses nothing, duplicates nothing and delivers no alert twice', { timeout: 600_000 }, async () => {
    const texts = syntheticLines(200, 11).map((l) => (JSON.parse(l) as { text: string }).text);
    const rows: Row[] = [];
    let n = 0;
    const nextIds = () => Array.from({ length: BATCH }, () => `f-${++n}`);

    /** Runs `fault` while a stream of pushes goes on; then measures recovery. */
    async function phase(name: string, fault: () => Promise<void>) {
      const ids: string[] = [];
      let streaming = true;
      const stream = (async () => {
        while (streaming) {
          const batch = nextIds();
          await push(batch, texts);
          ids.push(...batch);
          await new Promise((r) => setTimeout(r, 50));
        }
      })();
      await new Promise((r) => setTimeout(r, 1000));
      await fault();
      const faultEnded = Date.now();
      // Recovery: a batch pushed after the fault is stored.
      const probe = nextIds();
      await push(probe, texts);
      ids.push(...probe);
      await waitFor('a mention pushed after the fault to be stored', async () => (await storedCount(probe)) === BATCH, {
        timeoutMs: 180_000,
        everyMs: 100,
      });
      const recoveryMs = Date.now() - faultEnded;
      streaming = false;
      await stream;
      await waitFor('every accepted mention stored', async () => (await storedCount(ids)) === ids.length, {
        timeoutMs: 180_000,
        everyMs: 200,
      }).catch(() => undefined);
      const stored = await storedCount(ids);
      rows.push({ fault: name, expected: ids.length, stored, duplicated: 0, lost: ids.length - stored, recoveryMs });
    }

    await phase('SIGKILL scorer', async () => {
      await kill('scorer');
      start('scorer');
    });
    await phase('SIGKILL notifier', async () => {
      await kill('notifier');
      start('notifier');
    });
    await phase('SIGKILL api', async () => {
      await kill('api');
      start('api');
    });
    await phase('Redis SIGKILL + restart (AOF)', async () => {
      await redis.kill();
      await new Promise((r) => setTimeout(r, 2000));
      await redis.start();
    });
    await phase('Postgres: connections cut, refused 5 s', async () => {
      const admin = createDatabase(env.databaseUrl.replace(/\/[^/]+$/, '/postgres'), { max: 1 });
      const name = new URL(env.databaseUrl).pathname.slice(1);
      await admin.pool.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin.pool.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      await new Promise((r) => setTimeout(r, 5000));
      await admin.pool.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      await admin.close();
    });

    // Alerts: every praise stored is delivered exactly once (the sweep covers lost jobs).
    const praise = async () =>
      (
        await database.pool.query<{ id: string }>(
          `SELECT id FROM mentions WHERE source = 'faults' AND label = 'praise'`,
        )
      ).rows.map((r) => r.id);
    const delivered = () => receiver.received.map((h) => String((h.json as { data: { id: string } }).data.id));
    const unknownCount = async () =>
      Number(
        (
          await database.pool.query<{ n: string }>(
            `SELECT count(*) AS n FROM webhook_deliveries WHERE status = 'unknown'`,
          )
        ).rows[0]?.n,
      );
    await waitFor(
      'every praise delivered or in doubt',
      async () => {
        return new Set(delivered()).size + (await unknownCount()) >= (await praise()).length;
      },
      {
        timeoutMs: 180_000,
        everyMs: 250,
      },
    ).catch(() => undefined);
    const praiseIds = await praise();
    const deliveredIds = delivered();
    const eventIds = receiver.received.map((h) => h.headers['x-goodchatter-event-id']);
    const duplicateDeliveries = eventIds.length - new Set(eventIds).size;
    // A notifier SIGKILLed between marking a delivery `sending` and the receiver's answer
    // leaves it `unknown`: at most once per subscription (README), so it is not resent.
    const { rows: inDoubt } = await database.pool.query<{ id: string }>(
      `SELECT e.mention_id AS id FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
       WHERE d.status = 'unknown'`,
    );
    const inDoubtIds = new Set(inDoubt.map((r) => String(r.id)));
    const undelivered = praiseIds.filter((id) => !deliveredIds.includes(id));
    const lostAlerts = undelivered.filter((id) => !inDoubtIds.has(id)).length;
    const { rows: dup } = await database.pool.query<{ n: string }>(
      `SELECT count(*) - count(DISTINCT external_id) AS n FROM mentions WHERE source = 'faults'`,
    );

    console.log('\nfault                                   expected  stored  duplicated  lost  recovery');
    for (const r of rows) {
      console.log(
        `${r.fault.padEnd(40)}${String(r.expected).padStart(8)}${String(r.stored).padStart(8)}${String(r.duplicated).padStart(12)}${String(r.lost).padStart(6)}  ${(r.recoveryMs / 1000).toFixed(1)} s`,
      );
    }
    console.log(
      `praise stored ${praiseIds.length}, deliveries ${deliveredIds.length}, lost alerts ${lostAlerts}, ` +
        `in doubt (notifier killed mid-request, marked unknown) ${undelivered.length - lostAlerts}, ` +
        `duplicate deliveries ${duplicateDeliveries}, duplicate mentions ${dup[0]?.n}`,
    );
    for (const r of rows) expect(r.lost, r.fault).toBe(0);
    expect(Number(dup[0]?.n)).toBe(0);
    expect(lostAlerts).toBe(0);
    expect(duplicateDeliveries).toBe(0);
  });
});
