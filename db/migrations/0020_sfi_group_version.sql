-- Sfi groups can be edited ("Ändra gruppen": name, school, schedule, hours, teachers): each edit
-- raises the version, so an edit saved over a newer one is shown as a conflict, not lost. Existing
-- groups start at version 1.
ALTER TABLE "sfi_groups" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;