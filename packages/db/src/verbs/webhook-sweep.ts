/**
 * What the notifier's periodic sweep does in Postgres: hand due deliveries to the queue,
 * settle attempts a dead notifier left in flight, and assemble due digests.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { webhookDeliveries } from '../schema/webhook-deliveries.js';
import { webhookEvents } from '../schema/webhook-events.js';
import { webhooks } from '../schema/webhooks.js';
import type { PendingDelivery } from './webhook-fanout.js';

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

/** Most events one digest carries; the rest wait for the next one. */
const DIGEST_MAX_EVENTS = 1000;

/**
 * For each active subscription with batched events whose digest interval has passed since
 * its last digest (or its creation): one `mention.digest` event carrying them all, and one
 * pending delivery of it. Returns the number of digests made.
 */
export async function assembleDueDigests(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: webhooks.id })
      .from(webhooks)
      .where(
        // A subscription whose digest was just turned off sends what it had batched now.
        sql`${webhooks.active}
          AND (${webhooks.digestMinutes} IS NULL
            OR coalesce(${webhooks.lastDigestAt}, ${webhooks.createdAt}) <= now() - make_interval(mins => ${webhooks.digestMinutes}))
          AND EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.webhook_id = ${webhooks.id} AND d.status = 'batched')`,
      )
      .for('update', { skipLocked: true });
    for (const { id: webhookId } of due) {
      const items = await tx
        .select({ deliveryId: webhookDeliveries.id, event: webhookEvents })
        .from(webhookDeliveries)
        .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
        .where(and(eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.status, 'batched')))
        .orderBy(webhookDeliveries.id)
        .limit(DIGEST_MAX_EVENTS);
      const eventId = randomUUID();
      const events = items.map(({ event: e }) => ({
        id: e.id,
        type: e.type,
        createdAt: e.createdAt.toISOString(),
        data: e.data,
      }));
      await tx.insert(webhookEvents).values({ id: eventId, type: 'mention.digest', data: { events } });
      const [digest] = await tx
        .insert(webhookDeliveries)
        .values({ webhookId, eventId, status: 'pending' })
        .returning({ id: webhookDeliveries.id });
      await tx
        .update(webhookDeliveries)
        .set({ status: 'digested', digestId: digest?.id })
        .where(
          inArray(
            webhookDeliveries.id,
            items.map((i) => i.deliveryId),
          ),
        );
      await tx.update(webhooks).set({ lastDigestAt: sql`now()` }).where(eq(webhooks.id, webhookId));
    }
    return due.length;
  });
}
