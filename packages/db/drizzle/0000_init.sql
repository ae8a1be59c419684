CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"hash" text NOT NULL,
	"scopes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mention_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mention_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"key_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text,
	"from_label" text,
	"to_label" text,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "mentions" (
	"id" bigserial PRIMARY KEY NOT NULL,
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
);
--> statement-breakpoint
CREATE TABLE "tracked_queries" (
	"id" serial PRIMARY KEY NOT NULL,
	"brand" text NOT NULL,
	"source" text NOT NULL,
	"query" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"poll_interval_ms" integer DEFAULT 60000 NOT NULL,
	"lookback_seconds" integer DEFAULT 3600 NOT NULL,
	"daily_budget" integer DEFAULT 2000 NOT NULL,
	"rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"checkpoint" text,
	"status" text DEFAULT 'active' NOT NULL,
	"paused_until" timestamp with time zone,
	"last_polled_at" timestamp with time zone,
	"last_error" text,
	"reads_today" integer DEFAULT 0 NOT NULL,
	"reads_day" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"webhook_id" integer NOT NULL,
	"event_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"dispatches" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"queued_at" timestamp with time zone,
	"attempt_started_at" timestamp with time zone,
	"response_code" integer,
	"latency_ms" integer,
	"last_error" text,
	"digest_id" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"mention_id" bigint,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" serial PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"description" text,
	"events" text[] NOT NULL,
	"format" text DEFAULT 'json' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"secret" text NOT NULL,
	"brand" text,
	"min_confidence" real,
	"min_followers" integer,
	"digest_minutes" integer,
	"hourly_cap" integer,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"disabled_reason" text,
	"disabled_at" timestamp with time zone,
	"last_digest_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mention_events" ADD CONSTRAINT "mention_events_mention_id_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_query_id_tracked_queries_id_fk" FOREIGN KEY ("query_id") REFERENCES "public"."tracked_queries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_id_webhook_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."webhook_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_mention_id_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "mention_events_mention_id_idx" ON "mention_events" USING btree ("mention_id","id");--> statement-breakpoint
CREATE INDEX "mention_events_kind_id_idx" ON "mention_events" USING btree ("kind","id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentions_source_external_id_key" ON "mentions" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "mentions_posted_at_id_idx" ON "mentions" USING btree ("posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_label_posted_at_id_idx" ON "mentions" USING btree ("label","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_effective_label_posted_at_id_idx" ON "mentions" USING btree (coalesce(label_override, label),"posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_brand_posted_at_id_idx" ON "mentions" USING btree ("brand","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_query_id_posted_at_id_idx" ON "mentions" USING btree ("query_id","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_status_posted_at_id_idx" ON "mentions" USING btree ("status","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_reach_id_idx" ON "mentions" USING btree (coalesce(author_followers, 0) DESC,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_confidence_id_idx" ON "mentions" USING btree ("confidence" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_staff_idx" ON "mentions" USING gin ("staff" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "mentions_text_search_idx" ON "mentions" USING gin (to_tsvector('simple', text));--> statement-breakpoint
CREATE INDEX "mentions_feed_rank_idx" ON "mentions" USING btree ((ln(greatest(confidence, 0.01)::float8) + ln(1 + log(1 + greatest(coalesce(author_followers, 0), 0)::float8)) + extract(epoch from (posted_at - '2020-01-01 00:00:00+00'::timestamptz))::float8 / 249297.703) DESC,"id" DESC NULLS LAST) WHERE status = 'new' AND coalesce(label_override, label) = 'praise';--> statement-breakpoint
CREATE UNIQUE INDEX "tracked_queries_source_query_key" ON "tracked_queries" USING btree ("source","query");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_webhook_event_key" ON "webhook_deliveries" USING btree ("webhook_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook_id_id_idx" ON "webhook_deliveries" USING btree ("webhook_id","id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook_id_created_at_idx" ON "webhook_deliveries" USING btree ("webhook_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_sending_idx" ON "webhook_deliveries" USING btree ("attempt_started_at") WHERE status = 'sending';--> statement-breakpoint
CREATE INDEX "webhook_deliveries_batched_idx" ON "webhook_deliveries" USING btree ("webhook_id") WHERE status = 'batched';--> statement-breakpoint
CREATE INDEX "webhook_events_mention_id_idx" ON "webhook_events" USING btree ("mention_id");