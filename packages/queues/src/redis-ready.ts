import { type Dependency, redactUrl } from '@goodchatter/core';
import { Cluster, Redis } from 'ioredis';
import { closeRedis, createCluster, type RedisTarget } from './redis.js';

const PROBE = {
  lazyConnect: true,
  connectTimeout: 5000,
  maxRetriesPerRequest: 0,
  enableOfflineQueue: false,
  retryStrategy: () => null,
} as const;

/** A connection that tries once and gives up: start-up checks retry on their own schedule. */
const probe = (t: RedisTarget): Redis | Cluster =>
  t.cluster
    ? createCluster({ ...t, cluster: t.cluster }, PROBE, {
        lazyConnect: true,
        enableOfflineQueue: false,
        clusterRetryStrategy: () => null,
      })
    : new Redis(t.url, PROBE);

/**
 * Redis as a start-up dependency; once it answers, `advice` says what BullMQ needs of it.
 * A cluster answers once a seed node gives its slot map and every slot is served
 * (`cluster_state:ok`); its advice reads the settings of every master.
 */
export function redisDependency(target: string | RedisTarget): Dependency & { advice(): Promise<string[]> } {
  const t = typeof target === 'string' ? { url: target } : target;
  const url = t.url;
  const where = t.cluster
    ? `cluster ${t.cluster.nodes.map((n) => `${n.host}:${n.port}`).join(',')} (${redactUrl(url)})`
    : undefined;
  return {
    name: t.cluster ? 'Redis Cluster' : 'Redis',
    url,
    ...(where ? { where } : {}),
    async check() {
      const redis = probe(t);
      // connect() rejects with a bare "Connection is closed."; the socket's error says why.
      let cause: Error | undefined;
      redis.on('error', (err: Error) => {
        cause ??= err;
      });
      try {
        await redis.connect();
        await redis.ping();
        if (redis instanceof Cluster) {
          const info = String(await redis.cluster('INFO'));
          const state = /cluster_state:(\w+)/.exec(info)?.[1];
          if (state !== 'ok') throw new Error(`cluster_state is ${state ?? 'unknown'}`);
        }
      } catch (err) {
        throw cause ?? err;
      } finally {
        await closeRedis(redis);
      }
    },
    permanent: (err) =>
      /WRONGPASS|NOAUTH|invalid username-password/i.test(String((err as Error)?.message))
        ? 'wrong password or user; check REDIS_URL'
        : undefined,
    async advice() {
      const redis = probe(t);
      // As in check(): a failed connect rejects with a bare "Connection is closed.".
      let cause: Error | undefined;
      redis.on('error', (err: Error) => {
        cause ??= err;
      });
      const label = where ? `Redis Cluster at ${where}` : `Redis at ${redactUrl(url)}`;
      try {
        await redis.connect();
        const keys = ['appendonly', 'save', 'maxmemory-policy'];
        if (!(redis instanceof Cluster)) {
          return bullmqSetupProblems(await readConfig(redis, keys)).map((p) => `${label}: ${p}`);
        }
        const out: string[] = [];
        for (const node of redis.nodes('master')) {
          const name = `${node.options.host}:${node.options.port}`;
          for (const p of bullmqSetupProblems(await readConfig(node, keys))) out.push(`${label}, node ${name}: ${p}`);
        }
        return out;
      } catch (err) {
        // Managed Redis often disables CONFIG: say what to check by hand.
        return [
          `${label}: could not read its settings (${(cause ?? (err as Error)).message}); make sure it persists (appendonly yes or save) and uses maxmemory-policy noeviction`,
        ];
      } finally {
        await closeRedis(redis);
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
