import { connectionErrorLogger, EnvError, type WarnLogger } from '@goodchatter/core';
import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';

/** A standalone Redis or a Redis Cluster: BullMQ and every other Redis user take either. */
export type RedisConnection = Redis | Cluster;

/**
 * Where Redis is. Standalone (the default): `url`. Cluster (`REDIS_CLUSTER_ENABLED`): the
 * seed `nodes`, with `url`'s user, password and TLS (`rediss://`) used for every node.
 */
export interface RedisTarget {
  url: string;
  cluster?: { nodes: { host: string; port: number }[] };
}

/** The Redis settings of a service's environment (BaseEnv). */
export interface RedisEnv {
  REDIS_URL: string;
  REDIS_CLUSTER_ENABLED?: boolean;
  REDIS_CLUSTER_NODES?: string;
}

/** `REDIS_URL`, or a cluster with `REDIS_CLUSTER_NODES` as seeds when `REDIS_CLUSTER_ENABLED`. */
export function redisTarget(env: RedisEnv): RedisTarget {
  if (!env.REDIS_CLUSTER_ENABLED) return { url: env.REDIS_URL };
  const list = (env.REDIS_CLUSTER_NODES ?? '').trim();
  if (!list) {
    throw new EnvError('invalid configuration:\n  REDIS_CLUSTER_NODES: needed with REDIS_CLUSTER_ENABLED=true');
  }
  const nodes = list.split(',').map((s) => {
    const t = s.trim();
    const i = t.lastIndexOf(':');
    return { host: t.slice(0, i).replace(/^\[|\]$/g, ''), port: Number(t.slice(i + 1)) };
  });
  return { url: env.REDIS_URL, cluster: { nodes } };
}

/** How logs name a target: the URL with its password hidden, or the cluster's seed nodes. */
export function describeRedisTarget(target: RedisTarget): string {
  if (!target.cluster) return target.url;
  return `cluster ${target.cluster.nodes.map((n) => `${n.host}:${n.port}`).join(',')}`;
}

/** User, password, TLS and database of a redis:// URL, as ioredis options for every cluster node. */
function nodeOptions(url: string): RedisOptions {
  const u = new URL(url);
  return {
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * Where a connection's errors go when its creator gave no logger (tests, benchmarks):
 * stderr, still rate-limited, so an error is never silent.
 */
const stderr: WarnLogger = { warn: (obj, msg) => console.warn(msg, obj) };

/** Each connection's logger, so the connections duplicated from it log the same way. */
const loggers = new WeakMap<RedisConnection, WarnLogger>();

/**
 * Logs `redis`'s errors, at most one line per 30 s with how many were held back. Without
 * a listener an error would be an unhandled 'error' event (ioredis prints each one).
 */
function logErrors(redis: RedisConnection, logger: WarnLogger, what: string): void {
  loggers.set(redis, logger);
  redis.on('error', connectionErrorLogger(logger, `Redis (${what})`));
}

/** An ioredis Cluster over the target's seed nodes. */
export function createCluster(
  target: RedisTarget & { cluster: NonNullable<RedisTarget['cluster']> },
  redisOptions: RedisOptions,
  clusterOptions: ClusterOptions = {},
): Cluster {
  return new Cluster(target.cluster.nodes, {
    ...clusterOptions,
    redisOptions: { ...nodeOptions(target.url), ...redisOptions },
  });
}

/**
 * Workers block on Redis and must never give up a command (`maxRetriesPerRequest: null`,
 * BullMQ refuses otherwise); producers inside request handlers fail fast instead of
 * queueing commands while Redis is down (`enableOfflineQueue: false`). Connection errors
 * go to `logger`, at most one line per 30 s. A cluster target gives an ioredis Cluster
 * with the same behaviour on every node.
 */
export function createRedis(url: string, role: 'worker' | 'producer', opts?: { logger?: WarnLogger }): Redis;
export function createRedis(
  target: string | RedisTarget,
  role: 'worker' | 'producer',
  opts?: { logger?: WarnLogger },
): RedisConnection;
export function createRedis(
  target: string | RedisTarget,
  role: 'worker' | 'producer',
  opts: { logger?: WarnLogger } = {},
): RedisConnection {
  const t = typeof target === 'string' ? { url: target } : target;
  const options: RedisOptions =
    role === 'worker' ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 1, enableOfflineQueue: false };
  const redis = t.cluster
    ? createCluster({ ...t, cluster: t.cluster }, options, {
        enableOfflineQueue: role === 'worker',
        // A moved slot or a node restarting: follow it rather than fail the command.
        retryDelayOnClusterDown: 300,
      })
    : new Redis(t.url, options);
  logErrors(redis, opts.logger ?? stderr, `${role} connection`);
  return redis;
}

/**
 * A second connection like `redis` that queues commands while away and never gives one
 * up: for blocking reads and subscriptions, which must not share the main connection.
 * Its errors are logged like `redis`'s (ioredis copies options, not listeners), as `what`.
 */
export function duplicateRedis(redis: RedisConnection, what = 'duplicate connection'): RedisConnection {
  const copy =
    redis instanceof Cluster
      ? redis.duplicate(undefined, {
          enableOfflineQueue: true,
          redisOptions: { ...redis.options.redisOptions, enableOfflineQueue: true, maxRetriesPerRequest: null },
        })
      : redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null });
  logErrors(copy, loggers.get(redis) ?? stderr, what);
  return copy;
}

/**
 * Closes politely: QUIT lets Redis answer the commands already sent before the socket
 * closes. When Redis is away (QUIT would wait for a reconnect) or slow, the socket is
 * dropped after `timeoutMs` instead.
 */
export async function closeRedis(redis: RedisConnection, timeoutMs = 2000): Promise<void> {
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
