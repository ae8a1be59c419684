import { jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * API keys. Only the SHA-256 of a key is stored: keys are 256-bit random, so a fast hash
 * is enough (no dictionary to guess from), and lookups stay one index probe per request.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The key's first characters, so people can tell their keys apart in listings. */
    prefix: text('prefix').notNull(),
    hash: text('hash').notNull(),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_hash_key').on(t.hash)],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
