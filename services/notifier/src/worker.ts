import type { Database } from '@goodchatter/db';
import { createQueue, createWorker, QUEUES } from '@goodchatter/queues';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { createWebhookHttp } from './http/post.js';
import { deliver } from './processors/deliver.js';
import { notifyMention } from './processors/notify.js';
import { startSweeper } from './sweeper.js';

export interface NotifierDeps {
  database: Database;
  connection: Redis;
  prefix: string;
  logger: Logger;
  timeoutMs?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  disableAfter?: number;
  /** Allow loopback/private targets (local development, tests). */
  allowPrivate?: boolean;
  sweepEveryMs?: number;
  concurrency?: number;
  lockDurationMs?: number;
}

export interface Notifier {
  /** One sweep now: due retries, redeliveries, digests (tests). */
  sweep(): Promise<void>;
  close(): Promise<void>;
}

/** Defaults match NotifierEnv's, for callers that pass only some settings. */
export function startNotifier(deps: NotifierDeps): Notifier {
  const { logger } = deps;
  const timeoutMs = deps.timeoutMs ?? 10_000;
  const queueDeps = { connection: deps.connection, prefix: deps.prefix };
  const deliverQueue = createQueue(QUEUES.deliver, queueDeps);
  const http = createWebhookHttp({ timeoutMs, allowPrivate: deps.allowPrivate ?? false });
  const common = { ...queueDeps, lockDurationMs: deps.lockDurationMs };
  const notifyWorker = createWorker(
    QUEUES.notify,
    (job) => notifyMention({ database: deps.database, deliverQueue }, job),
    {
      ...common,
      concurrency: 4,
      onError: (err) => logger.error({ err }, 'notify worker error'),
    },
  );
  const deliverDeps = {
    database: deps.database,
    http,
    logger,
    maxAttempts: deps.maxAttempts ?? 8,
    retryBaseMs: deps.retryBaseMs ?? 40_000,
    disableAfter: deps.disableAfter ?? 10,
  };
  const deliverWorker = createWorker(QUEUES.deliver, (payload) => deliver(deliverDeps, payload), {
    ...common,
    concurrency: deps.concurrency ?? 16,
    onError: (err) => logger.error({ err }, 'deliver worker error'),
  });
  deliverWorker.on('failed', (job, err) => logger.warn({ jobId: job?.id, err: err.message }, 'deliver job failed'));
  const sweeper = startSweeper({
    database: deps.database,
    deliverQueue,
    logger,
    everyMs: deps.sweepEveryMs ?? 1000,
    // Well past the longest live attempt (deadline plus the writes around it).
    leaseMs: timeoutMs * 2 + 5000,
  });
  return {
    sweep: () => sweeper.sweep(),
    async close() {
      await sweeper.close();
      await Promise.all([notifyWorker.close(), deliverWorker.close()]);
      await deliverQueue.close();
      http.close();
    },
  };
}
