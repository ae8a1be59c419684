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
CREATE TABLE "webhook_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"mention_id" bigint NOT NULL,
	"url" text NOT NULL,
	"event" text NOT NULL,
	"event_id" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"response_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "mentions" ADD CONSTRAINT "mentions_query_id_tracked_queries_id_fk" FOREIGN KEY ("query_id") REFERENCES "public"."tracked_queries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_mention_id_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "tracked_queries_source_query_key" ON "tracked_queries" USING btree ("source","query");--> statement-breakpoint
CREATE UNIQUE INDEX "mentions_source_external_id_key" ON "mentions" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "mentions_posted_at_id_idx" ON "mentions" USING btree ("posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_label_posted_at_id_idx" ON "mentions" USING btree ("label","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_mention_url_key" ON "webhook_deliveries" USING btree ("mention_id","url");