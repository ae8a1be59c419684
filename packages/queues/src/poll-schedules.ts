import type { JobsOptions, Queue } from 'bullmq';
import type { PollJob } from './payloads.js';

/**
 * One BullMQ job scheduler per tracked query ticks the `poll` queue. The ingest service
 * keeps them in line with the database (its periodic sync); the API applies one query's
 * change at once through the same helpers, so both write the same scheduler.
 */

/** Scheduler (and poll-now) ids must not look like integers nor contain ':' (BullMQ). */
export const pollSchedulerId = (queryId: number) => `poll-q${queryId}`;

/** A tick that fails (X 5xx, network) is retried with backoff before the next tick. */
/** The name of the jobs a query's scheduler adds (manual polls have other names). */
export const POLL_TICK = 'poll';

export const POLL_JOB_OPTIONS: JobsOptions = { attempts: 3, backoff: { type: 'exponential', delay: 2000 } };

export interface PollSchedule {
  queryId: number;
  everyMs: number;
}

/** Creates or changes the query's scheduler; a new interval applies from now. */
export async function upsertPollSchedule(pollQueue: Queue<PollJob>, s: PollSchedule): Promise<void> {
  await pollQueue.upsertJobScheduler(
    pollSchedulerId(s.queryId),
    { every: s.everyMs },
    { name: POLL_TICK, data: { queryId: s.queryId }, opts: POLL_JOB_OPTIONS },
  );
}

export async function removePollSchedule(pollQueue: Queue<PollJob>, queryId: number): Promise<void> {
  await pollQueue.removeJobScheduler(pollSchedulerId(queryId));
}

/**
 * Polls the query once, now. Repeated requests while one is still waiting collapse into
 * it, so a button pressed ten times polls once; a request while a poll is running queues
 * one follow-up (`keepLastIfActive`), since the running drain may have started before the
 * posts the caller expects.
 */
export async function requestPollNow(pollQueue: Queue<PollJob>, queryId: number): Promise<string | undefined> {
  const job = await pollQueue.add(
    'poll-now',
    { queryId },
    { ...POLL_JOB_OPTIONS, deduplication: { id: `poll-now-q${queryId}`, keepLastIfActive: true } },
  );
  return job.id;
}
