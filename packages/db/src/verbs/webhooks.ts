/**
 * Webhook subscriptions as people manage them (the API). Secrets are generated here and
 * returned only by create and rotate; every other read leaves them to the caller to drop.
 * Changing a subscription (`updateWebhook`, with its reactivation rule) is
 * @goodchatter/webhooks'.
 */
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type NewWebhookRow, type WebhookRow, webhooks } from '../schema/webhooks.js';
import { needsReseal, openSecret, sealSecret } from '../secret-box.js';

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export type WebhookInput = Omit<
  NewWebhookRow,
  'id' | 'secret' | 'consecutiveFailures' | 'disabledReason' | 'disabledAt' | 'lastDigestAt' | 'createdAt' | 'updatedAt'
>;

/** Creates a subscription; the returned row carries the secret in clear (stored sealed). */
export async function createWebhook(db: Db, input: WebhookInput): Promise<WebhookRow> {
  const secret = newWebhookSecret();
  const [row] = await db
    .insert(webhooks)
    .values({ ...input, secret: sealSecret(secret) })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return { ...row, secret };
}

export async function listWebhooks(db: Db): Promise<WebhookRow[]> {
  return db.select().from(webhooks).orderBy(webhooks.id);
}

export async function getWebhook(db: Db, id: number): Promise<WebhookRow | undefined> {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id));
  return row;
}

/** Deleting a subscription deletes its delivery log with it (foreign key cascade). */
export async function deleteWebhook(db: Db, id: number): Promise<boolean> {
  const rows = await db.delete(webhooks).where(eq(webhooks.id, id)).returning({ id: webhooks.id });
  return rows.length === 1;
}

/** The old secret stops working at once: requests signed after this use only the new one. */
export async function rotateWebhookSecret(db: Db, id: number): Promise<WebhookRow | undefined> {
  const secret = newWebhookSecret();
  const [row] = await db
    .update(webhooks)
    .set({ secret: sealSecret(secret), updatedAt: sql`now()` })
    .where(eq(webhooks.id, id))
    .returning();
  return row && { ...row, secret };
}

/**
 * Seals every secret stored in clear or under a previous key with the current key (a no-op
 * without one). Runs with the migrations at start; one row at a time under its lock, so a
 * rotation meanwhile is never overwritten. Returns how many rows changed.
 */
export async function resealWebhookSecrets(db: Db): Promise<number> {
  let changed = 0;
  for (const { id, secret } of await db.select({ id: webhooks.id, secret: webhooks.secret }).from(webhooks)) {
    if (!needsReseal(secret)) continue;
    let plain: string;
    try {
      plain = openSecret(secret);
    } catch {
      continue; // sealed under a key this process lacks: left for one that has it
    }
    const rows = await db
      .update(webhooks)
      .set({ secret: sealSecret(plain) })
      .where(sql`${webhooks.id} = ${id} AND ${webhooks.secret} = ${secret}`)
      .returning({ id: webhooks.id });
    changed += rows.length;
  }
  return changed;
}
