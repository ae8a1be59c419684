import type { Database } from '@goodchatter/db';
import { createQueue, createWorker, QUEUES } from '@goodchatter/queues';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { deliver } from './processors/deliver.js';
import { notifyPraise } from './processors/notify.js';

export interface NotifierDeps {
  database: Database;
  connection: Redis;
  prefix: string;
  logger: Logger;
  urls: string[];
  timeoutMs?: number;
  maxAttempts?: number;
  concurrency?: number;
  lockDurationMs?: number;
}

export interface Notifier {
  close(): Promise<void>;
}

export function startNotifier(deps: NotifierDeps): Notifier {
  const { logger } = deps;
  const queueDeps = { connection: deps.connection, prefix: deps.prefix };
  const deliverQueue = createQueue(QUEUES.deliver, queueDeps);
  const common = { ...queueDeps, lockDurationMs: deps.lockDurationMs };
  const notifyWorker = createWorker(
    QUEUES.notify,
    (job) =>
      notifyPraise({ database: deps.database, deliverQueue, urls: deps.urls, maxAttempts: deps.maxAttempts ?? 8 }, job),
    { ...common, concurrency: 4, onError: (err) => logger.error({ err }, 'notify worker error') },
  );
  const deliverWorker = createWorker(
    QUEUES.deliver,
    (payload, job) => deliver({ database: deps.database, timeoutMs: deps.timeoutMs ?? 10_000 }, payload, job),
    { ...common, concurrency: deps.concurrency ?? 16, onError: (err) => logger.error({ err }, 'deliver worker error') },
  );
  deliverWorker.on('failed', (job, err) =>
    logger.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'delivery attempt failed'),
  );
  return {
    async close() {
      await Promise.all([notifyWorker.close(), deliverWorker.close()]);
      await deliverQueue.close();
    },
  };
}
