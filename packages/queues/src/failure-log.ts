import { rateLimited, type WarnLogger } from '@goodchatter/core';
import { OUTAGE_PREFIX } from './outage.js';

/** What logJobFailures needs of a worker: its `failed` events (a BullMQ Worker has them). */
export interface FailedJobEvents {
  on(event: 'failed', listener: (job: { id?: string } | undefined, err: Error) => void): unknown;
}

/**
 * Logs a worker's failed jobs (every failed attempt, as BullMQ reports them). Poison — bad
 * data, a bug — gets a line per job: each one is worth a look. While Postgres or Redis is
 * away every job fails the same way every few seconds, so outage failures share one line
 * per 30 s with how many were held back (`suppressed`); the reviver runs them again once
 * the dependency is back, so nothing needs doing per job.
 */
export function logJobFailures(worker: FailedJobEvents, logger: WarnLogger, what: string): void {
  const limit = rateLimited();
  worker.on('failed', (job, err) => {
    if (!err.message.startsWith(OUTAGE_PREFIX)) {
      logger.warn({ jobId: job?.id, err: err.message }, `${what} failed`);
      return;
    }
    limit((suppressed) =>
      logger.warn(
        { err: err.message, ...(suppressed ? { suppressed } : {}) },
        `${what} failed: a dependency is unavailable; retried once it is back`,
      ),
    );
  });
}
