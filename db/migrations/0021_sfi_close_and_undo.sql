-- Sfi "Ångra": a place keeps how it was ended (ending) and a version, so a course completion or avbrott can be undone safely.
ALTER TABLE "sfi_enrolments" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "sfi_enrolments" ADD COLUMN "ending" jsonb;