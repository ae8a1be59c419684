import { integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Read-only links to a kudos wall (a team screen, a printout): anyone with the token sees
 * the kudos of `brand` (all brands when null) over the last `days`, nothing else. Only the
 * token's SHA-256 is stored; the token is shown once, when the link is made.
 */
export const kudosShares = pgTable(
  'kudos_shares',
  {
    id: serial('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    brand: text('brand'),
    days: integer('days').notNull(),
    /** The API key that made the link. */
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('kudos_shares_token_hash_key').on(t.tokenHash)],
);

export type KudosShareRow = typeof kudosShares.$inferSelect;
