import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { mentionKeys } from './mention-keys.js';

/**
 * A mention's workflow history: one row per status change or label override, with the
 * API key that made it. Label overrides are also the classifier's training feedback.
 */
export const mentionEvents = pgTable(
  'mention_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    mentionId: bigint('mention_id', { mode: 'number' })
      .notNull()
      .references(() => mentionKeys.id, { onDelete: 'cascade' }),
    /** `status` or `label`. */
    kind: text('kind').notNull(),
    keyId: text('key_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    fromLabel: text('from_label'),
    toLabel: text('to_label'),
    reason: text('reason'),
  },
  (t) => [
    index('mention_events_mention_id_idx').on(t.mentionId, t.id),
    index('mention_events_kind_id_idx').on(t.kind, t.id),
    // Trends: thanked/rewarded per week, read by the time of the status change.
    index('mention_events_to_status_at_idx').on(t.toStatus, t.at).where(sql.raw(`kind = 'status'`)),
  ],
);

export type MentionEventRow = typeof mentionEvents.$inferSelect;
