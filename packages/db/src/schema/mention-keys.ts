import { bigserial, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Every mention's identity: its id and its (source, external id), unique across all time.
 * `mentions` is partitioned by month of `posted_at`, and Postgres only enforces a unique
 * key on a partitioned table when the key includes the partition column; a post edited or
 * re-fetched with another timestamp would then be stored twice. This small table holds the
 * one global key instead (the insert claims the key and writes the row in one statement),
 * and it is what other tables' foreign keys point at: deleting a key deletes the mention.
 */
export const mentionKeys = pgTable(
  'mention_keys',
  {
    // Keeps the sequence the unpartitioned table used, so ids carry on where they were.
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
  },
  (t) => [uniqueIndex('mention_keys_source_external_id_key').on(t.source, t.externalId)],
);
