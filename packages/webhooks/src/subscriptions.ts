import { type Db, type WebhookInput, type WebhookRow, webhooks } from '@goodchatter/db';
import { eq, sql } from 'drizzle-orm';

/**
 * Applies a partial change. Turning a subscription back on clears why it was disabled
 * and its failure run (see finishAttempt), so it gets a fresh allowance of failures.
 */
export async function updateWebhook(db: Db, id: number, patch: Partial<WebhookInput>): Promise<WebhookRow | undefined> {
  const reactivate = patch.active === true ? { consecutiveFailures: 0, disabledReason: null, disabledAt: null } : {};
  const [row] = await db
    .update(webhooks)
    .set({ ...patch, ...reactivate, updatedAt: sql`now()` })
    .where(eq(webhooks.id, id))
    .returning();
  return row;
}
