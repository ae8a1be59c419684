CREATE TABLE "rejected_mentions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"stage" text NOT NULL,
	"source" text,
	"external_id" text,
	"query_id" integer,
	"line" integer,
	"reason" text NOT NULL,
	"payload" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rejected_mentions_created_at_idx" ON "rejected_mentions" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_unalerted_idx" ON "mentions" USING btree ("id") WHERE alerted_at IS NULL AND label IN ('praise', 'complaint');
