import { type Db, webhookDeliveries, webhooks } from '@goodchatter/db';
import { eq } from 'drizzle-orm';
import { insertEvent } from './events.js';

/** A sample event for one subscription (`webhook.test`), sent even while it is disabled. */
export async function createTestDelivery(db: Db, webhookId: number): Promise<number | undefined> {
  return db.transaction(async (tx) => {
    const [sub] = await tx.select({ id: webhooks.id }).from(webhooks).where(eq(webhooks.id, webhookId));
    if (!sub) return undefined;
    const now = new Date().toISOString();
    const eventId = await insertEvent(tx, 'webhook.test', null, {
      id: '0',
      source: 'test',
      externalId: 'test',
      brand: 'Good Chatter',
      author: { handle: 'happy_customer', name: 'A Happy Customer', followers: 1200 },
      text: 'This is a test event from Good Chatter: Maria at the front desk was wonderful!',
      lang: 'en',
      postedAt: now,
      ingestedAt: now,
      scoredAt: now,
      label: 'praise',
      score: 3,
      confidence: 0.95,
      reasons: ['test event'],
      staff: ['Maria'],
      classifierVersion: 'test',
      status: 'new',
    });
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({ webhookId, eventId, status: 'pending' })
      .returning({ id: webhookDeliveries.id });
    return row?.id;
  });
}
