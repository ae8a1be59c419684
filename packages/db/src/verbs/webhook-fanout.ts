/**
 * Turning something that happened into events and deliveries. An event is stored once
 * with its body snapshot; each matching subscription gets one delivery row, the unique
 * (webhook, event) key being what keeps a subscription from receiving it twice.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { type MentionRow, mentions } from '../schema/mentions.js';
import { type DeliveryStatus, webhookDeliveries } from '../schema/webhook-deliveries.js';
import { webhookEvents } from '../schema/webhook-events.js';
import { webhooks } from '../schema/webhooks.js';
import { toMention } from './mention-view.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** Event types a subscription can ask for. */
export const WEBHOOK_EVENTS = ['mention.praise', 'mention.complaint', 'mention.status_changed'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export interface PendingDelivery {
  id: number;
  dispatches: number;
}

/**
 * Stores the event and one delivery per subscription that wants it for this mention; no
 * event at all when none does (most complaints, say), so the table holds only what was
 * sent somewhere. Digest subscriptions get a `batched` row for their next digest; one over
 * its hourly cap gets a `skipped` row, so the log says why nothing arrived. The cap check
 * locks the capped subscriptions' rows, so concurrent fan-outs cannot both take the last slot.
 */
async function fanOut(
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

async function insertEvent(tx: Tx, type: string, mentionId: number | null, data: Record<string, unknown>) {
  const id = randomUUID();
  await tx.insert(webhookEvents).values({ id, type, mentionId, data });
  return id;
}

/**
 * Takes a new mention's alert (praise or complaint) and creates its event and deliveries
 * in one transaction, so an alert is never taken without them. Returns the deliveries
 * already handed to the queue that are still pending: also those of an earlier run that
 * crashed before enqueueing, which the caller enqueues again under the same job ids.
 */
export async function takeAlert(db: Db, mentionId: number, type: WebhookEventType): Promise<PendingDelivery[]> {
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

/**
 * Praise and complaints among these keys whose alert was not yet taken. A scorer retrying
 * a batch (after a crash between insert and enqueue) finds its lost alerts here.
 */
export async function findUnalertedMentions(
  db: Db,
  keys: { source: string; externalId: string }[],
): Promise<{ id: number; label: string }[]> {
  if (keys.length === 0) return [];
  const { rows } = await db.$client.query<{ id: string; label: string }>(
    `SELECT m.id, m.label FROM mentions m
     JOIN unnest($1::text[], $2::text[]) AS k(source, external_id)
       ON m.source = k.source AND m.external_id = k.external_id
     WHERE m.label IN ('praise', 'complaint') AND m.alerted_at IS NULL`,
    [keys.map((k) => k.source), keys.map((k) => k.externalId)],
  );
  return rows.map((r) => ({ id: Number(r.id), label: r.label }));
}
