import { randomUUID } from 'node:crypto';
import {
  createDatabase,
  createWebhook,
  type Database,
  insertMentions,
  listDeliveries,
  type NewMentionRow,
  type WebhookInput,
} from '@goodchatter/db';
import { createQueue, createRedis, type NotifyJob, QUEUES, type Queue } from '@goodchatter/queues';
import { createTestEnv, mentionRow, type TestEnv } from '@goodchatter/testing';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { type Notifier, type NotifierDeps, startNotifier } from '../worker.js';

/**
 * A notifier on a test database and queue prefix, with small delays so retries happen in
 * milliseconds. Every fan-out reaches every matching subscription, so each test uses a
 * brand of its own and subscribes with that brand as filter: tests never see each other's events.
 */
export interface Harness {
  env: TestEnv;
  database: Database;
  connection: Redis;
  notifier: Notifier;
  brand(): string;
  subscribe(input: Partial<WebhookInput> & { url: string; brand: string }): Promise<{ id: number; secret: string }>;
  mention(brand: string, over?: Partial<NewMentionRow>): Promise<number>;
  /** What the scorer does for a new praise or complaint: one notify job. */
  alert(mentionId: number, event?: NotifyJob['event'], jobId?: string): Promise<void>;
  deliveries(webhookId: number): ReturnType<typeof listDeliveries>;
  close(): Promise<void>;
}

export async function startHarness(settings: Partial<NotifierDeps> = {}): Promise<Harness> {
  const env = await createTestEnv();
  const database = createDatabase(env.databaseUrl, { max: 6 });
  const connection = createRedis(env.redisUrl, 'worker');
  const notifier = startNotifier({
    database,
    connection,
    prefix: env.prefix,
    logger: pino({ level: 'silent' }),
    allowPrivate: true,
    timeoutMs: 1000,
    retryBaseMs: 50,
    sweepEveryMs: 25,
    ...settings,
  });
  const notifyQueue: Queue<NotifyJob> = createQueue(QUEUES.notify, { connection, prefix: env.prefix });
  let n = 0;
  return {
    env,
    database,
    connection,
    notifier,
    brand: () => `brand-${randomUUID().slice(0, 8)}`,
    async subscribe(input) {
      const w = await createWebhook(database.db, { events: ['mention.praise'], ...input });
      return { id: w.id, secret: w.secret };
    },
    async mention(brand, over = {}) {
      n += 1;
      const now = new Date();
      const [row] = await insertMentions(database.db, [
        mentionRow({
          source: 'test',
          externalId: `${brand}-${n}`,
          brand,
          authorHandle: `fan${n}`,
          authorFollowers: 500,
          text: `Thanks ${brand}, Maria was wonderful (${n})`,
          postedAt: now,
          ingestedAt: now,
          score: 3,
          reasons: [],
          staff: ['Maria'],
          ...over,
        }),
      ]);
      if (!row) throw new Error('mention not stored');
      return row.id;
    },
    async alert(mentionId, event = 'mention.praise', jobId) {
      const label = event === 'mention.praise' ? 'praise' : 'complaint';
      await notifyQueue.add(label, { mentionId, event }, { jobId: jobId ?? `${label}-${mentionId}` });
    },
    deliveries: (webhookId) => listDeliveries(database.db, webhookId, { limit: 100 }),
    async close() {
      await notifier.close();
      await notifyQueue.close();
      connection.disconnect();
      await database.close();
      await env.cleanup();
    },
  };
}
