// Computed key figures kept for reuse (lib/metrics/cache.ts): aggregates only, never a person.
// A row is valid while the data version it was computed at is the current one; writes to this
// table do not move that version (it has no trigger of migration 0007).
import { bigint, boolean, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const metricCache = pgTable(
  "metric_cache",
  {
    /** What was computed and for which filter, e.g. `outcome90:{"asOf":…,"municipalityId":…}`. */
    key: text("key").primaryKey(),
    dataVersion: bigint("data_version", { mode: "number" }).notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
    /** JSON text, exactly as computed (jsonb would reorder the keys). */
    value: text("value").notNull(),
  },
  (t) => [index("metric_cache_computed_idx").on(t.computedAt)],
);

/**
 * One computation of every participant's facts for the key figures (lib/metrics/facts.ts), for one
 * municipality and as-of date at one data version. Any dashboard filter is then a sum over these
 * rows, not a new pass over every activity. Regenerable: never a source of truth.
 */
export const metricSnapshots = pgTable(
  "metric_snapshots",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: uuid("municipality_id").notNull(),
    asOf: date("as_of").notNull(),
    dataVersion: bigint("data_version", { mode: "number" }).notNull(),
    /** False when another connection had a write in progress at the start: trusted for seconds only. */
    trusted: boolean("trusted").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    /** Null while the facts are being written. */
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** The open worklist signals in groups of alike participants (JSON, lib/signals/queries.ts). */
    signalGroups: text("signal_groups"),
  },
  (t) => [index("metric_snapshots_lookup_idx").on(t.municipalityId, t.asOf, t.id)],
);

/** A participant's facts as of the snapshot's date (definitions in lib/metrics/INDICATORS.md). */
export const metricFacts = pgTable(
  "metric_facts",
  {
    snapshotId: bigint("snapshot_id", { mode: "number" })
      .notNull()
      .references(() => metricSnapshots.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").notNull(),
    // The dashboard's filters and groupings.
    unitId: uuid("unit_id"),
    coordinatorId: uuid("coordinator_id"),
    gender: text("gender").notNull(),
    educationLevel: text("education_level"),
    settlement: text("settlement"),
    track: text("track"),
    receptionDate: date("reception_date"),
    programmeEnd: date("programme_end"),
    exitReasonMissing: boolean("exit_reason_missing").notNull(),
    /** The 90-day outcome recorded by asOf (null: none). */
    outcome90: text("outcome90"),
    firstWorkplace: date("first_workplace"),
    /** No activity (not planned) in the 30 days up to asOf. */
    idle: boolean("idle").notNull(),
    inWorkplace: boolean("in_workplace").notNull(),
    sfiNow: boolean("sfi_now").notNull(),
    firstSfi: date("first_sfi"),
    sfiPassed: boolean("sfi_passed").notNull(),
    sfiInterrupted: boolean("sfi_interrupted").notNull(),
    sfiBreakReason: text("sfi_break_reason"),
    healthOffered: boolean("health_offered").notNull(),
    healthCompleted: boolean("health_completed").notNull(),
    /** Days between consecutive activities (leadTimes), in start order. */
    gaps: integer("gaps").array(),
    /**
     * For those who have left the programme by asOf: the activity types they had while in it
     * (started, not only planned, by the programme's end), for the 90-day outcome by activity.
     */
    programmeTypes: text("programme_types").array(),
  },
  (t) => [
    index("metric_facts_unit_idx").on(t.snapshotId, t.unitId, t.coordinatorId),
    index("metric_facts_coordinator_idx").on(t.snapshotId, t.coordinatorId),
  ],
);
