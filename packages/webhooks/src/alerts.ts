/**
 * Alerts: a newly stored praise or complaint becomes one webhook event, exactly once. The
 * mention's `alerted_at` is taken in the transaction that fans the event out, so an alert
 * is never taken without its deliveries, nor made twice.
 */
import type { AlertEvent } from '@goodchatter/core';
import { type Db, mentions, toMention, webhookDeliveries, webhookEvents } from '@goodchatter/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { fanOut } from './fan-out.js';

export interface PendingDelivery {
  id: number;
  dispatches: number;
}

/**
 * Takes a new mention's alert (praise or complaint) and creates its event and deliveries
 * in one transaction, so an alert is never taken without them. Returns the deliveries
 * already handed to the queue that are still pending: also those of an earlier run that
 * crashed before enqueueing, which the caller enqueues again under the same job ids.
 */
export async function takeAlert(db: Db, mentionId: number, type: AlertEvent): Promise<PendingDelivery[]> {
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .update(mentions)
      .set({ alertedAt: sql`now()` })
      .where(and(eq(mentions.id, mentionId), isNull(mentions.alertedAt)))
      .returning();
    if (taken) await fanOut(tx, type, taken, toMention(taken), true);
    return tx
      .select({ id: webhookDeliveries.id, dispatches: webhookDeliveries.dispatches })
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(
        sql`${webhookEvents.mentionId} = ${mentionId} AND ${webhookEvents.type} = ${type}
          AND ${webhookDeliveries.status} = 'pending' AND ${webhookDeliveries.queuedAt} IS NOT NULL`,
      );
  });
}
