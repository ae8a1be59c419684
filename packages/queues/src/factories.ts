import { type Job, type JobsOptions, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { DEFAULT_PREFIX, type QueueName } from './names.js';
import { PAYLOADS, type PayloadOf } from './payloads.js';

export interface QueueDeps {
  connection: Redis;
  prefix?: string;
}

/** Bounded history, retries with exponential backoff: the defaults every queue shares. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { count: 5000, age: 24 * 3600 },
  removeOnFail: { count: 10_000, age: 7 * 24 * 3600 },
};

export function createQueue<N extends QueueName>(name: N, deps: QueueDeps): Queue<PayloadOf<N>> {
  return new Queue<PayloadOf<N>>(name, {
    connection: deps.connection,
    prefix: deps.prefix ?? DEFAULT_PREFIX,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
}

export interface WorkerOptions extends QueueDeps {
  concurrency?: number;
  /** How long a job stays locked to a worker that stops answering (crash): then it is retried. */
  lockDurationMs?: number;
  onError?: (err: Error) => void;
}

/**
 * A worker whose processor receives a validated payload. A payload that does not match
 * its schema can never succeed, so it fails at once instead of being retried.
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
      return processor(parsed.data as PayloadOf<N>, job);
    },
    {
      connection: opts.connection,
      prefix: opts.prefix ?? DEFAULT_PREFIX,
      concurrency: opts.concurrency ?? 1,
      lockDuration,
      stalledInterval: lockDuration,
      // A job whose worker died is retried; several crashes in a row must not drop its mentions.
      maxStalledCount: 10,
      autorun: true,
    },
  );
  worker.on('error', (err) => opts.onError?.(err));
  return worker;
}
