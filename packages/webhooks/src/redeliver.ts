import type { DeliveryStatus } from '@goodchatter/core';
import { type Db, getDeliveryEntry, webhookDeliveries } from '@goodchatter/db';
import { and, eq, inArray, sql } from 'drizzle-orm';

/** States a delivery can be sent again from: it is finished, one way or another. */
const REDELIVERABLE: DeliveryStatus[] = ['delivered', 'failed', 'unknown', 'skipped', 'digested'];

/**
 * Sends the same event (same id and body) again, with a fresh allowance of attempts.
 * 'busy' when it is still pending, in flight or waiting for a digest.
 */
export async function redeliver(db: Db, webhookId: number, id: number): Promise<'ok' | 'busy' | 'not_found'> {
  const rows = await db
    .update(webhookDeliveries)
    // The last attempt's outcome goes with it: the row describes the new round from here on.
    .set({
      status: 'pending',
      attempts: 0,
      nextAttemptAt: sql`now()`,
      queuedAt: null,
      lastError: null,
      responseCode: null,
      latencyMs: null,
      deliveredAt: null,
    })
    .where(
      and(
        eq(webhookDeliveries.webhookId, webhookId),
        eq(webhookDeliveries.id, id),
        inArray(webhookDeliveries.status, REDELIVERABLE),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  if (rows.length === 1) return 'ok';
  return (await getDeliveryEntry(db, webhookId, id)) ? 'busy' : 'not_found';
}
