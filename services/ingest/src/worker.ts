import { connectionErrorLogger } from '@goodchatter/core';
import type { Database } from '@goodchatter/db';
import { listEnabledQueries } from '@goodchatter/db';
import type { RedisConnection } from '@goodchatter/queues';
import {
  createWorker,
  DelayedError,
  isOutageError,
  logJobFailures,
  openQueues,
  POLL_TICK,
  QUEUES,
} from '@goodchatter/queues';
import type { SourceAdapter } from '@goodchatter/sources';
import type { Logger } from 'pino';
import { pollQuery } from './processors/poll.js';
import { syncSchedules } from './schedules.js';

export interface IngestDeps {
  database: Database;
  connection: RedisConnection;
  prefix: string;
  logger: Logger;
  /** Polled by source name; closed (those that can be) when ingest closes. */
  sources: Record<string, SourceAdapter>;
  concurrency?: number;
  lockDurationMs?: number;
  /** How often schedules are re-synced with the database; 0 turns the loop off. */
  syncEveryMs?: number;
}

export interface Ingest {
  /** Brings the poll schedules in line with the tracked queries now. */
  syncNow(): Promise<void>;
  close(): Promise<void>;
}

export async function startIngest(deps: IngestDeps): Promise<Ingest> {
  const { logger } = deps;
  const queueDeps = { connection: deps.connection, prefix: deps.prefix };
  const queues = openQueues(queueDeps);
  const pollQueue = queues.getQueue(QUEUES.poll);
  const pollDeps = {
    database: deps.database,
    scoreQueue: queues.getQueue(QUEUES.score),
    sources: deps.sources,
    logger,
  };

  const worker = createWorker(
    QUEUES.poll,
    async ({ queryId }, job) => {
      const outcome = await pollQuery(pollDeps, queryId);
      if (outcome.status === 'busy' && job.name !== POLL_TICK) {
        // A scheduler tick may be dropped (the running poll reads everything, and the next
        // tick comes anyway); a manual poll, or a job BullMQ re-ran after a stall, must not
        // be: it runs once the current poll has let go of the query.
        await job.moveToDelayed(Date.now() + 1000, job.token);
        throw new DelayedError();
      }
      if (outcome.status === 'rate-limited') {
        // Wait for the reset as a delayed retry, not a sleeping worker.
        await job.moveToDelayed(outcome.resetAt, job.token);
        throw new DelayedError();
      }
      return outcome;
    },
    {
      ...queueDeps,
      concurrency: deps.concurrency ?? 4,
      lockDurationMs: deps.lockDurationMs,
      onError: (err, suppressed) => logger.error({ err, suppressed }, 'poll worker error'),
    },
  );
  logJobFailures(worker, logger, 'poll');

  const syncNow = async () => syncSchedules(pollQueue, await listEnabledQueries(deps.database.db));
  const every = deps.syncEveryMs ?? 10_000;
  // While Postgres or Redis is away every sync fails: one line per 30 s, not one per sync.
  const logOutage = connectionErrorLogger(logger, 'schedule sync: a dependency is unavailable');
  const syncFailed = (err: unknown) =>
    isOutageError(err) ? logOutage(err) : logger.error({ err }, 'schedule sync failed');
  await syncNow().catch((err) => {
    // A dependency gone again just after start-up is the periodic sync's to catch up on.
    if (every <= 0 || !isOutageError(err)) throw err;
    syncFailed(err);
  });
  const timer = every > 0 ? setInterval(() => syncNow().catch(syncFailed), every) : undefined;

  return {
    syncNow,
    async close() {
      if (timer) clearInterval(timer);
      await worker.close();
      await queues.close();
      // After the worker: no poll is using them any more (the X adapter's keep-alive sockets).
      for (const source of Object.values(deps.sources)) source.close?.();
    },
  };
}
