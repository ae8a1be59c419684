/**
 * What the notifier's periodic sweep does in Postgres besides digests (digests.ts): hand
 * due deliveries to the queue, and settle attempts a dead notifier left in flight.
 */
import type { Db } from '@goodchatter/db';
import type { PendingDelivery } from './alerts.js';

/**
 * Pending deliveries that are due and not yet queued (retries, redeliveries, test and
 * status events), or queued so long ago that their job must have been lost. Each gets a
 * new dispatch number, so its job id is new; claiming a delivery is atomic, so a lost
 * job turning up after all cannot send it twice.
 */
export async function claimDueDeliveries(db: Db, limit: number, lostAfterMs: number): Promise<PendingDelivery[]> {
  const { rows } = await db.$client.query<{ id: string; dispatches: number }>(
    `UPDATE webhook_deliveries SET queued_at = now(), dispatches = dispatches + 1
     WHERE id IN (
       SELECT id FROM webhook_deliveries
       WHERE status = 'pending' AND next_attempt_at <= now()
         AND (queued_at IS NULL OR queued_at < now() - $2 * interval '1 millisecond')
       ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
     RETURNING id, dispatches`,
    [limit, lostAfterMs],
  );
  return rows.map((r) => ({ id: Number(r.id), dispatches: r.dispatches }));
}

/**
 * Attempts still `sending` long after any live attempt would have ended belong to a
 * notifier that died mid-request. The receiver may or may not have the event, and
 * sending it again could deliver it twice, so they become `unknown`: visible in the log
 * and redeliverable by hand, never resent on their own.
 */
export async function settleInterruptedAttempts(db: Db, leaseMs: number): Promise<number> {
  const { rowCount } = await db.$client.query(
    `UPDATE webhook_deliveries
     SET status = 'unknown', last_error = 'the notifier stopped during this request; it may or may not have arrived'
     WHERE status = 'sending' AND attempt_started_at < now() - $1 * interval '1 millisecond'`,
    [leaseMs],
  );
  return rowCount ?? 0;
}
