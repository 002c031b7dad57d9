-- The 90-day outcome by the activities people had in the programme ("what worked", lib/metrics/
-- INDICATORS.md): each leaver's activity types in the facts. Snapshots computed before have no such
-- types, so they and the figures kept from them go; the next view computes them again (they are
-- regenerable, never a source of truth).
ALTER TABLE "metric_facts" ADD COLUMN "programme_types" text[];--> statement-breakpoint
TRUNCATE "metric_facts", "metric_snapshots", "metric_cache";
