import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { EFFECTIVE_CONFIDENCE_SQL, EFFECTIVE_LABEL_SQL, FEED_RANK_SQL, TEXT_SEARCH_SQL } from './mention-rank.js';
import { trackedQueries } from './tracked-queries.js';

export const mentions = pgTable(
  'mentions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
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
    uniqueIndex('mentions_source_external_id_key').on(t.source, t.externalId),
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
    // Alerts whose notify job was lost (the notifier's sweep): few rows, so a tiny index.
    index('mentions_unalerted_idx').on(t.id).where(sql.raw(`alerted_at IS NULL AND label IN ('praise', 'complaint')`)),
    // The feed: fresh praise by reward-worthiness, read straight off this partial index.
    index('mentions_feed_rank_idx')
      .on(sql.raw(`${FEED_RANK_SQL} DESC`), t.id.desc())
      .where(sql.raw(`status = 'new' AND ${EFFECTIVE_LABEL_SQL} = 'praise'`)),
  ],
);

export type MentionRow = typeof mentions.$inferSelect;
export type NewMentionRow = typeof mentions.$inferInsert;
