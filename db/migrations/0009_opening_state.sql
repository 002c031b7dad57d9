ALTER TABLE "openings" ADD COLUMN "closed_reason" text;--> statement-breakpoint
ALTER TABLE "openings" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;