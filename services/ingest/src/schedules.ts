import type { TrackedQuery } from '@goodchatter/db';
import type { PollJob, Queue } from '@goodchatter/queues';

export const schedulerId = (queryId: number) => `poll-q${queryId}`;

/**
 * Makes the poll queue's job schedulers match the enabled queries: one scheduler per
 * query at its interval; schedulers of removed or disabled queries are dropped.
 * Idempotent, so every ingest process may run it.
 */
export async function syncSchedules(pollQueue: Queue<PollJob>, queries: TrackedQuery[]): Promise<void> {
  const wanted = new Map(queries.map((q) => [schedulerId(q.id), q]));
  const existing = await pollQueue.getJobSchedulers(0, -1);
  for (const s of existing) {
    const q = wanted.get(s.key);
    if (!q || Number(s.every) !== q.pollIntervalMs) await pollQueue.removeJobScheduler(s.key);
    else wanted.delete(s.key);
  }
  for (const [id, q] of wanted) {
    await pollQueue.upsertJobScheduler(
      id,
      { every: q.pollIntervalMs },
      { name: 'poll', data: { queryId: q.id }, opts: { attempts: 3, backoff: { type: 'exponential', delay: 2000 } } },
    );
  }
}
