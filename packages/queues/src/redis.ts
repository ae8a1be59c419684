import { Redis } from 'ioredis';

/**
 * Workers block on Redis and must never give up a command (`maxRetriesPerRequest: null`,
 * BullMQ refuses otherwise); producers inside request handlers fail fast instead of
 * queueing commands while Redis is down (`enableOfflineQueue: false`).
 */
export function createRedis(url: string, role: 'worker' | 'producer'): Redis {
  const redis =
    role === 'worker'
      ? new Redis(url, { maxRetriesPerRequest: null })
      : new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  // Without a listener, a connection error would be an unhandled 'error' event.
  redis.on('error', () => {});
  return redis;
}
