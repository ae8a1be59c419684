import { bigserial, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Dead letters: mentions that could not be stored, with why, so a bad item is isolated
 * and visible (GET /v1/rejected, a metric) instead of failing the batch it came in.
 * `payload` is the item as JSON text (escapes keep NUL bytes and lone surrogates
 * storable); `source`/`externalId` are a readable copy with such characters replaced.
 */
export const rejectedMentions = pgTable(
  'rejected_mentions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** `score` (the scorer refused or could not store it) or `replay` (a replay file line). */
    stage: text('stage').notNull(),
    source: text('source'),
    externalId: text('external_id'),
    queryId: integer('query_id'),
    /** The line number, for a replay file line. */
    line: integer('line'),
    reason: text('reason').notNull(),
    payload: text('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rejected_mentions_created_at_idx').on(t.createdAt.desc(), t.id.desc())],
);

export type RejectedMentionRow = typeof rejectedMentions.$inferSelect;
export type NewRejectedMention = typeof rejectedMentions.$inferInsert;
