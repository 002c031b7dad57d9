-- Indexes that cost every write and served no query (pg_stat_user_indexes after a full benchmark
-- at 200 000 participants; scripts/bench/JOURNAL.md, 2026-12-07, afternoon).
--
-- A person's activities: two indexes began with the participant, (participant_id, start_date) and
-- the unique (participant_id, import_key). About ten activities a person are read whole and
-- filtered either way, so the first goes and the second, renamed for what it serves, finds them:
-- one index entry less for every inserted activity (a first import of 900 000: 2–4 s of ~25 s).
DROP INDEX IF EXISTS "activities_participant_idx";--> statement-breakpoint
ALTER INDEX "activities_import_key_uq" RENAME TO "activities_participant_import_key_uq";--> statement-breakpoint
-- A participant's reception date is only ever compared as "on or before today", which almost
-- everyone is: no query read the index on (municipality_id, reception_date).
DROP INDEX IF EXISTS "participants_reception_idx";--> statement-breakpoint
-- Sfi attendance: one row per group, student and lesson day, and that is how every query finds it.
-- The random uuid beside it was never read, and its index (272 MB at 5.5 million rows) took every
-- saved register's rows at random places. The natural key becomes the primary key, on the index
-- that already holds it (no rebuild; the index takes the constraint's name).
ALTER TABLE "sfi_attendance" DROP CONSTRAINT "sfi_attendance_pkey";--> statement-breakpoint
ALTER TABLE "sfi_attendance" DROP COLUMN "id";--> statement-breakpoint
ALTER TABLE "sfi_attendance" ADD CONSTRAINT "sfi_attendance_pkey" PRIMARY KEY USING INDEX "sfi_attendance_uq";
