import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classify } from '@goodchatter/classifier';
import {
  countMentions,
  createDatabase,
  createWebhook,
  type Database,
  ensureQuery,
  trackedQueries,
} from '@goodchatter/db';
import { createQueue, createRedis, QUEUES } from '@goodchatter/queues';
import { DEMO_MENTIONS_FILE } from '@goodchatter/sources';
import { createTestEnv, startWebhookReceiver, type TestEnv, type WebhookReceiver } from '@goodchatter/testing';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStackEnv } from './env.js';
import { type Stack, startStack } from './stack.js';

const ADMIN_KEY = 'gc_test_admin_key_0123456789abcdef';
let env: TestEnv;
let dir: string;
let receiver: WebhookReceiver;
let stack: Stack;
let database: Database;
const redis = () => createRedis(env.redisUrl, 'worker');

beforeAll(async () => {
  env = await createTestEnv();
  dir = await mkdtemp(join(tmpdir(), 'e2e-'));
  receiver = await startWebhookReceiver();
  database = createDatabase(env.databaseUrl, { max: 2 });
});

afterAll(async () => {
  await stack?.close();
  await database.close();
  await receiver.close();
  await rm(dir, { recursive: true, force: true });
  await env.cleanup();
});

async function idle(): Promise<boolean> {
  const connection = redis();
  try {
    for (const name of [QUEUES.poll, QUEUES.score, QUEUES.notify, QUEUES.deliver]) {
      const q = createQueue(name, { connection, prefix: env.prefix });
      // The poll scheduler always keeps its next tick delayed: that is not work in flight.
      const states = name === QUEUES.poll ? ['waiting', 'active'] : ['waiting', 'active', 'delayed', 'prioritized'];
      const c = await q.getJobCounts(...(states as ('waiting' | 'active')[]));
      await q.close();
      if (Object.values(c).some((n) => n > 0)) return false;
    }
    return true;
  } finally {
    connection.disconnect();
  }
}

async function allPages(url: string): Promise<{ id: string; externalId: string; label: string }[]> {
  const out = [];
  let cursor: string | null = null;
  do {
    const res = await fetch(`${url}${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data: { id: string; externalId: string; label: string }[];
      nextCursor: string | null;
    };
    out.push(...body.data);
    cursor = body.nextCursor;
  } while (cursor);
  return out;
}

describe('the whole pipeline, end to end', () => {
  it('stores every mention once, serves praise, sends one webhook per praise, and a replay adds nothing', {
    timeout: 180_000,
  }, async () => {
    // The demo sample with one malformed line in the middle.
    const lines = (await readFile(DEMO_MENTIONS_FILE, 'utf8')).split('\n').filter(Boolean);
    const file = join(dir, 'sample.jsonl');
    await writeFile(file, [...lines.slice(0, 50), '{"id": "broken", "text":', ...lines.slice(50)].join('\n'));
    const parsed = lines.map((l) => JSON.parse(l) as { id: string; text: string; brand?: string });
    const expectedPraise = parsed
      .filter((m) => classify(m.text, { brand: m.brand }).label === 'praise')
      .map((m) => m.id);
    expect(expectedPraise.length).toBeGreaterThan(10);

    const logger = pino({ level: 'silent' });
    await createWebhook(database.db, { url: receiver.url, events: ['mention.praise'] });
    stack = await startStack(
      loadStackEnv({
        GOODCHATTER_ADMIN_KEY: ADMIN_KEY,
        DATABASE_URL: env.databaseUrl,
        REDIS_URL: env.redisUrl,
        QUEUE_PREFIX: env.prefix,
        PORT: '0',
        HOST: '127.0.0.1',
        DEMO: 'off',
        // The receiver listens on loopback, which subscriptions may not target by default.
        WEBHOOK_ALLOW_PRIVATE: 'true',
        SCHEDULE_SYNC_MS: '60000',
      }),
      logger,
    );
    const query = await ensureQuery(database.db, { brand: 'Sample', source: 'replay', query: file });
    await stack.syncSchedules();

    await expect
      .poll(() => countMentions(database.db), { message: 'all mentions stored', timeout: 30_000 })
      .toBe(parsed.length);
    await expect
      .poll(() => receiver.received.length, { message: 'one webhook per praise', timeout: 30_000 })
      .toBeGreaterThanOrEqual(expectedPraise.length);
    await expect.poll(idle, { message: 'queues drained', timeout: 30_000 }).toBe(true);

    // Every mention stored exactly once.
    const all = await allPages(`${stack.apiUrl}/v1/mentions?limit=100`);
    expect(all.map((m) => m.externalId).sort()).toEqual(parsed.map((m) => m.id).sort());
    // ?label=praise is exactly what the classifier calls praise.
    const praise = await allPages(`${stack.apiUrl}/v1/mentions?label=praise&limit=100`);
    expect(praise.map((m) => m.externalId).sort()).toEqual([...expectedPraise].sort());
    // Exactly one POST per new praise, carrying that mention.
    const hooked = receiver.received.map((h) => (h.json as { data: { externalId: string } }).data.externalId);
    expect(hooked.sort()).toEqual([...expectedPraise].sort());
    expect(new Set(receiver.received.map((h) => h.headers['x-goodchatter-event-id'])).size).toBe(hooked.length);
    const [q] = await database.db.select().from(trackedQueries).where(eq(trackedQueries.id, query.id));
    expect(q?.checkpoint).toBe(String(lines.length + 1));

    // Replaying the same file from the start adds nothing and sends nothing.
    await database.db.update(trackedQueries).set({ checkpoint: null }).where(eq(trackedQueries.id, query.id));
    const connection = redis();
    const pollQueue = createQueue(QUEUES.poll, { connection, prefix: env.prefix });
    await pollQueue.add('poll', { queryId: query.id });
    await pollQueue.close();
    connection.disconnect();
    await expect
      .poll(
        async () => {
          const [r] = await database.db.select().from(trackedQueries).where(eq(trackedQueries.id, query.id));
          return r?.checkpoint === String(lines.length + 1);
        },
        { message: 'replay polled', timeout: 30_000 },
      )
      .toBe(true);
    await expect.poll(idle, { message: 'queues drained again', timeout: 30_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(await countMentions(database.db)).toBe(parsed.length);
    expect(receiver.received.length).toBe(expectedPraise.length);
  });
});
