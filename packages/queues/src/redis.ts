import { connectionErrorLogger, type WarnLogger } from '@goodchatter/core';
import { Redis } from 'ioredis';

/**
 * Workers block on Redis and must never give up a command (`maxRetriesPerRequest: null`,
 * BullMQ refuses otherwise); producers inside request handlers fail fast instead of
 * queueing commands while Redis is down (`enableOfflineQueue: false`). Connection errors
 * go to `logger`, at most one line per 30 s.
 */
export function createRedis(url: string, role: 'worker' | 'producer', opts: { logger?: WarnLogger } = {}): Redis {
  const redis =
    role === 'worker'
      ? new Redis(url, { maxRetriesPerRequest: null })
      : new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  // Without a listener, a connection error would be an unhandled 'error' event.
  redis.on('error', connectionErrorLogger(opts.logger, `Redis (${role} connection)`));
  return redis;
}

/**
 * Closes politely: QUIT lets Redis answer the commands already sent before the socket
 * closes. When Redis is away (QUIT would wait for a reconnect) or slow, the socket is
 * dropped after `timeoutMs` instead.
 */
export async function closeRedis(redis: Redis, timeoutMs = 2000): Promise<void> {
  if (redis.status === 'end') return;
  if (redis.status !== 'ready') {
    redis.disconnect();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([
    redis.quit().then(
      () => undefined,
      () => undefined,
    ),
    late,
  ]);
  clearTimeout(timer);
  redis.disconnect(); // a no-op after a QUIT that went through
}
