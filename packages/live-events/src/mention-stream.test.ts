import { createRedis, type RedisConnection } from '@goodchatter/queues';
import { createQueuePrefix } from '@goodchatter/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MENTION_EVENTS_MAXLEN, mentionEventsKey, publishStoredMentions } from './mention-stream.js';

describe('the stored-mentions stream', () => {
  let redis: RedisConnection;
  let queues: ReturnType<typeof createQueuePrefix>;

  beforeAll(async () => {
    queues = createQueuePrefix(inject('redisUrl'));
    redis = createRedis(inject('redisUrl'), 'worker');
  });
  afterAll(async () => {
    redis?.disconnect();
    await queues?.cleanup();
  });

  it('appends one entry per stored mention, in order, under the prefix', async () => {
    await publishStoredMentions(
      redis,
      [
        { id: 7, label: 'praise' },
        { id: 8, label: 'complaint' },
      ],
      queues.prefix,
    );
    const key = mentionEventsKey(queues.prefix);
    expect(key).toBe(`${queues.prefix}:events:mentions`);
    const entries = await redis.xrange(key, '-', '+');
    expect(entries.map(([, fields]) => fields)).toEqual([
      ['id', '7', 'label', 'praise'],
      ['id', '8', 'label', 'complaint'],
    ]);
    // Entry ids rise: a client resuming with Last-Event-ID gets exactly what followed.
    const after = await redis.xrange(key, `(${entries[0]?.[0]}`, '+');
    expect(after.map(([id]) => id)).toEqual([entries[1]?.[0]]);
  });

  it('writes nothing for an empty batch', async () => {
    const prefix = `${queues.prefix}-empty`;
    await publishStoredMentions(redis, [], prefix);
    expect(await redis.exists(mentionEventsKey(prefix))).toBe(0);
  });

  it('keeps the stream near its cap instead of growing without end', async () => {
    const prefix = `${queues.prefix}-cap`;
    const batch = Array.from({ length: 1000 }, (_, i) => ({ id: i, label: 'neutral' }));
    try {
      for (let i = 0; i < 12; i++) await publishStoredMentions(redis, batch, prefix);
      const length = await redis.xlen(mentionEventsKey(prefix));
      // Approximate trimming (MAXLEN ~) removes whole nodes: a little over the cap at most.
      expect(length).toBeGreaterThanOrEqual(MENTION_EVENTS_MAXLEN);
      expect(length).toBeLessThan(12_000);
    } finally {
      await redis.del(mentionEventsKey(prefix));
    }
  });
});
