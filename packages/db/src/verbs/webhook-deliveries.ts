/**
 * A subscription's delivery log as the API shows it. How a delivery moves from state to
 * state (attempts, retries, redelivery) is @goodchatter/webhooks'.
 */

import type { DeliveryStatus } from '@goodchatter/core';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type WebhookDelivery, webhookDeliveries } from '../schema/webhook-deliveries.js';
import { webhookEvents } from '../schema/webhook-events.js';

export interface DeliveryLogEntry extends WebhookDelivery {
  eventType: string;
}

/** A subscription's deliveries, newest first; `before` is the last id of the previous page. */
export async function listDeliveries(
  db: Db,
  webhookId: number,
  opts: { limit: number; before?: number; status?: DeliveryStatus },
): Promise<DeliveryLogEntry[]> {
  const rows = await db
    .select({ d: webhookDeliveries, eventType: webhookEvents.type })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(
      and(
        eq(webhookDeliveries.webhookId, webhookId),
        opts.before ? lt(webhookDeliveries.id, opts.before) : undefined,
        opts.status ? eq(webhookDeliveries.status, opts.status) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(opts.limit);
  return rows.map((r) => ({ ...r.d, eventType: r.eventType }));
}

export async function getDeliveryEntry(db: Db, webhookId: number, id: number): Promise<DeliveryLogEntry | undefined> {
  const [row] = await db
    .select({ d: webhookDeliveries, eventType: webhookEvents.type })
    .from(webhookDeliveries)
    .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.webhookId, webhookId), eq(webhookDeliveries.id, id)));
  return row ? { ...row.d, eventType: row.eventType } : undefined;
}
