export { DelayedError, type Job, type Queue, UnrecoverableError, type Worker } from 'bullmq';
export { createQueue, createWorker, DEFAULT_JOB_OPTIONS, type QueueDeps, type WorkerOptions } from './factories.js';
export { type FailedJobEvents, logJobFailures } from './failure-log.js';
export * from './names.js';
export { type OpenQueues, openQueues } from './open-queues.js';
export * from './outage.js';
export * from './payloads.js';
export * from './poll-schedules.js';
export {
  closeRedis,
  createCluster,
  createRedis,
  describeRedisTarget,
  duplicateRedis,
  type RedisConnection,
  type RedisEnv,
  type RedisTarget,
  redisTarget,
} from './redis.js';
export { bullmqSetupProblems, redisDependency } from './redis-ready.js';
export * from './registry.js';
