import type { ChildProcess } from 'node:child_process';
import { classify } from '@goodchatter/classifier';
import type { MentionInput } from '@goodchatter/core';
import { createDatabase, createWebhook, type Database, insertMentions, listDeliveries } from '@goodchatter/db';
import { startNotifier } from '@goodchatter/notifier';
import { createQueue, createRedis, QUEUES } from '@goodchatter/queues';
import { startScorer } from '@goodchatter/scorer';
import {
  createTestEnv,
  mentionRow,
  spawnService,
  startWebhookReceiver,
  syntheticLines,
  type TestEnv,
  type WebhookReceiver,
} from '@goodchatter/testing';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

let env: TestEnv;
let database: Database;
let redis: Redis;
const receivers: WebhookReceiver[] = [];
const children: ChildProcess[] = [];
const logger = pino({ level: 'silent' });

beforeAll(async () => {
  env = await createTestEnv();
  database = createDatabase(env.databaseUrl, { max: 4 });
  redis = createRedis(env.redisUrl, 'worker');
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await Promise.all(receivers.map((r) => r.close()));
  redis.disconnect();
  await database.close();
  await env.cleanup();
});

const receiver = async () => {
  const r = await startWebhookReceiver();
  receivers.push(r);
  return r;
};
const eventIds = (r: WebhookReceiver) => r.requests.map((x) => String(x.headers['x-goodchatter-event-id']));

describe('one event, one delivery per subscription', () => {
  it('holds when the scorer processes the same batch again', { timeout: 90_000 }, async () => {
    const lines = syntheticLines(300, 11).map((l) => JSON.parse(l) as { id: string; text: string; brand: string });
    const mentions: MentionInput[] = lines.map((m, i) => ({
      source: 'once',
      externalId: m.id,
      text: m.text,
      author: { handle: `u${i}`, followers: 1000 },
      postedAt: new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString(),
      brand: m.brand,
    }));
    const labelled = (label: string) => lines.filter((m) => classify(m.text, { brand: m.brand }).label === label);
    const praiseHooks = await receiver();
    const complaintHooks = await receiver();
    await createWebhook(database.db, { url: praiseHooks.url, events: ['mention.praise'] });
    await createWebhook(database.db, { url: complaintHooks.url, events: ['mention.complaint'] });

    const common = { database, connection: redis, prefix: env.prefix, logger };
    const scorer = startScorer(common);
    const notifier = startNotifier({ ...common, allowPrivate: true, sweepEveryMs: 50 });
    const scoreQueue = createQueue(QUEUES.score, { connection: redis, prefix: env.prefix });
    try {
      const job = { mentions, enqueuedAt: Date.now() };
      // The same batch twice at once, and once more after the first ones are done.
      await scoreQueue.addBulk([
        { name: 'score', data: job, opts: { jobId: 'batch-a' } },
        { name: 'score', data: job, opts: { jobId: 'batch-b' } },
      ]);
      const praise = labelled('praise').length;
      const complaints = labelled('complaint').length;
      expect(praise).toBeGreaterThan(20);
      expect(complaints).toBeGreaterThan(20);
      await expect
        .poll(() => praiseHooks.received.length, { message: 'every praise', timeout: 30_000 })
        .toBeGreaterThanOrEqual(praise);
      await scoreQueue.add('score', job, { jobId: 'batch-c' });
      await expect
        .poll(() => complaintHooks.received.length, { message: 'every complaint', timeout: 30_000 })
        .toBeGreaterThanOrEqual(complaints);
      await new Promise((r) => setTimeout(r, 500));
      expect(praiseHooks.requests).toHaveLength(praise);
      expect(complaintHooks.requests).toHaveLength(complaints);
      expect(new Set(eventIds(praiseHooks)).size).toBe(praise);
      const hooked = praiseHooks.received.map((h) => (h.json as { data: { externalId: string } }).data.externalId);
      expect(hooked.sort()).toEqual(
        labelled('praise')
          .map((m) => m.id)
          .sort(),
      );
    } finally {
      await scoreQueue.close();
      await scorer.close();
      await notifier.close();
    }
  });

  it('holds when the notifier is killed mid-delivery: in-flight events become `unknown`, never resent', {
    timeout: 150_000,
  }, async () => {
    const TOTAL = 120;
    const slow = await receiver();
    slow.setDefault({ delayMs: 250 });
    const sub = await createWebhook(database.db, { url: slow.url, events: ['mention.praise'], brand: 'Killed' });
    const now = new Date();
    const stored = await insertMentions(
      database.db,
      Array.from({ length: TOTAL }, (_, i) =>
        mentionRow({
          source: 'killed',
          externalId: `k${i}`,
          brand: 'Killed',
          authorHandle: `k${i}`,
          text: `Thank you Killed, superb service (${i})`,
          postedAt: now,
          ingestedAt: now,
          score: 3,
          reasons: [],
        }),
      ),
    );
    const notifyQueue = createQueue(QUEUES.notify, { connection: redis, prefix: env.prefix });
    await notifyQueue.addBulk(
      stored.map((m) => ({
        name: 'praise',
        data: { mentionId: m.id, event: 'mention.praise' as const },
        opts: { jobId: `praise-${m.id}` },
      })),
    );
    await notifyQueue.close();

    const first = spawnNotifier();
    await expect
      .poll(() => slow.requests.length, { message: 'some deliveries', timeout: 60_000, interval: 10 })
      .toBeGreaterThanOrEqual(30);
    first.kill('SIGKILL'); // mid-request: up to NOTIFIER_CONCURRENCY requests are in flight
    await new Promise((r) => first.once('exit', r));
    spawnNotifier();

    const settled = await vi.waitFor(
      async () => {
        const log = await listDeliveries(database.db, sub.id, { limit: 100 + TOTAL });
        const done = log.length === TOTAL && log.every((d) => d.status === 'delivered' || d.status === 'unknown');
        expect(done, 'every delivery settled').toBe(true);
        return log;
      },
      { timeout: 60_000 },
    );
    const unknown = settled.filter((d) => d.status === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((d) => d.attempts === 1 && /stopped during this request/.test(d.lastError ?? ''))).toBe(true);
    // No event reached the receiver twice, and every delivered one reached it.
    expect(new Set(eventIds(slow)).size).toBe(slow.requests.length);
    const arrived = new Set(eventIds(slow));
    expect(settled.filter((d) => d.status === 'delivered').every((d) => arrived.has(d.eventId))).toBe(true);
  });
});

/** The notifier as its own process, started the way its container starts it. */
function spawnNotifier(): ChildProcess {
  const child = spawnService('notifier', env, {
    WEBHOOK_ALLOW_PRIVATE: 'true',
    // Short deadline, so interrupted attempts are settled (after 2 × 1 s + 5 s) within the test.
    WEBHOOK_TIMEOUT_MS: '1000',
    WEBHOOK_SWEEP_MS: '100',
    NOTIFIER_CONCURRENCY: '8',
    // A killed notifier's jobs are taken over this soon.
    JOB_LOCK_MS: '1500',
    LOG_LEVEL: 'error',
  });
  children.push(child);
  return child;
}
