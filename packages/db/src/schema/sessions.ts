import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { apiKeys } from './api-keys.js';

/**
 * Browser sessions of the care app: an API key exchanged for a cookie. The cookie holds a
 * random token; only its SHA-256 is stored (`id`), like API keys. A session acts with its
 * key's scopes and dies with it: `api_key_id` names the stored key (checked for revocation
 * on every request), or is null for the unstored GOODCHATTER_ADMIN_KEY, whose hash in
 * `key_hash` must still match the configured one.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    apiKeyId: text('api_key_id').references(() => apiKeys.id, { onDelete: 'cascade' }),
    keyHash: text('key_hash').notNull(),
    /** Sent back in `x-csrf-token` by cookie-authenticated writes. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_expires_at_idx').on(t.expiresAt), index('sessions_api_key_id_idx').on(t.apiKeyId)],
);

/**
 * One-time sign-in links (`/sign-in?token=…`): a short-lived token that becomes a session
 * for its key once. Only the token's SHA-256 is stored; `used_at` makes it single use.
 */
export const signInLinks = pgTable(
  'sign_in_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    apiKeyId: text('api_key_id').references(() => apiKeys.id, { onDelete: 'cascade' }),
    keyHash: text('key_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('sign_in_links_expires_at_idx').on(t.expiresAt)],
);

export type SessionRow = typeof sessions.$inferSelect;
