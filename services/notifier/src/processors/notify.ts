import type { Database } from '@goodchatter/db';
import type { DeliverJob, NotifyJob, Queue } from '@goodchatter/queues';
import { type PendingDelivery, takeAlert } from '@goodchatter/webhooks';

export interface NotifyDeps {
  database: Database;
  deliverQueue: Queue<DeliverJob>;
}

/** Job options of a delivery attempt; attempts here only cover our own failures (Postgres, Redis). */
export const deliverJob = (d: PendingDelivery) => ({
  name: 'deliver',
  data: { deliveryId: d.id },
  opts: { jobId: `dlv-${d.id}-${d.dispatches}`, attempts: 3 },
});

/**
 * Turns a new praise or complaint into its event and one delivery per matching
 * subscription (one transaction), then queues them at once: this is the fast path the
 * latency benchmark measures. A retry of this job finds the alert taken and re-queues
 * only what is still pending, under the same job ids, so nothing gets a second job.
 */
export async function notifyMention(deps: NotifyDeps, job: NotifyJob): Promise<{ deliveries: number }> {
  const pending = await takeAlert(deps.database.db, job.mentionId, job.event);
  if (pending.length > 0) await deps.deliverQueue.addBulk(pending.map(deliverJob));
  return { deliveries: pending.length };
}
