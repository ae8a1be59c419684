import { describe, expect, it } from 'vitest';
import { closeRedis, createRedis, duplicateRedis } from './redis.js';

// Nothing listens on port 1: every connect attempt fails at once.
const AWAY = 'redis://127.0.0.1:1';

describe('Redis connection errors', () => {
  it('are logged for a connection and for its duplicates, one line per interval each', async () => {
    const lines: { msg: string; suppressed?: number }[] = [];
    const logger = { warn: (obj: { suppressed?: number }, msg: string) => lines.push({ msg, ...obj }) };
    const redis = createRedis(AWAY, 'worker', { logger });
    const copy = duplicateRedis(redis, 'test reader');
    try {
      await new Promise((r) => setTimeout(r, 1500));
      const msgs = lines.map((l) => l.msg);
      expect(msgs.filter((m) => m === 'Redis (worker connection) error')).toHaveLength(1);
      expect(msgs.filter((m) => m === 'Redis (test reader) error')).toHaveLength(1);
    } finally {
      await Promise.all([closeRedis(redis), closeRedis(copy)]);
    }
  });
});
