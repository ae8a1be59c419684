import type { DeliveryStatus } from '@goodchatter/core';
/**
 * Turning something that happened into deliveries: each matching subscription gets one
 * delivery row of the event, the unique (webhook, event) key being what keeps a
 * subscription from receiving it twice. Which subscriptions match, and whether a delivery
 * is sent now, batched for a digest or skipped over a cap, is decided here.
 */
import {
  type Db,
  type DbOrTx,
  type MentionRow,
  mentions,
  type Tx,
  toMention,
  webhookDeliveries,
  webhooks,
} from '@goodchatter/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { insertEvent } from './events.js';

/**
 * Stores the event and one delivery per subscription that wants it for this mention; no
 * event at all when none does (most complaints, say), so the table holds only what was
 * sent somewhere. Digest subscriptions get a `batched` row for their next digest; one over
 * its hourly cap gets a `skipped` row, so the log says why nothing arrived. The cap check
 * locks the capped subscriptions' rows, so concurrent fan-outs cannot both take the last slot.
 * `dispatchNow`: the caller hands the pending deliveries to the queue itself (they are
 * marked queued); otherwise the notifier's sweep does.
 */
export async function fanOut(
  tx: Tx,
  type: string,
  m: MentionRow,
  data: Record<string, unknown>,
  dispatchNow: boolean,
): Promise<string | undefined> {
  const subs = await tx
    .select({ id: webhooks.id, hourlyCap: webhooks.hourlyCap, digestMinutes: webhooks.digestMinutes })
    .from(webhooks)
    .where(
      sql`${webhooks.active} AND ${type} = ANY(${webhooks.events})
        AND (${webhooks.brand} IS NULL OR lower(${webhooks.brand}) = lower(${m.brand ?? ''}))
        AND (${webhooks.minConfidence} IS NULL OR ${m.labelOverride === null ? m.confidence : 1} >= ${webhooks.minConfidence})
        AND (${webhooks.minFollowers} IS NULL OR ${m.authorFollowers ?? 0} >= ${webhooks.minFollowers})
        AND (${webhooks.source} IS NULL OR lower(${webhooks.source}) = lower(${m.source}))`,
    );
  if (subs.length === 0) return undefined;
  const eventId = await insertEvent(tx, type, m.id, data);
  const capped = subs.filter((s) => s.hourlyCap !== null && s.digestMinutes === null).map((s) => s.id);
  const used = new Map<number, number>();
  if (capped.length > 0) {
    // In id order, so two fan-outs locking the same subscriptions cannot deadlock.
    await tx
      .select({ id: webhooks.id })
      .from(webhooks)
      .where(inArray(webhooks.id, capped))
      .orderBy(webhooks.id)
      .for('update');
    const counts = await tx
      .select({ id: webhookDeliveries.webhookId, n: sql<number>`count(*)::int` })
      .from(webhookDeliveries)
      .where(
        and(
          inArray(webhookDeliveries.webhookId, capped),
          sql`${webhookDeliveries.createdAt} > now() - interval '1 hour'
            AND ${webhookDeliveries.status} NOT IN ('skipped', 'batched', 'digested')`,
        ),
      )
      .groupBy(webhookDeliveries.webhookId);
    for (const c of counts) used.set(c.id, c.n);
  }
  await tx
    .insert(webhookDeliveries)
    .values(
      subs.map((s) => {
        const over = s.hourlyCap !== null && s.digestMinutes === null && (used.get(s.id) ?? 0) >= s.hourlyCap;
        const status: DeliveryStatus = s.digestMinutes !== null ? 'batched' : over ? 'skipped' : 'pending';
        const dispatch = status === 'pending' && dispatchNow;
        return {
          webhookId: s.id,
          eventId,
          status,
          lastError: over ? `hourly cap of ${s.hourlyCap} reached` : null,
          dispatches: dispatch ? 1 : 0,
          queuedAt: dispatch ? sql`now()` : null,
        };
      }),
    )
    .onConflictDoNothing();
  return eventId;
}

/**
 * Call after a mention's status changed, ideally in the same transaction as the change
 * (pass it as `db`), so the event exists exactly when the change does. The notifier
 * sends the deliveries on its next sweep (WEBHOOK_SWEEP_MS). Returns the event id, or
 * undefined when no subscription wants this change.
 */
export async function recordStatusChanged(
  db: DbOrTx,
  change: { mentionId: number; from: string; to: string },
): Promise<string | undefined> {
  const run = async (tx: Tx) => {
    const [m] = await tx.select().from(mentions).where(eq(mentions.id, change.mentionId));
    if (!m || change.from === change.to) return undefined;
    const data = { ...toMention(m), status: change.to, previousStatus: change.from };
    return fanOut(tx, 'mention.status_changed', m, data, false);
  };
  // Inside a caller's transaction this runs as a savepoint of it.
  return (db as Db).transaction(run);
}
