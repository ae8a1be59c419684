import type { Database } from '@goodchatter/db';
import { createQueue, createWorker, QUEUES } from '@goodchatter/queues';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { scoreBatch } from './processors/score.js';
import { createQueryContexts } from './query-context.js';

export interface ScorerDeps {
  database: Database;
  connection: Redis;
  prefix: string;
  logger: Logger;
  concurrency?: number;
  lockDurationMs?: number;
  /** Calibrated P(praise) needed to call praise; unset: the classifier's shipped default. */
  praiseThreshold?: number;
}

export interface Scorer {
  close(): Promise<void>;
}

export function startScorer(deps: ScorerDeps): Scorer {
  const { logger } = deps;
  const queueDeps = { connection: deps.connection, prefix: deps.prefix };
  const notifyQueue = createQueue(QUEUES.notify, queueDeps);
  const contexts = createQueryContexts(deps.database.db, { praiseThreshold: deps.praiseThreshold });
  const events = { redis: deps.connection, prefix: deps.prefix };
  const scoreDeps = { database: deps.database, notifyQueue, contexts, events };
  const worker = createWorker(QUEUES.score, (job) => scoreBatch(scoreDeps, job), {
    ...queueDeps,
    concurrency: deps.concurrency ?? 4,
    lockDurationMs: deps.lockDurationMs,
    onError: (err) => logger.error({ err }, 'score worker error'),
  });
  worker.on('failed', (job, err) => logger.warn({ jobId: job?.id, err: err.message }, 'score batch failed'));
  worker.on('completed', (job, out) => logger.debug({ jobId: job.id, ...out }, 'batch stored'));
  return {
    async close() {
      await worker.close();
      await notifyQueue.close();
    },
  };
}
