import { type Dependency, redactUrl } from '@goodchatter/core';
import { Redis } from 'ioredis';

/** A connection that tries once and gives up: start-up checks retry on their own schedule. */
const probe = (url: string) =>
  new Redis(url, {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });

/** Redis as a start-up dependency; once it answers, `advice` says what BullMQ needs of it. */
export function redisDependency(url: string): Dependency & { advice(): Promise<string[]> } {
  return {
    name: 'Redis',
    url,
    async check() {
      const redis = probe(url);
      // connect() rejects with a bare "Connection is closed."; the socket's error says why.
      let cause: Error | undefined;
      redis.on('error', (err: Error) => {
        cause ??= err;
      });
      try {
        await redis.connect();
        await redis.ping();
      } catch (err) {
        throw cause ?? err;
      } finally {
        redis.disconnect();
      }
    },
    permanent: (err) =>
      /WRONGPASS|NOAUTH|invalid username-password/i.test(String((err as Error)?.message))
        ? 'wrong password or user; check REDIS_URL'
        : undefined,
    async advice() {
      const redis = probe(url);
      redis.on('error', () => {});
      try {
        await redis.connect();
        const config = await readConfig(redis, ['appendonly', 'save', 'maxmemory-policy']);
        return bullmqSetupProblems(config).map((p) => `Redis at ${redactUrl(url)}: ${p}`);
      } catch (err) {
        // Managed Redis often disables CONFIG: say what to check by hand.
        return [
          `Redis at ${redactUrl(url)}: could not read its settings (${(err as Error).message}); make sure it persists (appendonly yes or save) and uses maxmemory-policy noeviction`,
        ];
      } finally {
        redis.disconnect();
      }
    },
  };
}

async function readConfig(redis: Redis, keys: string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const pair = (await redis.config('GET', key)) as string[];
    out[key] = pair[1] ?? '';
  }
  return out;
}

/**
 * What is wrong with a Redis for BullMQ, from its CONFIG: queued jobs (mentions accepted
 * but not yet stored) survive a Redis restart only with AOF or RDB persistence, and any
 * eviction policy but `noeviction` may silently drop job keys under memory pressure.
 */
export function bullmqSetupProblems(config: Record<string, string>): string[] {
  const problems: string[] = [];
  const aof = config.appendonly === 'yes';
  const rdb = (config.save ?? '').trim() !== '';
  if (!aof && !rdb) {
    problems.push(
      'persistence is off (appendonly no, save ""): queued work is lost if Redis restarts; set appendonly yes (or a save schedule)',
    );
  }
  const policy = config['maxmemory-policy'];
  if (policy && policy !== 'noeviction') {
    problems.push(`maxmemory-policy is ${policy}: Redis may evict queued jobs; BullMQ needs noeviction`);
  }
  return problems;
}
