-- A version 7 UUID (RFC 9562): 48 bits of Unix time in milliseconds, then random bits. Rows keyed
-- by it are inserted at the end of the primary key's index, in the order they are made, instead
-- of at random places in it. (PostgreSQL 18 has uuidv7(); this runs on 15 and later.)
CREATE OR REPLACE FUNCTION uuid_v7() RETURNS uuid
LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
              placing substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
              FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;
--> statement-breakpoint
ALTER TABLE "activities" ALTER COLUMN "id" SET DEFAULT uuid_v7();--> statement-breakpoint
CREATE UNIQUE INDEX "participants_id_municipality_uq" ON "participants" USING btree ("id","municipality_id");--> statement-breakpoint
ALTER TABLE "activities" DROP CONSTRAINT "activities_municipality_id_municipalities_id_fk";
--> statement-breakpoint
ALTER TABLE "activities" DROP CONSTRAINT "activities_participant_id_participants_id_fk";
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_participant_fk" FOREIGN KEY ("participant_id","municipality_id") REFERENCES "public"."participants"("id","municipality_id") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
DROP INDEX "activities_employer_idx";--> statement-breakpoint
CREATE INDEX "activities_employer_idx" ON "activities" USING btree ("employer_id") WHERE "activities"."employer_id" is not null;
