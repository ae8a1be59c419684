import { bigint, bigserial, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { mentions } from './mentions.js';

/** One row per (mention, target URL): the unique key is what makes delivery at-most-once per target. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    mentionId: bigint('mention_id', { mode: 'number' })
      .notNull()
      .references(() => mentions.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    event: text('event').notNull(),
    eventId: text('event_id').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    responseCode: integer('response_code'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('webhook_deliveries_mention_url_key').on(t.mentionId, t.url)],
);

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
