CREATE TYPE "public"."activity_status" AS ENUM('planerad', 'pagaende', 'avslutad', 'avbruten');--> statement-breakpoint
CREATE TYPE "public"."activity_type" AS ENUM('sfi', 'yrkes_sfi', 'samhallsorientering', 'validering', 'praktik', 'extratjanst', 'introduktionsjobb', 'anstallning', 'rekryteringsutbildning', 'arbetsmarknadsutbildning', 'vuxenutbildning', 'halsoundersokning', 'annan');--> statement-breakpoint
CREATE TYPE "public"."education_level" AS ENUM('forgymnasial_kort', 'forgymnasial', 'gymnasial', 'eftergymnasial');--> statement-breakpoint
CREATE TYPE "public"."exit_reason" AS ENUM('arbete', 'studier', 'annan_insats', 'flyttat', 'foraldraledig', 'sjukskriven', 'annat');--> statement-breakpoint
CREATE TYPE "public"."followup_status" AS ENUM('planerad', 'genomford', 'installd');--> statement-breakpoint
CREATE TYPE "public"."followup_type" AS ENUM('uppfoljning', 'trepartssamtal', 'af_avstamning', 'sfi_avstamning', 'annat');--> statement-breakpoint
CREATE TYPE "public"."gender" AS ENUM('K', 'M', 'X');--> statement-breakpoint
CREATE TYPE "public"."opening_type" AS ENUM('praktik', 'extratjanst', 'jobb', 'rekryteringsutbildning');--> statement-breakpoint
CREATE TYPE "public"."outcome_kind" AS ENUM('dag90', 'manad12');--> statement-breakpoint
CREATE TYPE "public"."outcome_source" AS ENUM('samtal', 'arbetsformedlingen', 'annan');--> statement-breakpoint
CREATE TYPE "public"."outcome_status" AS ENUM('arbete', 'studier', 'arbete_och_studier', 'arbetssokande', 'ovrigt');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('coordinator', 'sfi_teacher', 'manager', 'admin');--> statement-breakpoint
CREATE TYPE "public"."settlement" AS ENUM('anvisad', 'sjalvbosatt');--> statement-breakpoint
CREATE TYPE "public"."track" AS ENUM('arbetsmarknad', 'annat_stod');--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"success" boolean NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(4) NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"followup_cadence_days" integer DEFAULT 28 NOT NULL,
	"no_workplace_signal_days" integer DEFAULT 90 NOT NULL,
	"sfi_attendance_threshold" integer DEFAULT 75 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"unit_id" uuid,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text,
	"oidc_subject" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"unit_id" uuid,
	"external_id" text,
	"personnummer" text,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"search_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"gender" "gender" NOT NULL,
	"education_level" "education_level",
	"reception_date" date NOT NULL,
	"settlement" "settlement",
	"programme_start" date,
	"programme_end" date,
	"exit_reason" "exit_reason",
	"migrationsverket_end" date,
	"first_payment_date" date,
	"coordinator_id" uuid,
	"track" "track" DEFAULT 'arbetsmarknad' NOT NULL,
	"track_reason" text,
	"track_review_date" date,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"interpreter_language" text,
	"phone" text,
	"email" text,
	"address" text,
	"children_count" integer,
	"childcare_need" boolean,
	"closed_at" date,
	"deleted_at" timestamp with time zone,
	"erased_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "skill_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"data" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"org_nr" text NOT NULL,
	"name" text NOT NULL,
	"industry" text,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"address" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "openings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"type" "opening_type" NOT NULL,
	"occupation" text NOT NULL,
	"places" integer DEFAULT 1 NOT NULL,
	"start_date" date,
	"end_date" date,
	"language_requirement" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"type" "activity_type" NOT NULL,
	"status" "activity_status" NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"planned_start_date" date,
	"planned_end_date" date,
	"provider" text,
	"responsible_user_id" uuid,
	"employer_id" uuid,
	"hours_per_week" numeric(4, 1),
	"interrupt_reason" text,
	"result_note" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"summary" text NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"goal_type" text,
	"goal_occupation" text,
	"goal_note" text,
	"review_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"activity_id" uuid,
	"type" "followup_type" NOT NULL,
	"status" "followup_status" DEFAULT 'planerad' NOT NULL,
	"due_date" date NOT NULL,
	"held_date" date,
	"attendees" text,
	"notes" text,
	"next_steps" text,
	"responsible_user_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcome_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outcome_id" uuid NOT NULL,
	"status" "outcome_status" NOT NULL,
	"subsidized" boolean,
	"recorded_date" date NOT NULL,
	"source" "outcome_source",
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" "outcome_kind" DEFAULT 'dag90' NOT NULL,
	"status" "outcome_status" NOT NULL,
	"subsidized" boolean,
	"recorded_date" date NOT NULL,
	"source" "outcome_source",
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signal_snoozes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"signal_key" text NOT NULL,
	"until" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sfi_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"lesson_date" date NOT NULL,
	"scheduled_hours" numeric(4, 2) NOT NULL,
	"attended_hours" numeric(4, 2) NOT NULL,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sfi_breaks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"group_id" uuid,
	"kind" text NOT NULL,
	"reason" text,
	"from_date" date NOT NULL,
	"to_date" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sfi_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"activity_id" uuid,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sfi_group_teachers" (
	"group_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "sfi_group_teachers_group_id_user_id_pk" PRIMARY KEY("group_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sfi_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"school" text NOT NULL,
	"study_path" integer NOT NULL,
	"course" varchar(1) NOT NULL,
	"schedule" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sfi_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"participant_id" uuid NOT NULL,
	"group_id" uuid,
	"kind" text NOT NULL,
	"study_path" integer NOT NULL,
	"course" varchar(1) NOT NULL,
	"grade" varchar(1) NOT NULL,
	"result_date" date NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"municipality_id" uuid,
	"user_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"participant_id" uuid,
	"details" jsonb,
	"prev_hash" text,
	"hash" text
);
--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_coordinator_id_users_id_fk" FOREIGN KEY ("coordinator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_mappings" ADD CONSTRAINT "skill_mappings_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "skill_mappings" ADD CONSTRAINT "skill_mappings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employers" ADD CONSTRAINT "employers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "openings" ADD CONSTRAINT "openings_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_revisions" ADD CONSTRAINT "plan_revisions_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followups" ADD CONSTRAINT "followups_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_history" ADD CONSTRAINT "outcome_history_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_history" ADD CONSTRAINT "outcome_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_snoozes" ADD CONSTRAINT "signal_snoozes_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_snoozes" ADD CONSTRAINT "signal_snoozes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_attendance" ADD CONSTRAINT "sfi_attendance_group_id_sfi_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."sfi_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_attendance" ADD CONSTRAINT "sfi_attendance_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_attendance" ADD CONSTRAINT "sfi_attendance_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_breaks" ADD CONSTRAINT "sfi_breaks_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_breaks" ADD CONSTRAINT "sfi_breaks_group_id_sfi_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."sfi_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_breaks" ADD CONSTRAINT "sfi_breaks_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_enrolments" ADD CONSTRAINT "sfi_enrolments_group_id_sfi_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."sfi_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_enrolments" ADD CONSTRAINT "sfi_enrolments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_enrolments" ADD CONSTRAINT "sfi_enrolments_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_group_teachers" ADD CONSTRAINT "sfi_group_teachers_group_id_sfi_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."sfi_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_group_teachers" ADD CONSTRAINT "sfi_group_teachers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_groups" ADD CONSTRAINT "sfi_groups_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_results" ADD CONSTRAINT "sfi_results_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_results" ADD CONSTRAINT "sfi_results_group_id_sfi_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."sfi_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sfi_results" ADD CONSTRAINT "sfi_results_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_attempts_email_at_idx" ON "login_attempts" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_attempts_ip_at_idx" ON "login_attempts" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "units_municipality_idx" ON "units" USING btree ("municipality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_municipality_role_idx" ON "users" USING btree ("municipality_id","role");--> statement-breakpoint
CREATE INDEX "users_unit_idx" ON "users" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_external_id_uq" ON "participants" USING btree ("municipality_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participants_personnummer_uq" ON "participants" USING btree ("municipality_id","personnummer");--> statement-breakpoint
CREATE INDEX "participants_unit_idx" ON "participants" USING btree ("municipality_id","unit_id","last_name");--> statement-breakpoint
CREATE INDEX "participants_coordinator_idx" ON "participants" USING btree ("coordinator_id");--> statement-breakpoint
CREATE INDEX "participants_programme_end_idx" ON "participants" USING btree ("municipality_id","programme_end");--> statement-breakpoint
CREATE INDEX "participants_reception_idx" ON "participants" USING btree ("municipality_id","reception_date");--> statement-breakpoint
CREATE INDEX "participants_search_name_idx" ON "participants" USING btree ("municipality_id","search_name");--> statement-breakpoint
CREATE UNIQUE INDEX "skill_mappings_participant_version_uq" ON "skill_mappings" USING btree ("participant_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "employers_org_nr_uq" ON "employers" USING btree ("municipality_id","org_nr");--> statement-breakpoint
CREATE INDEX "openings_employer_idx" ON "openings" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "openings_municipality_idx" ON "openings" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "activities_participant_idx" ON "activities" USING btree ("participant_id","start_date");--> statement-breakpoint
CREATE INDEX "activities_municipality_type_idx" ON "activities" USING btree ("municipality_id","type","start_date");--> statement-breakpoint
CREATE INDEX "activities_employer_idx" ON "activities" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "plan_revisions_plan_idx" ON "plan_revisions" USING btree ("plan_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_participant_uq" ON "plans" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "followups_participant_idx" ON "followups" USING btree ("participant_id","due_date");--> statement-breakpoint
CREATE INDEX "followups_responsible_idx" ON "followups" USING btree ("responsible_user_id","status","due_date");--> statement-breakpoint
CREATE INDEX "outcome_history_outcome_idx" ON "outcome_history" USING btree ("outcome_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outcomes_participant_kind_uq" ON "outcomes" USING btree ("participant_id","kind");--> statement-breakpoint
CREATE INDEX "outcomes_municipality_idx" ON "outcomes" USING btree ("municipality_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "signal_snoozes_uq" ON "signal_snoozes" USING btree ("participant_id","signal_key");--> statement-breakpoint
CREATE UNIQUE INDEX "sfi_attendance_uq" ON "sfi_attendance" USING btree ("group_id","participant_id","lesson_date");--> statement-breakpoint
CREATE INDEX "sfi_attendance_participant_idx" ON "sfi_attendance" USING btree ("participant_id","lesson_date");--> statement-breakpoint
CREATE INDEX "sfi_breaks_participant_idx" ON "sfi_breaks" USING btree ("participant_id","from_date");--> statement-breakpoint
CREATE INDEX "sfi_enrolments_group_idx" ON "sfi_enrolments" USING btree ("group_id");--> statement-breakpoint
CREATE INDEX "sfi_enrolments_participant_idx" ON "sfi_enrolments" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "sfi_group_teachers_user_idx" ON "sfi_group_teachers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sfi_groups_municipality_idx" ON "sfi_groups" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "sfi_results_participant_idx" ON "sfi_results" USING btree ("participant_id","result_date");--> statement-breakpoint
CREATE INDEX "audit_participant_idx" ON "audit_log" USING btree ("participant_id","at");--> statement-breakpoint
CREATE INDEX "audit_user_idx" ON "audit_log" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "audit_municipality_idx" ON "audit_log" USING btree ("municipality_id","at");