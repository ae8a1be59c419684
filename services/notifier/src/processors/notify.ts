import { type Database, takeAlert } from '@goodchatter/db';
import type { DeliverJob, NotifyJob, Queue } from '@goodchatter/queues';

export interface NotifyDeps {
  database: Database;
  deliverQueue: Queue<DeliverJob>;
  urls: string[];
  maxAttempts: number;
}

/**
 * Turns a praise alert into one delivery per webhook URL. Taking the alert and creating
 * its deliveries is one transaction; enqueueing is keyed by delivery id, so a retry of
 * this job re-enqueues only what is still pending and never makes a second job.
 */
export async function notifyPraise(deps: NotifyDeps, job: NotifyJob): Promise<{ deliveries: number }> {
  const pending = await takeAlert(deps.database.db, job.mentionId, job.event, deps.urls);
  await deps.deliverQueue.addBulk(
    pending.map((d) => ({
      name: 'deliver',
      data: { deliveryId: d.id },
      opts: { jobId: `dlv-${d.id}`, attempts: deps.maxAttempts },
    })),
  );
  return { deliveries: pending.length };
}
