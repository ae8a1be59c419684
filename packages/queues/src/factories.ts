import { rateLimited } from '@goodchatter/core';
import { type Job, type JobsOptions, Queue, UnrecoverableError, Worker } from 'bullmq';
import { DEFAULT_PREFIX, type QueueName, queueKeyPrefix } from './names.js';
import { isOutageError, OutageError } from './outage.js';
import type { RedisConnection } from './redis.js';
import { PAYLOADS, type PayloadOf, type TypedQueue } from './registry.js';

export interface QueueDeps {
  /** A standalone Redis or a Cluster; with a Cluster each queue's keys get a hash tag (queueKeyPrefix). */
  connection: RedisConnection;
  prefix?: string;
}

const bullPrefix = (name: QueueName, deps: QueueDeps) =>
  queueKeyPrefix(deps.prefix ?? DEFAULT_PREFIX, name, deps.connection.isCluster);

/** Bounded history, retries with exponential backoff: the defaults every queue shares. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 5000, age: 24 * 3600 },
  removeOnFail: { count: 10_000, age: 7 * 24 * 3600 },
};

export function createQueue<N extends QueueName>(name: N, deps: QueueDeps): TypedQueue<N> {
  const queue = new Queue<PayloadOf<N>>(name, {
    connection: deps.connection,
    prefix: bullPrefix(name, deps),
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  // A queue's 'error' events are its connection's errors, which that connection's own
  // listener logs (createRedis, rate-limited). Without a listener here BullMQ prints every
  // one to stderr: hundreds a minute while Redis is away. Commands still reject as usual.
  queue.on('error', () => {});
  return queue;
}

export interface WorkerOptions extends QueueDeps {
  concurrency?: number;
  /** How long a job stays locked to a worker that stops answering (crash): then it is retried. */
  lockDurationMs?: number;
  /** Worker errors (mostly a lost connection): at most one per 30 s, with how many were held back. */
  onError?: (err: Error, suppressed: number) => void;
}

/**
 * A worker whose processor receives a validated payload. A payload that does not match
 * its schema can never succeed, so it fails at once instead of being retried. A failure
 * because Postgres or Redis was away is tagged as an outage (see outage.ts), so it is run
 * again once they are back even if it spent every attempt.
 */
export function createWorker<N extends QueueName, R>(
  name: N,
  processor: (payload: PayloadOf<N>, job: Job<PayloadOf<N>>) => Promise<R>,
  opts: WorkerOptions,
): Worker<PayloadOf<N>, R> {
  const schema = PAYLOADS[name];
  const lockDuration = opts.lockDurationMs ?? 30_000;
  const worker = new Worker<PayloadOf<N>, R>(
    name,
    async (job) => {
      const parsed = schema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError(`invalid ${name} payload: ${parsed.error.message}`);
      try {
        return await processor(parsed.data as PayloadOf<N>, job);
      } catch (err) {
        throw isOutageError(err) ? new OutageError(err as Error) : err;
      }
    },
    {
      connection: opts.connection,
      prefix: bullPrefix(name, opts),
      concurrency: opts.concurrency ?? 1,
      lockDuration,
      stalledInterval: lockDuration,
      // A job whose worker died is retried; several crashes in a row must not drop its mentions.
      maxStalledCount: 10,
      autorun: true,
    },
  );
  // While Redis is down a worker fails every few milliseconds: log the first, then a few.
  const limit = rateLimited();
  worker.on('error', (err) => limit((suppressed) => opts.onError?.(err, suppressed)));
  return worker;
}
