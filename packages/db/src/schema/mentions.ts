import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { mentionKeys } from './mention-keys.js';
import {
  alertingLabelSql,
  EFFECTIVE_CONFIDENCE_SQL,
  EFFECTIVE_LABEL_SQL,
  FEED_RANK_SQL,
  TEXT_SEARCH_SQL,
} from './mention-rank.js';
import { trackedQueries } from './tracked-queries.js';

/**
 * Scored mentions, partitioned by month of `posted_at` (migration 0005): the feed, filters
 * and reports read recent months, and old months can be detached whole. The table is
 * declared here as drizzle sees it; the partitions themselves are made by SQL
 * (`ensure_mention_partitions`, see partitions.ts), which drizzle-kit does not model.
 * The id comes from `mention_keys`, which also keeps (source, external id) unique.
 */
export const mentions = pgTable(
  'mentions',
  {
    id: bigint('id', { mode: 'number' })
      .notNull()
      .references(() => mentionKeys.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    externalId: text('external_id').notNull(),
    queryId: integer('query_id').references(() => trackedQueries.id, { onDelete: 'set null' }),
    brand: text('brand'),
    authorId: text('author_id'),
    authorHandle: text('author_handle').notNull(),
    authorName: text('author_name'),
    authorFollowers: integer('author_followers'),
    authorVerified: boolean('author_verified'),
    text: text('text').notNull(),
    lang: text('lang'),
    url: text('url'),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull(),
    /** When ingest enqueued the mention: the start of the end-to-end latency. */
    ingestedAt: timestamp('ingested_at', { withTimezone: true }).notNull(),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull().defaultNow(),
    label: text('label').notNull(),
    score: real('score').notNull(),
    confidence: real('confidence').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    staff: jsonb('staff').$type<string[]>().notNull(),
    classifierVersion: text('classifier_version').notNull(),
    status: text('status').notNull().default('new'),
    statusNote: text('status_note'),
    statusBy: text('status_by'),
    statusAt: timestamp('status_at', { withTimezone: true }),
    labelOverride: text('label_override'),
    overrideReason: text('override_reason'),
    /** Set once the notifier has taken the praise alert; never alert twice. */
    alertedAt: timestamp('alerted_at', { withTimezone: true }),
  },
  (t) => [
    // A partitioned table's primary key must include the partition column.
    primaryKey({ name: 'mentions_pkey', columns: [t.id, t.postedAt] }),
    // Look-ups by the post's own id (webhook fan-out by key); uniqueness is mention_keys'.
    index('mentions_source_external_id_idx').on(t.source, t.externalId),
    index('mentions_posted_at_id_idx').on(t.postedAt.desc(), t.id.desc()),
    index('mentions_label_posted_at_id_idx').on(t.label, t.postedAt.desc(), t.id.desc()),
    // The API's filters and sorts (issue 5), sized for millions of rows.
    index('mentions_effective_label_posted_at_id_idx').on(sql.raw(EFFECTIVE_LABEL_SQL), t.postedAt.desc(), t.id.desc()),
    index('mentions_brand_posted_at_id_idx').on(t.brand, t.postedAt.desc(), t.id.desc()),
    index('mentions_query_id_posted_at_id_idx').on(t.queryId, t.postedAt.desc(), t.id.desc()),
    index('mentions_status_posted_at_id_idx').on(t.status, t.postedAt.desc(), t.id.desc()),
    index('mentions_reach_id_idx').on(sql.raw('coalesce(author_followers, 0) DESC'), t.id.desc()),
    index('mentions_confidence_id_idx').on(sql.raw(`${EFFECTIVE_CONFIDENCE_SQL} DESC NULLS LAST`), t.id.desc()),
    index('mentions_staff_idx').using('gin', t.staff.op('jsonb_path_ops')),
    index('mentions_text_search_idx').using('gin', sql.raw(TEXT_SEARCH_SQL)),
    // Kudos: praise that names someone, by time (reports.ts repeats this predicate).
    index('mentions_kudos_idx')
      .on(t.postedAt.desc(), t.id.desc())
      .where(sql.raw(`${EFFECTIVE_LABEL_SQL} = 'praise' AND staff <> '[]'::jsonb`)),
    // Alerts whose notify job was lost (the notifier's sweep): few rows, so a tiny index.
    index('mentions_unalerted_idx')
      .on(t.id)
      .where(sql.raw(`alerted_at IS NULL AND ${alertingLabelSql()}`)),
    // The feed: fresh praise by reward-worthiness, read straight off this partial index.
    index('mentions_feed_rank_idx')
      .on(sql.raw(`${FEED_RANK_SQL} DESC`), t.id.desc())
      .where(sql.raw(`status = 'new' AND ${EFFECTIVE_LABEL_SQL} = 'praise'`)),
  ],
);

export type MentionRow = typeof mentions.$inferSelect;
/** A mention to store: its id comes from mention_keys when insertMentions claims the key. */
export type NewMentionRow = Omit<typeof mentions.$inferInsert, 'id'>;
