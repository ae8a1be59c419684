import { type Database, startPartitionKeeper } from '@goodchatter/db';
import type { RedisConnection } from '@goodchatter/queues';
import { createWorker, logJobFailures, openQueues, QUEUES, startReviver } from '@goodchatter/queues';
import type { Logger } from 'pino';
import { scoreBatch } from './processors/score.js';
import { createQueryContexts } from './query-context.js';

export interface ScorerDeps {
  database: Database;
  connection: RedisConnection;
  prefix: string;
  logger: Logger;
  concurrency?: number;
  lockDurationMs?: number;
  /** How often jobs that failed during an outage are looked for and run again (default 30 s). */
  reviveEveryMs?: number;
  /** Calibrated P(praise) needed to call praise; unset: the classifier's shipped default. */
  praiseThreshold?: number;
}

export interface Scorer {
  close(): Promise<void>;
}

export function startScorer(deps: ScorerDeps): Scorer {
  const { logger } = deps;
  const queueDeps = { connection: deps.connection, prefix: deps.prefix };
  const queues = openQueues(queueDeps);
  const notifyQueue = queues.getQueue(QUEUES.notify);
  const contexts = createQueryContexts(deps.database.db, { praiseThreshold: deps.praiseThreshold });
  const events = { redis: deps.connection, prefix: deps.prefix };
  const scoreDeps = { database: deps.database, notifyQueue, contexts, events, logger };
  const worker = createWorker(QUEUES.score, (job) => scoreBatch(scoreDeps, job), {
    ...queueDeps,
    concurrency: deps.concurrency ?? 4,
    lockDurationMs: deps.lockDurationMs,
    onError: (err, suppressed) => logger.error({ err, suppressed }, 'score worker error'),
  });
  logJobFailures(worker, logger, 'score batch');
  worker.on('completed', (job, out) => logger.debug({ jobId: job.id, ...out }, 'batch stored'));
  // `failed` is for poison: batches that spent their attempts while Postgres was away run again.
  const reviver = startReviver({
    queues: [queues.getQueue(QUEUES.score)],
    ready: () => deps.database.pool.query('SELECT 1'),
    everyMs: deps.reviveEveryMs ?? 30_000,
    onRevived: (queue, count) => logger.info({ queue, count }, 'jobs failed during an outage queued again'),
    onError: (err) => logger.debug({ err }, 'outage revival skipped: a dependency is still away'),
  });
  // The scorer writes mentions, so it keeps next months' partitions made while it runs
  // (every start makes them too; see packages/db/src/partitions.ts).
  const partitions = startPartitionKeeper(deps.database.pool, { logger });
  return {
    async close() {
      partitions.stop();
      await reviver.close();
      await worker.close();
      await queues.close();
    },
  };
}
