-- The municipality's directory of actors ("vem gör vad"): who provides which activities and whom
-- to contact. The activity form suggests them as providers (lib/actors).
CREATE TABLE "actors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"activity_types" "activity_type"[] DEFAULT '{}'::activity_type[] NOT NULL,
	"offer" text,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"address" text,
	"website" text,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "actors_name_uq" ON "actors" USING btree ("municipality_id",lower("name"));