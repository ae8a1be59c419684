-- Partition `mentions` by month of posted_at, keeping every row and id (issue 14).
-- Postgres enforces a unique key on a partitioned table only when it contains the
-- partition column, so (source, external_id) moves to `mention_keys`, one row per mention
-- holding its id; the insert claims the key and writes the row in one statement, and the
-- foreign keys that pointed at mentions(id) point at mention_keys(id) instead.
ALTER TABLE "mention_events" DROP CONSTRAINT "mention_events_mention_id_mentions_id_fk";--> statement-breakpoint
ALTER TABLE "webhook_events" DROP CONSTRAINT "webhook_events_mention_id_mentions_id_fk";--> statement-breakpoint
DROP INDEX "mentions_source_external_id_key";--> statement-breakpoint
DROP INDEX "mentions_posted_at_id_idx";--> statement-breakpoint
DROP INDEX "mentions_label_posted_at_id_idx";--> statement-breakpoint
DROP INDEX "mentions_effective_label_posted_at_id_idx";--> statement-breakpoint
DROP INDEX "mentions_brand_posted_at_id_idx";--> statement-breakpoint
DROP INDEX "mentions_query_id_posted_at_id_idx";--> statement-breakpoint
DROP INDEX "mentions_status_posted_at_id_idx";--> statement-breakpoint
DROP INDEX "mentions_reach_id_idx";--> statement-breakpoint
DROP INDEX "mentions_confidence_id_idx";--> statement-breakpoint
DROP INDEX "mentions_staff_idx";--> statement-breakpoint
DROP INDEX "mentions_text_search_idx";--> statement-breakpoint
DROP INDEX "mentions_unalerted_idx";--> statement-breakpoint
DROP INDEX "mentions_feed_rank_idx";--> statement-breakpoint
ALTER TABLE "mentions" RENAME TO "mentions_unpartitioned";--> statement-breakpoint
ALTER TABLE "mentions_unpartitioned" RENAME CONSTRAINT "mentions_pkey" TO "mentions_unpartitioned_pkey";--> statement-breakpoint
-- The old id sequence carries on as the keys' sequence: new ids continue after the last.
ALTER SEQUENCE "mentions_id_seq" RENAME TO "mention_keys_id_seq";--> statement-breakpoint
CREATE TABLE "mention_keys" (
	"id" bigint PRIMARY KEY DEFAULT nextval('mention_keys_id_seq') NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL
);--> statement-breakpoint
ALTER SEQUENCE "mention_keys_id_seq" OWNED BY "mention_keys"."id";--> statement-breakpoint
INSERT INTO "mention_keys" ("id", "source", "external_id")
  SELECT "id", "source", "external_id" FROM "mentions_unpartitioned";--> statement-breakpoint
CREATE UNIQUE INDEX "mention_keys_source_external_id_key" ON "mention_keys" USING btree ("source","external_id");--> statement-breakpoint
CREATE TABLE "mentions" (
	"id" bigint NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"query_id" integer,
	"brand" text,
	"author_id" text,
	"author_handle" text NOT NULL,
	"author_name" text,
	"author_followers" integer,
	"author_verified" boolean,
	"text" text NOT NULL,
	"lang" text,
	"url" text,
	"posted_at" timestamp with time zone NOT NULL,
	"ingested_at" timestamp with time zone NOT NULL,
	"scored_at" timestamp with time zone DEFAULT now() NOT NULL,
	"label" text NOT NULL,
	"score" real NOT NULL,
	"confidence" real NOT NULL,
	"reasons" jsonb NOT NULL,
	"staff" jsonb NOT NULL,
	"classifier_version" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"status_note" text,
	"status_by" text,
	"status_at" timestamp with time zone,
	"label_override" text,
	"override_reason" text,
	"alerted_at" timestamp with time zone
) PARTITION BY RANGE ("posted_at");--> statement-breakpoint
-- Catches a post whose month has no partition yet (a backfill of old posts, a clock far
-- ahead): nothing is ever refused for want of a partition. Creating that month later
-- moves its rows out (below).
CREATE TABLE "mentions_default" PARTITION OF "mentions" DEFAULT;--> statement-breakpoint
-- Creates the monthly partitions (UTC months) from first_at's month to last_at's month
-- that do not exist yet, moving any rows the default partition holds for them; returns
-- how many it created. Called here, at every migration run and periodically by the
-- scorer (partitions.ts), so months exist before their posts arrive. Plain SQL: no
-- extension needed.
CREATE OR REPLACE FUNCTION ensure_mention_partitions(first_at timestamptz, last_at timestamptz)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  month_start timestamptz := date_trunc('month', first_at, 'UTC');
  month_end timestamptz;
  part text;
  created integer := 0;
BEGIN
  -- Two processes starting together must not both create the same month.
  PERFORM pg_advisory_xact_lock(7152025);
  WHILE month_start <= last_at LOOP
    month_end := (month_start AT TIME ZONE 'UTC' + interval '1 month') AT TIME ZONE 'UTC';
    part := 'mentions_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYY_MM');
    IF to_regclass(quote_ident(part)) IS NULL THEN
      -- Taken first, not upgraded to later: the attach below needs it to check the default
      -- partition holds nothing of this month any more.
      LOCK TABLE mentions_default IN ACCESS EXCLUSIVE MODE;
      EXECUTE format('CREATE TABLE %I (LIKE mentions INCLUDING DEFAULTS)', part);
      EXECUTE format(
        'WITH moved AS (DELETE FROM mentions_default WHERE posted_at >= %L AND posted_at < %L RETURNING *) '
        'INSERT INTO %I SELECT * FROM moved', month_start, month_end, part);
      -- Attaching builds the partition's copy of every index and constraint of the parent.
      EXECUTE format('ALTER TABLE mentions ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)',
        part, month_start, month_end);
      created := created + 1;
    END IF;
    month_start := month_end;
  END LOOP;
  RETURN created;
END $$;--> statement-breakpoint
-- A partition for every month that holds rows, and for the months around now.
SELECT ensure_mention_partitions(m, m)
  FROM (SELECT DISTINCT date_trunc('month', "posted_at", 'UTC') AS m FROM "mentions_unpartitioned") AS months;--> statement-breakpoint
SELECT ensure_mention_partitions(now() - interval '1 month', now() + interval '3 months');--> statement-breakpoint
INSERT INTO "mentions" ("id", "source", "external_id", "query_id", "brand", "author_id", "author_handle",
    "author_name", "author_followers", "author_verified", "text", "lang", "url", "posted_at", "ingested_at",
    "scored_at", "label", "score", "confidence", "reasons", "staff", "classifier_version", "status",
    "status_note", "status_by", "status_at", "label_override", "override_reason", "alerted_at")
  SELECT "id", "source", "external_id", "query_id", "brand", "author_id", "author_handle",
    "author_name", "author_followers", "author_verified", "text", "lang", "url", "posted_at", "ingested_at",
    "scored_at", "label", "score", "confidence", "reasons", "staff", "classifier_version", "status",
    "status_note", "status_by", "status_at", "label_override", "override_reason", "alerted_at"
  FROM "mentions_unpartitioned";--> statement-breakpoint
DROP TABLE "mentions_unpartitioned";--> statement-breakpoint
-- Constraints and indexes after the copy: one sorted build per partition beats a million
-- incremental inserts. On the parent they apply to every partition, present and future.
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_pkey" PRIMARY KEY("id","posted_at");--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_id_mention_keys_id_fk" FOREIGN KEY ("id") REFERENCES "public"."mention_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_query_id_tracked_queries_id_fk" FOREIGN KEY ("query_id") REFERENCES "public"."tracked_queries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mention_events" ADD CONSTRAINT "mention_events_mention_id_mention_keys_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mention_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_mention_id_mention_keys_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mention_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mentions_source_external_id_idx" ON "mentions" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "mentions_posted_at_id_idx" ON "mentions" USING btree ("posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_label_posted_at_id_idx" ON "mentions" USING btree ("label","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_effective_label_posted_at_id_idx" ON "mentions" USING btree (coalesce(label_override, label),"posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_brand_posted_at_id_idx" ON "mentions" USING btree ("brand","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_query_id_posted_at_id_idx" ON "mentions" USING btree ("query_id","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_status_posted_at_id_idx" ON "mentions" USING btree ("status","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_reach_id_idx" ON "mentions" USING btree (coalesce(author_followers, 0) DESC,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_confidence_id_idx" ON "mentions" USING btree ((CASE WHEN label_override IS NULL THEN confidence ELSE 1::real END) DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_staff_idx" ON "mentions" USING gin ("staff" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "mentions_text_search_idx" ON "mentions" USING gin (to_tsvector('simple', text));--> statement-breakpoint
-- Kudos: praise that names someone, by time; a small slice of all mentions.
CREATE INDEX "mentions_kudos_idx" ON "mentions" USING btree ("posted_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE coalesce(label_override, label) = 'praise' AND staff <> '[]'::jsonb;--> statement-breakpoint
CREATE INDEX "mentions_unalerted_idx" ON "mentions" USING btree ("id") WHERE alerted_at IS NULL AND label IN ('praise', 'complaint');--> statement-breakpoint
CREATE INDEX "mentions_feed_rank_idx" ON "mentions" USING btree ((ln(greatest((CASE WHEN label_override IS NULL THEN confidence ELSE 1::real END), 0.01)::float8) + ln(1 + log(1 + greatest(coalesce(author_followers, 0), 0)::float8)) + extract(epoch from (posted_at - '2020-01-01 00:00:00+00'::timestamptz))::float8 / 249297.703) DESC,"id" DESC NULLS LAST) WHERE status = 'new' AND coalesce(label_override, label) = 'praise';--> statement-breakpoint
ANALYZE "mentions";
