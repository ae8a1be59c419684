import { randomUUID } from 'node:crypto';
import { connectionErrorLogger } from '@goodchatter/core';
import { Redis } from 'ioredis';

/** A BullMQ prefix of the test's own; `cleanup` deletes every key under it. */
export function createQueuePrefix(redisUrl: string): { prefix: string; cleanup(): Promise<void> } {
  const prefix = `gct-${randomUUID()}`;
  return {
    prefix,
    async cleanup() {
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
      redis.on('error', connectionErrorLogger(console, 'Redis (test queue cleanup)'));
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
          cursor = next;
          if (keys.length > 0) await redis.del(...keys);
        } while (cursor !== '0');
      } finally {
        // QUIT while it is up; a connection that failed has nothing to say goodbye to.
        if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
        else redis.disconnect();
      }
    },
  };
}
