import { type Database, getDelivery, getMention, recordDeliveryAttempt, toMention } from '@goodchatter/db';
import { type DeliverJob, type Job, UnrecoverableError } from '@goodchatter/queues';

export interface DeliverDeps {
  database: Database;
  timeoutMs: number;
}

/** 408, 429 and 5xx may succeed later; any other 4xx will not. */
const retryable = (status: number) => status === 408 || status === 429 || status >= 500;

/**
 * POSTs one event to one URL. Delivered rows are skipped, so a re-run job does not post
 * twice; the event id lets receivers drop the rare repeat after a crash mid-request.
 */
export async function deliver(deps: DeliverDeps, payload: DeliverJob, job: Job<DeliverJob>): Promise<string> {
  const { db } = deps.database;
  const delivery = await getDelivery(db, payload.deliveryId);
  if (delivery?.status !== 'pending') return 'skipped';
  const mention = await getMention(db, delivery.mentionId);
  if (!mention) return 'skipped';
  const body = JSON.stringify({
    id: delivery.eventId,
    type: delivery.event,
    createdAt: delivery.createdAt.toISOString(),
    data: toMention(mention),
  });
  const lastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  let status: number;
  try {
    const res = await fetch(delivery.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-goodchatter-event-id': delivery.eventId },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.timeoutMs),
    });
    status = res.status;
    await res.body?.cancel();
  } catch (err) {
    const error = (err as Error).message;
    await recordDeliveryAttempt(db, delivery.id, { ok: false, error, final: lastTry });
    throw new Error(`delivery ${delivery.id} failed: ${error}`);
  }
  if (status >= 200 && status < 300) {
    await recordDeliveryAttempt(db, delivery.id, { ok: true, responseCode: status });
    return 'delivered';
  }
  const final = lastTry || !retryable(status);
  await recordDeliveryAttempt(db, delivery.id, { ok: false, responseCode: status, error: `HTTP ${status}`, final });
  if (!retryable(status)) throw new UnrecoverableError(`delivery ${delivery.id}: HTTP ${status}, not retried`);
  throw new Error(`delivery ${delivery.id}: HTTP ${status}`);
}
