import type { TrackedQuery } from '@goodchatter/db';
import { type PollJob, pollSchedulerId, type Queue, upsertPollSchedule } from '@goodchatter/queues';

/**
 * Makes the poll queue's job schedulers match the enabled queries: one scheduler per
 * query at its interval; schedulers of removed or disabled queries are dropped.
 * Idempotent, so every ingest process may run it (the API applies single changes at
 * once through the same helpers; this loop repairs anything it could not reach).
 */
export async function syncSchedules(pollQueue: Queue<PollJob>, queries: TrackedQuery[]): Promise<void> {
  const wanted = new Map(queries.map((q) => [pollSchedulerId(q.id), q]));
  const existing = await pollQueue.getJobSchedulers(0, -1);
  for (const s of existing) {
    const q = wanted.get(s.key);
    if (!q) await pollQueue.removeJobScheduler(s.key);
    else if (Number(s.every) === q.pollIntervalMs) wanted.delete(s.key);
  }
  // Upserting an existing scheduler with a new interval reschedules it from now.
  for (const q of wanted.values()) await upsertPollSchedule(pollQueue, { queryId: q.id, everyMs: q.pollIntervalMs });
}
