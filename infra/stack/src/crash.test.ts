import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classify } from '@goodchatter/classifier';
import { countMentions, createDatabase, createWebhook, type Database, ensureQuery } from '@goodchatter/db';
import { buildSources, type Ingest, startIngest } from '@goodchatter/ingest';
import { type Notifier, startNotifier } from '@goodchatter/notifier';
import { createRedis } from '@goodchatter/queues';
import {
  createTestEnv,
  spawnService,
  startWebhookReceiver,
  type TestEnv,
  type WebhookReceiver,
  writeSyntheticReplay,
} from '@goodchatter/testing';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadStackEnv } from './env.js';

const TOTAL = 10_000;
let env: TestEnv;
let dir: string;
let receiver: WebhookReceiver;
let database: Database;
let redis: Redis;
let ingest: Ingest;
let notifier: Notifier;
const children: ChildProcess[] = [];

/** The scorer as its own process, started the way its container starts it. */
function spawnScorer(): ChildProcess {
  const child = spawnService('scorer', env, {
    SCORER_CONCURRENCY: '1',
    // A killed scorer's job is taken over this soon.
    JOB_LOCK_MS: '1500',
  });
  children.push(child);
  return child;
}

beforeAll(async () => {
  env = await createTestEnv();
  dir = await mkdtemp(join(tmpdir(), 'crash-'));
  receiver = await startWebhookReceiver();
  database = createDatabase(env.databaseUrl, { max: 4 });
  redis = createRedis(env.redisUrl, 'worker');
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await ingest?.close();
  await notifier?.close();
  redis.disconnect();
  await database.close();
  await receiver.close();
  await rm(dir, { recursive: true, force: true });
  await env.cleanup();
});

describe('a scorer killed mid-replay', () => {
  it('loses nothing, duplicates nothing and sends no webhook twice after a restart', { timeout: 240_000 }, async () => {
    const file = join(dir, 'replay.jsonl');
    const lines = await writeSyntheticReplay(file, TOTAL, 42);
    const expectedPraise = lines
      .map((l) => JSON.parse(l) as { id: string; text: string; brand: string })
      .filter((m) => classify(m.text, { brand: m.brand }).label === 'praise')
      .map((m) => m.id);

    const logger = pino({ level: 'silent' });
    const stackEnv = loadStackEnv({ SCORE_BATCH_SIZE: '20' });
    const common = { database, connection: redis, prefix: env.prefix, logger };
    await createWebhook(database.db, { url: receiver.url, events: ['mention.praise'] });
    notifier = startNotifier({ ...common, allowPrivate: true });
    ingest = await startIngest({ ...common, sources: buildSources(stackEnv, logger), syncEveryMs: 0 });

    const first = spawnScorer();
    await ensureQuery(database.db, { brand: 'Crash', source: 'replay', query: file });
    await ingest.syncNow();
    await expect
      .poll(() => countMentions(database.db), {
        message: 'the scorer to store some mentions',
        timeout: 30_000,
        interval: 10,
      })
      .toBeGreaterThan(1000);
    first.kill('SIGKILL'); // no graceful close
    await new Promise((r) => first.once('exit', r));
    const atKill = await countMentions(database.db);
    expect(atKill).toBeLessThan(TOTAL);

    spawnScorer();
    await expect
      .poll(() => countMentions(database.db), { message: 'every mention stored', timeout: 90_000 })
      .toBe(TOTAL);
    await expect
      .poll(() => receiver.received.length, { message: 'every praise delivered', timeout: 90_000 })
      .toBeGreaterThanOrEqual(expectedPraise.length);
    await new Promise((r) => setTimeout(r, 500));

    const { rows } = await database.pool.query('SELECT count(DISTINCT external_id)::int AS n FROM mentions');
    expect(rows[0].n).toBe(TOTAL);
    const hooked = receiver.received.map((h) => (h.json as { data: { externalId: string } }).data.externalId);
    expect(hooked.length).toBe(expectedPraise.length);
    expect(hooked.sort()).toEqual([...expectedPraise].sort());
  });
});
