import type { Database } from '@goodchatter/db';
import type { RedisConnection } from '@goodchatter/queues';
import { createWorker, logJobFailures, openQueues, QUEUES, startReviver } from '@goodchatter/queues';
import type { Logger } from 'pino';
import { createWebhookHttp } from './http/post.js';
import { deliver } from './processors/deliver.js';
import { notifyMention } from './processors/notify.js';
import { startSweeper } from './sweeper.js';

export interface NotifierDeps {
  database: Database;
  connection: RedisConnection;
  prefix: string;
  logger: Logger;
  timeoutMs?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  disableAfter?: number;
  /** Allow loopback/private targets (local development, tests). */
  allowPrivate?: boolean;
  sweepEveryMs?: number;
  /** A praise or complaint stored this long ago and still not alerted is alerted by the sweep (default 60 s). */
  lostAlertAfterMs?: number;
  /** How often jobs that failed during an outage are run again (default 30 s). */
  reviveEveryMs?: number;
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
  const queues = openQueues(queueDeps);
  const deliverQueue = queues.getQueue(QUEUES.deliver);
  const notifyQueue = queues.getQueue(QUEUES.notify);
  const http = createWebhookHttp({ timeoutMs, allowPrivate: deps.allowPrivate ?? false });
  const common = { ...queueDeps, lockDurationMs: deps.lockDurationMs };
  const notifyWorker = createWorker(
    QUEUES.notify,
    (job) => notifyMention({ database: deps.database, deliverQueue }, job),
    {
      ...common,
      concurrency: 4,
      onError: (err, suppressed) => logger.error({ err, suppressed }, 'notify worker error'),
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
    onError: (err, suppressed) => logger.error({ err, suppressed }, 'deliver worker error'),
  });
  logJobFailures(notifyWorker, logger, 'notify job');
  logJobFailures(deliverWorker, logger, 'deliver job');
  const sweeper = startSweeper({
    database: deps.database,
    deliverQueue,
    notifyQueue,
    lostAlertAfterMs: deps.lostAlertAfterMs,
    logger,
    everyMs: deps.sweepEveryMs ?? 1000,
    // Well past the longest live attempt (deadline plus the writes around it).
    leaseMs: timeoutMs * 2 + 5000,
  });
  // `failed` is for poison: jobs that spent their attempts while Postgres was away run again.
  const reviver = startReviver({
    queues: [notifyQueue, deliverQueue],
    ready: () => deps.database.pool.query('SELECT 1'),
    everyMs: deps.reviveEveryMs ?? 30_000,
    onRevived: (queue, count) => logger.info({ queue, count }, 'jobs failed during an outage queued again'),
    onError: (err) => logger.debug({ err }, 'outage revival skipped: a dependency is still away'),
  });
  return {
    sweep: () => sweeper.sweep(),
    async close() {
      await reviver.close();
      await sweeper.close();
      await Promise.all([notifyWorker.close(), deliverWorker.close()]);
      await queues.close();
      http.close();
    },
  };
}
