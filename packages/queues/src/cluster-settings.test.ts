import { BaseEnv, EnvError, parseEnv } from '@goodchatter/core';
import { Cluster, Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFIX, QUEUES, queueKeyPrefix } from './names.js';
import { createRedis, describeRedisTarget, redisTarget } from './redis.js';

describe('Redis Cluster settings', () => {
  it('are off by default: REDIS_URL alone, plain queue prefixes', () => {
    const env = parseEnv(BaseEnv, {});
    expect(env.REDIS_CLUSTER_ENABLED).toBe(false);
    expect(redisTarget(env)).toEqual({ url: 'redis://127.0.0.1:6379' });
    for (const name of Object.values(QUEUES)) expect(queueKeyPrefix(DEFAULT_PREFIX, name, false)).toBe('goodchatter');
    const redis = createRedis(redisTarget(env), 'worker');
    try {
      expect(redis).toBeInstanceOf(Redis);
    } finally {
      redis.disconnect();
    }
  });

  it('seed the cluster from REDIS_CLUSTER_NODES, with a hash tag per queue', () => {
    const env = parseEnv(BaseEnv, {
      REDIS_URL: 'redis://:secret@10.0.0.1:7000',
      REDIS_CLUSTER_ENABLED: 'true',
      REDIS_CLUSTER_NODES: '10.0.0.1:7000, redis-b:7001,redis-c:7002',
    });
    const target = redisTarget(env);
    expect(target.cluster?.nodes).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b', port: 7001 },
      { host: 'redis-c', port: 7002 },
    ]);
    expect(describeRedisTarget(target)).toBe('cluster 10.0.0.1:7000,redis-b:7001,redis-c:7002');
    expect(queueKeyPrefix('goodchatter', QUEUES.score, true)).toBe('{goodchatter.score}');
    expect(queueKeyPrefix('goodchatter', QUEUES.notify, true)).toBe('{goodchatter.notify}');
    const cluster = createRedis({ ...target, cluster: { nodes: [{ host: '127.0.0.1', port: 1 }] } }, 'producer');
    try {
      expect(cluster).toBeInstanceOf(Cluster);
      // REDIS_URL's password applies to every node.
      expect((cluster as Cluster).options.redisOptions?.password).toBe('secret');
    } finally {
      cluster.disconnect();
    }
  });

  it('refuse cluster mode without seed nodes, and malformed ones', () => {
    expect(() => redisTarget(parseEnv(BaseEnv, { REDIS_CLUSTER_ENABLED: 'true' }))).toThrow(EnvError);
    expect(() => parseEnv(BaseEnv, { REDIS_CLUSTER_NODES: 'redis-a' })).toThrow(/REDIS_CLUSTER_NODES/);
    expect(() => parseEnv(BaseEnv, { REDIS_CLUSTER_ENABLED: 'maybe' })).toThrow(/REDIS_CLUSTER_ENABLED/);
  });
});
