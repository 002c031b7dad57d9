CREATE TABLE "metric_facts" (
	"snapshot_id" bigint NOT NULL,
	"participant_id" uuid NOT NULL,
	"unit_id" uuid,
	"coordinator_id" uuid,
	"gender" text NOT NULL,
	"education_level" text,
	"settlement" text,
	"track" text,
	"reception_date" date,
	"programme_end" date,
	"exit_reason_missing" boolean NOT NULL,
	"outcome90" text,
	"first_workplace" date,
	"idle" boolean NOT NULL,
	"in_workplace" boolean NOT NULL,
	"sfi_now" boolean NOT NULL,
	"first_sfi" date,
	"sfi_passed" boolean NOT NULL,
	"sfi_interrupted" boolean NOT NULL,
	"sfi_break_reason" text,
	"health_offered" boolean NOT NULL,
	"health_completed" boolean NOT NULL,
	"gaps" integer[]
);
--> statement-breakpoint
CREATE TABLE "metric_snapshots" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "metric_snapshots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"municipality_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"data_version" bigint NOT NULL,
	"trusted" boolean NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"signal_groups" text
);
--> statement-breakpoint
ALTER TABLE "metric_facts" ADD CONSTRAINT "metric_facts_snapshot_id_metric_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."metric_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metric_facts_unit_idx" ON "metric_facts" USING btree ("snapshot_id","unit_id","coordinator_id");--> statement-breakpoint
CREATE INDEX "metric_facts_coordinator_idx" ON "metric_facts" USING btree ("snapshot_id","coordinator_id");--> statement-breakpoint
CREATE INDEX "metric_snapshots_lookup_idx" ON "metric_snapshots" USING btree ("municipality_id","as_of","id");--> statement-breakpoint
-- Regenerable from the data (lib/metrics/facts.ts): not written to the WAL; both emptied together after a crash.
ALTER TABLE "metric_facts" SET UNLOGGED;--> statement-breakpoint
ALTER TABLE "metric_snapshots" SET UNLOGGED;
