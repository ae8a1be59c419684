import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { webhookEvents } from './webhook-events.js';
import { webhooks } from './webhooks.js';

/**
 * `pending` (due at next_attempt_at) → `sending` (an attempt in flight) → `delivered`,
 * or back to `pending` for a retry, or `failed`. `unknown`: the notifier died during the
 * request, so whether it arrived is unknown and it is not resent on its own (redeliver
 * instead). `batched` waits for the subscription's digest, `digested` went out in one
 * (digest_id), `skipped` was never sent (hourly cap, subscription disabled).
 */
export const DELIVERY_STATUSES = [
  'pending',
  'sending',
  'delivered',
  'failed',
  'unknown',
  'batched',
  'digested',
  'skipped',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One row per (subscription, event): the unique key makes delivery at most once per subscription. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    webhookId: integer('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: text('event_id')
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Times handed to the deliver queue; part of the job id, so each hand-over is one job. */
    dispatches: integer('dispatches').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    attemptStartedAt: timestamp('attempt_started_at', { withTimezone: true }),
    responseCode: integer('response_code'),
    latencyMs: integer('latency_ms'),
    lastError: text('last_error'),
    /** The digest delivery that carried this one. */
    digestId: bigint('digest_id', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_webhook_event_key').on(t.webhookId, t.eventId),
    index('webhook_deliveries_webhook_id_id_idx').on(t.webhookId, t.id.desc()),
    index('webhook_deliveries_webhook_id_created_at_idx').on(t.webhookId, t.createdAt),
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index('webhook_deliveries_sending_idx').on(t.attemptStartedAt).where(sql`status = 'sending'`),
    index('webhook_deliveries_batched_idx').on(t.webhookId).where(sql`status = 'batched'`),
  ],
);

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
