import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { classify } from '@goodchatter/classifier';
import type { MentionInput } from '@goodchatter/core';
import { createDatabase, createWebhook, type Database } from '@goodchatter/db';
import { createQueue, createRedis, QUEUES } from '@goodchatter/queues';
import {
  createTestEnv,
  type ServiceName,
  spawnService,
  startWebhookReceiver,
  syntheticLines,
  type TestEnv,
  type WebhookReceiver,
} from '@goodchatter/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Issue 14, part 2: several scorer and notifier processes on one queue set. BullMQ hands each
// job to one worker, and the store and alert steps are idempotent, so however the batches are
// shared out (and a batch sent twice lands on two scorers at once), every mention is stored
// once and every praise or complaint reaches the webhook once.

const SCORERS = 3;
const NOTIFIERS = 2;
const BATCHES = 40;
const PER_BATCH = 50;

interface Worker {
  name: ServiceName;
  child: ChildProcess;
  started: boolean;
  /** Score batches this process stored (its `batch stored` debug lines). */
  batches: number;
  exitedBy?: string;
}

let env: TestEnv;
let database: Database;
let redis: Redis;
let hooks: WebhookReceiver;
const workers: Worker[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  database = createDatabase(env.databaseUrl, { max: 2 });
  redis = createRedis(env.redisUrl, 'worker');
  hooks = await startWebhookReceiver();
});

afterAll(async () => {
  await Promise.all(
    workers.map(async (w) => {
      if (w.child.exitCode !== null || w.child.signalCode !== null) return;
      const exited = new Promise((r) => w.child.once('exit', r));
      w.child.kill('SIGKILL');
      await exited;
    }),
  );
  await hooks?.close();
  redis?.disconnect();
  await database?.close();
  await env?.cleanup();
});

function start(name: ServiceName, extra: Record<string, string>): Worker {
  const child = spawnService(name, env, { LOG_LEVEL: 'debug', ...extra }, { capture: true });
  const w: Worker = { name, child, started: false, batches: 0 };
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      if (line.includes(`"msg":"${name} started"`)) w.started = true;
      else if (line.includes('"msg":"batch stored"')) w.batches++;
      else if (/"level":(50|60)/.test(line) || !line.startsWith('{')) process.stderr.write(`[${name}] ${line}\n`);
    });
  }
  child.once('exit', (code, signal) => {
    w.exitedBy = String(code ?? signal);
  });
  workers.push(w);
  return w;
}

describe(`${SCORERS} scorers and ${NOTIFIERS} notifiers on one queue set`, () => {
  it('store every mention once and deliver every webhook once', { timeout: 60_000 }, async () => {
    const lines = syntheticLines(BATCHES * PER_BATCH, 14).map(
      (l) => JSON.parse(l) as { id: string; text: string; brand: string },
    );
    const mentions: MentionInput[] = lines.map((m, i) => ({
      source: 'many',
      externalId: m.id,
      text: m.text,
      author: { handle: `u${i}`, followers: 100 + i },
      postedAt: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
      brand: m.brand,
    }));
    const alerting = lines.filter((m) => {
      const label = classify(m.text, { brand: m.brand }).label;
      return label === 'praise' || label === 'complaint';
    });
    expect(alerting.length).toBeGreaterThan(200);
    await createWebhook(database.db, { url: hooks.url, events: ['mention.praise', 'mention.complaint'] });

    const scorers = Array.from({ length: SCORERS }, () => start('scorer', { SCORER_CONCURRENCY: '2' }));
    const notifiers = Array.from({ length: NOTIFIERS }, () =>
      start('notifier', { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_SWEEP_MS: '200', NOTIFIER_CONCURRENCY: '8' }),
    );
    // Every process listening before the first job, so the work is shared out.
    await expect
      .poll(() => workers.every((w) => w.started), { message: 'every worker process started', timeout: 30_000 })
      .toBe(true);

    const scoreQueue = createQueue(QUEUES.score, { connection: redis, prefix: env.prefix });
    try {
      const batches = Array.from({ length: BATCHES }, (_, b) => mentions.slice(b * PER_BATCH, (b + 1) * PER_BATCH));
      const enqueuedAt = Date.now();
      await scoreQueue.addBulk([
        ...batches.map((batch, b) => ({
          name: 'score',
          data: { mentions: batch, enqueuedAt },
          opts: { jobId: `b-${b}` },
        })),
        // A quarter of the batches again under other ids: two scorers race on the same mentions.
        ...batches
          .filter((_, b) => b % 4 === 0)
          .map((batch, b) => ({ name: 'score', data: { mentions: batch, enqueuedAt }, opts: { jobId: `again-${b}` } })),
      ]);

      const count = async (sql: string) => Number((await database.pool.query(sql)).rows[0].n);
      await expect
        .poll(() => count('SELECT count(*) AS n FROM mentions'), {
          message: 'every mention stored',
          timeout: 30_000,
          interval: 200,
        })
        .toBeGreaterThanOrEqual(mentions.length);
      await expect
        .poll(() => hooks.received.length, { message: 'every alert delivered', timeout: 30_000, interval: 100 })
        .toBeGreaterThanOrEqual(alerting.length);
      // Time for a late duplicate (a second notifier, a sweep) to show up.
      await new Promise((r) => setTimeout(r, 1000));

      // Stored once each.
      expect(await count('SELECT count(*) AS n FROM mentions')).toBe(mentions.length);
      expect(await count('SELECT count(DISTINCT (source, external_id)) AS n FROM mentions')).toBe(mentions.length);
      expect(
        await count(`SELECT count(*) AS n FROM mentions WHERE label IN ('praise', 'complaint') AND alerted_at IS NULL`),
      ).toBe(0);
      // Delivered once each: one request per event, and exactly the alerting mentions.
      const eventIds = hooks.requests.map((r) => String(r.headers['x-goodchatter-event-id']));
      expect(hooks.requests).toHaveLength(alerting.length);
      expect(new Set(eventIds).size).toBe(alerting.length);
      const delivered = hooks.received.map((h) => (h.json as { data: { externalId: string } }).data.externalId);
      expect(delivered.sort()).toEqual(alerting.map((m) => m.id).sort());
      expect(await count(`SELECT count(*) AS n FROM webhook_deliveries WHERE status <> 'delivered'`)).toBe(0);

      // The work really was shared: every scorer stored batches, and none of them crashed.
      expect(scorers.reduce((n, s) => n + s.batches, 0)).toBe(BATCHES + BATCHES / 4);
      for (const s of scorers) expect(s.batches).toBeGreaterThan(0);
      expect(workers.filter((w) => w.exitedBy !== undefined).map((w) => `${w.name}: ${w.exitedBy}`)).toEqual([]);
      expect(notifiers).toHaveLength(NOTIFIERS);
    } finally {
      await scoreQueue.close();
    }
  });
});
