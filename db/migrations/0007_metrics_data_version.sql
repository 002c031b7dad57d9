-- The figures of the results dashboard are computed over a whole municipality, which is costly at
-- regional scale, and they change only when the data does. Every statement that writes a table the
-- figures (or the signals) could depend on takes a number from this sequence; lib/metrics/cache.ts
-- keeps computed figures only as long as the number stays the same. A sequence takes no lock, so
-- concurrent writers never wait on each other for it. Tables written by reads and sign-ins
-- (audit_log, login_attempts, calendar_feeds) are left out on purpose; every other table is in
-- (lib/metrics/cache.test.ts checks that a new table is not forgotten).
CREATE SEQUENCE IF NOT EXISTS metrics_data_version;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION metrics_data_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('metrics_data_version');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER municipalities_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER units_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER users_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER participants_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON participants
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER skill_mappings_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON skill_mappings
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER plans_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plans
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER plan_revisions_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER activities_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activities
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER followups_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON followups
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER outcomes_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outcomes
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER outcome_history_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON outcome_history
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER sfi_groups_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sfi_groups
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER sfi_group_teachers_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sfi_group_teachers
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER sfi_enrolments_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sfi_enrolments
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER sfi_attendance_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sfi_attendance
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER sfi_results_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sfi_results
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER sfi_breaks_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sfi_breaks
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER signal_snoozes_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON signal_snoozes
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER employers_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON employers
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER openings_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON openings
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER consents_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consents
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
--> statement-breakpoint
CREATE TRIGGER reference_values_metrics_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reference_values
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_data_changed();
