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
  ],
);

export type MentionRow = typeof mentions.$inferSelect;
export type NewMentionRow = typeof mentions.$inferInsert;
