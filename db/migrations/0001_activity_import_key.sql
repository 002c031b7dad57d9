ALTER TABLE "activities" ADD COLUMN "import_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "activities_import_key_uq" ON "activities" USING btree ("participant_id","import_key");