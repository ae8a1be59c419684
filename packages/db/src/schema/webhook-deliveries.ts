import type { DeliveryStatus } from '@goodchatter/core';
import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { webhookEvents } from './webhook-events.js';
import { webhooks } from './webhooks.js';

// Delivery statuses (pending → sending → delivered, …) are core's DELIVERY_STATUSES.

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
