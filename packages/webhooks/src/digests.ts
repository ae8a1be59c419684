/**
 * Digests: a subscription with `digestMinutes` gets its matching events batched (fan-out
 * stores them as `batched` deliveries) and, once per interval, one `mention.digest` event
 * carrying them all. Assembled by the notifier's periodic sweep.
 */
import { randomUUID } from 'node:crypto';
import { type Db, webhookDeliveries, webhookEvents, webhooks } from '@goodchatter/db';
import { and, eq, inArray, sql } from 'drizzle-orm';

/** Most events one digest carries; the rest wait for the next one. */
export const DIGEST_MAX_EVENTS = 1000;

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
