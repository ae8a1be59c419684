import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { mentionKeys } from './mention-keys.js';

/**
 * One event that happened (a mention stored as praise, a status change, a digest, a test).
 * Its id is the stable event id every delivery of it carries; `data` is the snapshot sent,
 * so a redelivery sends the same body.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    mentionId: bigint('mention_id', { mode: 'number' }).references(() => mentionKeys.id, { onDelete: 'cascade' }),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_events_mention_id_idx').on(t.mentionId)],
);

export type WebhookEventRow = typeof webhookEvents.$inferSelect;
