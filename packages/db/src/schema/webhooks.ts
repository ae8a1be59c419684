import { boolean, integer, pgTable, real, serial, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * A webhook subscription. The secret signs every request (HMAC-SHA256) and is shown to the
 * API caller only when created or rotated; it stays readable here because signing needs it.
 */
export const webhooks = pgTable('webhooks', {
  id: serial('id').primaryKey(),
  url: text('url').notNull(),
  description: text('description'),
  /** Event types delivered: mention.praise, mention.complaint, mention.status_changed. */
  events: text('events').array().notNull(),
  /** `json` (our event) or `slack` (a Slack incoming-webhook body). */
  format: text('format').notNull().default('json'),
  active: boolean('active').notNull().default(true),
  secret: text('secret').notNull(),
  /** Filters on the mention; null means "any". */
  brand: text('brand'),
  minConfidence: real('min_confidence'),
  minFollowers: integer('min_followers'),
  /** Only mentions from this source (`x`, `mastodon`, `bluesky`, …). */
  source: text('source'),
  /** Alert fatigue: one digest every N minutes instead of one request per event. */
  digestMinutes: integer('digest_minutes'),
  /** At most this many deliveries per rolling hour; the rest are logged as skipped. */
  hourlyCap: integer('hourly_cap'),
  /** Final delivery failures in a row; reaching the limit disables the subscription. */
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  disabledReason: text('disabled_reason'),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  lastDigestAt: timestamp('last_digest_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type WebhookRow = typeof webhooks.$inferSelect;
export type NewWebhookRow = typeof webhooks.$inferInsert;
