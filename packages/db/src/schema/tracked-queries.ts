import { sql } from 'drizzle-orm';
import { boolean, date, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Query status: `active` polls; `failing` waits for an edit; `paused` waits for its budget. */
export const trackedQueries = pgTable(
  'tracked_queries',
  {
    id: serial('id').primaryKey(),
    brand: text('brand').notNull(),
    source: text('source').notNull(),
    query: text('query').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    pollIntervalMs: integer('poll_interval_ms').notNull().default(60_000),
    lookbackSeconds: integer('lookback_seconds').notNull().default(3600),
    dailyBudget: integer('daily_budget').notNull().default(2000),
    /** Per-query phrase rules for the classifier: [{ phrase, label }]. */
    rules: jsonb('rules').$type<{ phrase: string; label: string }[]>().notNull().default(sql`'[]'::jsonb`),
    checkpoint: text('checkpoint'),
    status: text('status').notNull().default('active'),
    /** No poll before this time: X's rate-limit reset, or the next UTC day once the budget is spent. */
    pausedUntil: timestamp('paused_until', { withTimezone: true }),
    lastPolledAt: timestamp('last_polled_at', { withTimezone: true }),
    lastError: text('last_error'),
    readsToday: integer('reads_today').notNull().default(0),
    readsDay: date('reads_day'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('tracked_queries_source_query_key').on(t.source, t.query)],
);

export type TrackedQuery = typeof trackedQueries.$inferSelect;
export type NewTrackedQuery = typeof trackedQueries.$inferInsert;
