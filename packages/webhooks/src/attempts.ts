import type { DeliveryStatus } from '@goodchatter/core';
/**
 * One delivery's life: claimed for an attempt, then delivered, scheduled for a retry,
 * failed or skipped. Every transition is guarded by the state it leaves, so a stale or
 * duplicate job can never move a delivery twice.
 */
import { type Db, openSecret, webhookDeliveries, webhooks } from '@goodchatter/db';
import { and, eq, sql } from 'drizzle-orm';

export interface ClaimedDelivery {
  id: number;
  attempts: number;
  webhookId: number;
  url: string;
  secret: string;
  format: string;
  active: boolean;
  eventId: string;
  eventType: string;
  eventCreatedAt: Date;
  data: Record<string, unknown>;
}

/**
 * Marks a pending delivery as being sent (counting the attempt) and returns what sending
 * needs; undefined when it is not pending (already sent, or another worker has it).
 * Marking before sending is what lets a crash mid-request be recognised afterwards.
 */
export async function claimDelivery(db: Db, id: number): Promise<ClaimedDelivery | undefined> {
  const { rows } = await db.$client.query(
    `WITH claimed AS (
       UPDATE webhook_deliveries SET status = 'sending', attempts = attempts + 1, attempt_started_at = now()
       WHERE id = $1 AND status = 'pending' RETURNING id, attempts, webhook_id, event_id)
     SELECT c.id, c.attempts, c.webhook_id, w.url, w.secret, w.format, w.active,
            e.id AS event_id, e.type, e.created_at, e.data
     FROM claimed c JOIN webhooks w ON w.id = c.webhook_id JOIN webhook_events e ON e.id = c.event_id`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    id: Number(r.id),
    attempts: r.attempts,
    webhookId: r.webhook_id,
    url: r.url,
    secret: openSecret(r.secret),
    format: r.format,
    active: r.active,
    eventId: r.event_id,
    eventType: r.type,
    eventCreatedAt: r.created_at,
    data: r.data,
  };
}

export type AttemptOutcome =
  | { kind: 'delivered'; responseCode: number; latencyMs: number }
  | { kind: 'retry'; responseCode?: number; latencyMs: number; error: string; delayMs: number }
  | { kind: 'failed'; responseCode?: number; latencyMs?: number; error: string }
  | { kind: 'skipped'; error: string };

/**
 * Records an attempt's outcome. A final failure extends the subscription's run of failed
 * deliveries and disables it once the run reaches `disableAfter`; a success ends the run.
 * `countsForSubscription` is false for test events, which must not disable anything.
 */
export async function finishAttempt(
  db: Db,
  claimed: Pick<ClaimedDelivery, 'id' | 'webhookId'>,
  outcome: AttemptOutcome,
  opts: { disableAfter: number; countsForSubscription: boolean },
): Promise<{ disabled: boolean }> {
  const status: DeliveryStatus =
    outcome.kind === 'delivered' ? 'delivered' : outcome.kind === 'retry' ? 'pending' : outcome.kind;
  const updated = await db
    .update(webhookDeliveries)
    .set({
      status,
      responseCode: 'responseCode' in outcome ? (outcome.responseCode ?? null) : null,
      latencyMs: 'latencyMs' in outcome ? (outcome.latencyMs ?? null) : null,
      lastError: 'error' in outcome ? outcome.error.slice(0, 1000) : null,
      deliveredAt: outcome.kind === 'delivered' ? sql`now()` : null,
      // A retry waits in Postgres until due; the notifier's sweep hands it to the queue then.
      nextAttemptAt:
        outcome.kind === 'retry' ? sql`now() + ${`${Math.round(outcome.delayMs)} milliseconds`}::interval` : undefined,
      queuedAt: outcome.kind === 'retry' ? null : undefined,
    })
    .where(and(eq(webhookDeliveries.id, claimed.id), eq(webhookDeliveries.status, 'sending')))
    .returning({ id: webhookDeliveries.id });
  if (updated.length === 0 || !opts.countsForSubscription) return { disabled: false };
  if (outcome.kind === 'delivered') {
    await db
      .update(webhooks)
      .set({ consecutiveFailures: 0 })
      .where(and(eq(webhooks.id, claimed.webhookId), sql`${webhooks.consecutiveFailures} > 0`));
  }
  if (outcome.kind !== 'failed') return { disabled: false };
  const run = sql`${webhooks.consecutiveFailures} + 1`;
  const reason = `disabled after ${opts.disableAfter} failed deliveries in a row; last: ${outcome.error.slice(0, 300)}`;
  const [sub] = await db
    .update(webhooks)
    .set({
      consecutiveFailures: run,
      active: sql`CASE WHEN ${run} >= ${opts.disableAfter} THEN false ELSE ${webhooks.active} END`,
      disabledReason: sql`CASE WHEN ${run} >= ${opts.disableAfter} AND ${webhooks.active} THEN ${reason} ELSE ${webhooks.disabledReason} END`,
      disabledAt: sql`CASE WHEN ${run} >= ${opts.disableAfter} AND ${webhooks.active} THEN now() ELSE ${webhooks.disabledAt} END`,
    })
    .where(eq(webhooks.id, claimed.webhookId))
    .returning({ active: webhooks.active });
  return { disabled: sub?.active === false };
}
