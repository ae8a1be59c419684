import { randomUUID } from 'node:crypto';
import { createQueuePrefix } from '@goodchatter/testing';
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeRedis, createQueue, createRedis, createWorker, PAYLOADS, QUEUES, type QueueName } from './index.js';

const VALID: { [N in QueueName]: unknown[] } = {
  poll: [{ queryId: 7 }],
  score: [
    { mentions: [{ id: 'x1', text: 'thanks!' }], enqueuedAt: Date.now() },
    // Items are checked one by one by the scorer, not here: a bad one must not sink its batch.
    { mentions: [null, 'not a mention', 42], enqueuedAt: 1 },
    { mentions: Array.from({ length: 1000 }, (_, i) => ({ id: `m${i}` })), enqueuedAt: Date.now() },
  ],
  notify: [
    { mentionId: 12, event: 'mention.praise' },
    { mentionId: 12, event: 'mention.complaint' },
  ],
  deliver: [{ deliveryId: 3 }],
};

// Each kind of bad payload, with the field the error must name.
const INVALID: [QueueName, string, unknown, string][] = [
  ['poll', 'a missing field', {}, 'queryId'],
  ['poll', 'a number sent as text', { queryId: '7' }, 'queryId'],
  ['poll', 'zero', { queryId: 0 }, 'queryId'],
  ['poll', 'a negative id', { queryId: -1 }, 'queryId'],
  ['poll', 'a fraction', { queryId: 1.5 }, 'queryId'],
  ['score', 'an empty batch', { mentions: [], enqueuedAt: 1 }, 'mentions'],
  ['score', 'a batch over 1000', { mentions: Array.from({ length: 1001 }, () => ({})), enqueuedAt: 1 }, 'mentions'],
  ['score', 'mentions that are not a list', { mentions: { id: 'x' }, enqueuedAt: 1 }, 'mentions'],
  ['score', 'no enqueue time', { mentions: [{}] }, 'enqueuedAt'],
  ['score', 'an enqueue time as a date string', { mentions: [{}], enqueuedAt: '2026-12-03T10:00:00Z' }, 'enqueuedAt'],
  ['notify', 'an event that is not an alert', { mentionId: 1, event: 'mention.status_changed' }, 'event'],
  ['notify', 'no event', { mentionId: 1 }, 'event'],
  ['notify', 'a mention id as text', { mentionId: '1', event: 'mention.praise' }, 'mentionId'],
  ['deliver', 'a missing delivery id', { id: 3 }, 'deliveryId'],
  ['deliver', 'a negative delivery id', { deliveryId: -3 }, 'deliveryId'],
];

describe('payload schemas', () => {
  it('exist for every queue, and for nothing else', () => {
    expect(Object.keys(PAYLOADS).sort()).toEqual(Object.values(QUEUES).sort());
  });

  it.each(Object.entries(VALID))('accept valid %s payloads as they are', (name, payloads) => {
    for (const payload of payloads) expect(PAYLOADS[name as QueueName].parse(payload)).toEqual(payload);
  });

  it.each(INVALID)('%s: reject %s, naming the field', (name, _what, payload, field) => {
    const result = PAYLOADS[name].safeParse(payload);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
    expect(result.error?.message).toContain(field);
  });

  it.each(Object.values(QUEUES))('reject a %s payload that is not an object', (name) => {
    for (const payload of [null, undefined, 'text', 42, []])
      expect(PAYLOADS[name].safeParse(payload).success).toBe(false);
  });

  it('accept fields they do not know (a newer producer during a rolling deploy), dropping them', () => {
    expect(PAYLOADS.poll.parse({ queryId: 7, reason: 'manual' })).toEqual({ queryId: 7 });
    expect(PAYLOADS.deliver.parse({ deliveryId: 3, dispatch: 2 })).toEqual({ deliveryId: 3 });
  });
});

describe('a worker', () => {
  let redis: Redis;
  let queues: ReturnType<typeof createQueuePrefix>;
  beforeAll(() => {
    redis = createRedis(inject('redisUrl'), 'worker');
    queues = createQueuePrefix(inject('redisUrl'));
  });
  afterAll(async () => {
    await closeRedis(redis);
    await queues?.cleanup();
  });

  it('fails an invalid payload at once, naming the queue and the field, and runs valid ones', async () => {
    const deps = { connection: redis, prefix: queues.prefix };
    const queue = createQueue(QUEUES.poll, deps);
    const seen: unknown[] = [];
    const worker = createWorker(
      QUEUES.poll,
      async (payload) => {
        seen.push(payload);
        return 'polled';
      },
      deps,
    );
    try {
      const settled = new Map<string, Job>();
      const done = new Promise<void>((resolve) => {
        const record = (job?: Job) => {
          if (job?.id) settled.set(job.id, job);
          if (settled.size === 2) resolve();
        };
        worker.on('completed', record);
        worker.on('failed', record);
      });
      const bad = `bad-${randomUUID()}`;
      const good = `good-${randomUUID()}`;
      // A producer outside TypeScript's reach (an old build, a hand-made job).
      await queue.add('poll', { queryId: 'seven' } as never, { jobId: bad });
      await queue.add('poll', { queryId: 7, extra: true } as never, { jobId: good });
      await done;

      const failed = settled.get(bad);
      expect(failed?.failedReason).toMatch(/^invalid poll payload: /);
      expect(failed?.failedReason).toContain('queryId');
      // Retrying cannot fix the data: one attempt of the eight every job gets.
      expect(failed?.attemptsMade).toBe(1);
      expect(await queue.getJobState(bad)).toBe('failed');
      expect(await queue.getJobState(good)).toBe('completed');
      // The processor sees the parsed payload only.
      expect(seen).toEqual([{ queryId: 7 }]);
    } finally {
      await worker.close();
      await queue.close();
    }
  });
});
