import { BaseEnv, parseEnv } from '@goodchatter/core';
import { createQueuePrefix } from '@goodchatter/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  closeRedis,
  createQueue,
  createRedis,
  DEFAULT_PREFIX,
  pollSchedulerId,
  QUEUES,
  queueKeyPrefix,
} from './index.js';

describe('queue names', () => {
  it('stay as deployed: a rename strands the jobs waiting under the old name', () => {
    expect(QUEUES).toEqual({ poll: 'poll', score: 'score', notify: 'notify', deliver: 'deliver' });
    expect(DEFAULT_PREFIX).toBe('goodchatter');
  });

  it('are plain words: no separator that BullMQ or a hash tag gives a meaning', () => {
    for (const name of Object.values(QUEUES)) expect(name).toMatch(/^[a-z]+$/);
  });
});

describe('QUEUE_PREFIX', () => {
  it.each(['goodchatter', 'staging-2', 'gct_run_7'])('accepts %s', (prefix) => {
    expect(parseEnv(BaseEnv, { QUEUE_PREFIX: prefix }).QUEUE_PREFIX).toBe(prefix);
  });

  it.each(['a.b', 'a:b', '{a}', 'a b', 'a/b'])('refuses %j, naming the variable', (prefix) => {
    expect(() => parseEnv(BaseEnv, { QUEUE_PREFIX: prefix })).toThrow(/QUEUE_PREFIX/);
  });
});

describe('queueKeyPrefix', () => {
  it('is the prefix itself on a standalone Redis, a hash tag per queue on a cluster', () => {
    expect(queueKeyPrefix('acme', QUEUES.deliver, false)).toBe('acme');
    expect(queueKeyPrefix('acme', QUEUES.deliver, true)).toBe('{acme.deliver}');
  });

  it('never gives two (prefix, queue) pairs the same cluster tag', () => {
    // Prefixes chosen to collide if the separator could occur in a prefix or a name.
    const prefixes = ['a', 'a-poll', 'a_score', 'poll', 'goodchatter', 'goodchatter-notify'];
    const tags = prefixes.flatMap((p) => Object.values(QUEUES).map((q) => queueKeyPrefix(p, q, true)));
    expect(new Set(tags).size).toBe(prefixes.length * Object.values(QUEUES).length);
    for (const tag of tags) expect(tag).toMatch(/^\{[^{}]+\}$/);
  });
});

describe('pollSchedulerId', () => {
  it('is an id BullMQ accepts: never integer-like, never with a colon', () => {
    for (const id of [1, 42, 2 ** 31 - 1]) {
      const s = pollSchedulerId(id);
      expect(`${Number.parseInt(s, 10)}`).not.toBe(s);
      expect(s).not.toContain(':');
    }
    expect(pollSchedulerId(1)).not.toBe(pollSchedulerId(11));
  });
});

describe('queues in Redis', () => {
  let redis: Redis;
  let a: ReturnType<typeof createQueuePrefix>;
  let b: ReturnType<typeof createQueuePrefix>;
  beforeAll(() => {
    redis = createRedis(inject('redisUrl'), 'worker');
    a = createQueuePrefix(inject('redisUrl'));
    b = createQueuePrefix(inject('redisUrl'));
  });
  afterAll(async () => {
    await closeRedis(redis);
    await Promise.all([a?.cleanup(), b?.cleanup()]);
  });

  it('keep their keys under `<prefix>:<queue>:` and apart from another prefix', async () => {
    const inA = createQueue(QUEUES.score, { connection: redis, prefix: a.prefix });
    const inB = createQueue(QUEUES.score, { connection: redis, prefix: b.prefix });
    try {
      await inA.add('batch', { mentions: [{ id: 'x' }], enqueuedAt: Date.now() });
      const keys = await redis.keys(`${a.prefix}:*`);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(key.startsWith(`${a.prefix}:score:`)).toBe(true);
      expect(await inA.getJobCounts('waiting')).toEqual({ waiting: 1 });
      expect(await inB.getJobCounts('waiting')).toEqual({ waiting: 0 });
      // B has only written its own bookkeeping (BullMQ's `meta`), none of A's job's keys.
      const keysOfB = await redis.keys(`${b.prefix}:*`);
      expect(keysOfB.filter((k) => k !== `${b.prefix}:score:meta`)).toEqual([]);
    } finally {
      await Promise.all([inA.close(), inB.close()]);
    }
  });
});
