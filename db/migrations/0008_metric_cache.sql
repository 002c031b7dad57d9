CREATE TABLE "metric_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"data_version" bigint NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "metric_cache_computed_idx" ON "metric_cache" USING btree ("computed_at");