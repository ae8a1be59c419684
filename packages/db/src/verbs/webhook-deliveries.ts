import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { mentions } from '../schema/mentions.js';
import { type WebhookDelivery, webhookDeliveries } from '../schema/webhook-deliveries.js';

/**
 * Takes a mention's praise alert and creates its deliveries in one transaction, so an
 * alert is never taken without its deliveries. Returns the deliveries still pending
 * (also those left by an earlier attempt that crashed before enqueueing them).
 */
export async function takeAlert(db: Db, mentionId: number, event: string, urls: string[]): Promise<WebhookDelivery[]> {
  return db.transaction(async (tx) => {
    const taken = await tx
      .update(mentions)
      .set({ alertedAt: sql`now()` })
      .where(and(eq(mentions.id, mentionId), sql`${mentions.alertedAt} IS NULL`))
      .returning({ id: mentions.id });
    if (taken.length === 1 && urls.length > 0) {
      await tx
        .insert(webhookDeliveries)
        .values(urls.map((url) => ({ mentionId, url, event, eventId: randomUUID() })))
        .onConflictDoNothing();
    }
    return tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.mentionId, mentionId), eq(webhookDeliveries.status, 'pending')));
  });
}

export async function getDelivery(db: Db, id: number): Promise<WebhookDelivery | undefined> {
  const [row] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
  return row;
}

export async function recordDeliveryAttempt(
  db: Db,
  id: number,
  outcome: { ok: boolean; responseCode?: number; error?: string; final?: boolean },
): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      responseCode: outcome.responseCode ?? null,
      lastError: outcome.error?.slice(0, 1000) ?? null,
      status: outcome.ok ? 'delivered' : outcome.final ? 'failed' : 'pending',
      deliveredAt: outcome.ok ? sql`now()` : null,
    })
    .where(eq(webhookDeliveries.id, id));
}
