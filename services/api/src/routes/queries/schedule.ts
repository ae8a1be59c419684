import type { TrackedQuery } from '@goodchatter/db';
import { type PollJob, type Queue, removePollSchedule, requestPollNow, upsertPollSchedule } from '@goodchatter/queues';
import type { FastifyBaseLogger } from 'fastify';
import { HttpError } from '../../errors.js';

/**
 * The API's hand on the poll queue: applies one query's schedule change at once and
 * queues "poll now" jobs. Ingest's periodic sync writes the same schedulers, so a change
 * this could not apply (Redis briefly down) is still applied within SCHEDULE_SYNC_MS.
 */
export interface PollControl {
  /** Scheduler at the query's interval when enabled, none when disabled or deleted. */
  reschedule(
    query: Pick<TrackedQuery, 'id' | 'enabled' | 'pollIntervalMs'> | { id: number; deleted: true },
  ): Promise<void>;
  pollNow(queryId: number): Promise<string | undefined>;
}

export function createPollControl(pollQueue: Queue<PollJob>, log: FastifyBaseLogger): PollControl {
  return {
    async reschedule(q) {
      try {
        if ('deleted' in q || !q.enabled) await removePollSchedule(pollQueue, q.id);
        else await upsertPollSchedule(pollQueue, { queryId: q.id, everyMs: q.pollIntervalMs });
      } catch (err) {
        // The database holds the truth; ingest's schedule sync converges on it.
        log.warn({ err, queryId: q.id }, 'could not reschedule now; the schedule sync will');
      }
    },
    async pollNow(queryId) {
      try {
        return await requestPollNow(pollQueue, queryId);
      } catch (err) {
        log.warn({ err, queryId }, 'could not queue a poll');
        throw new HttpError(503, 'the poll queue is unavailable; try again shortly');
      }
    },
  };
}
