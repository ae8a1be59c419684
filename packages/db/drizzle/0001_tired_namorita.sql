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
ALTER TABLE "mention_events" ADD CONSTRAINT "mention_events_mention_id_mentions_id_fk" FOREIGN KEY ("mention_id") REFERENCES "public"."mentions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys" USING btree ("hash");--> statement-breakpoint
CREATE INDEX "mention_events_mention_id_idx" ON "mention_events" USING btree ("mention_id","id");--> statement-breakpoint
CREATE INDEX "mention_events_kind_id_idx" ON "mention_events" USING btree ("kind","id");--> statement-breakpoint
CREATE INDEX "mentions_effective_label_posted_at_id_idx" ON "mentions" USING btree (coalesce(label_override, label),"posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_brand_posted_at_id_idx" ON "mentions" USING btree ("brand","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_query_id_posted_at_id_idx" ON "mentions" USING btree ("query_id","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_status_posted_at_id_idx" ON "mentions" USING btree ("status","posted_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_reach_id_idx" ON "mentions" USING btree (coalesce(author_followers, 0) DESC,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_confidence_id_idx" ON "mentions" USING btree ("confidence" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "mentions_staff_idx" ON "mentions" USING gin ("staff" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "mentions_text_search_idx" ON "mentions" USING gin (to_tsvector('simple', text));--> statement-breakpoint
CREATE INDEX "mentions_feed_rank_idx" ON "mentions" USING btree ((ln(greatest(confidence, 0.01)::float8) + ln(1 + log(1 + greatest(coalesce(author_followers, 0), 0)::float8)) + extract(epoch from (posted_at - '2020-01-01 00:00:00+00'::timestamptz))::float8 / 249297.703) DESC,"id" DESC NULLS LAST) WHERE status = 'new' AND coalesce(label_override, label) = 'praise';