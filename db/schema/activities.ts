// Activities (insatser) and the individual plan that links them.
import { sql } from "drizzle-orm";
import { bigint, date, foreignKey, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { activityStatusEnum, activityTypeEnum, planRevisionKindEnum } from "./enums";
import { employers } from "./employers";
import { participants } from "./participants";
import { users } from "./tenancy";

export const activities = pgTable(
  "activities",
  {
    /**
     * Time-ordered (uuid_v7(), migration 0013): new activities go to the end of the primary key's
     * index instead of to random places in it that do not stay in memory (a first import of 908 490
     * activities into 1.8 million: ~4 s less of its insert; scripts/bench/JOURNAL.md).
     */
    id: uuid("id").primaryKey().default(sql`uuid_v7()`),
    /**
     * Denormalised from the participant so municipality-wide figures need no join to filter; the
     * foreign key below keeps it equal to the participant's (and so the municipality exists).
     */
    municipalityId: uuid("municipality_id").notNull(),
    participantId: uuid("participant_id").notNull(),
    type: activityTypeEnum("type").notNull(),
    status: activityStatusEnum("status").notNull(),
    /** Actual dates once started; the planned dates while status is planerad. */
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    plannedStartDate: date("planned_start_date"),
    plannedEndDate: date("planned_end_date"),
    provider: text("provider"),
    responsibleUserId: uuid("responsible_user_id").references(() => users.id),
    employerId: uuid("employer_id").references(() => employers.id),
    hoursPerWeek: numeric("hours_per_week", { precision: 4, scale: 1 }),
    interruptReason: text("interrupt_reason"),
    resultNote: text("result_note"),
    /** Type-specific fields (sfi course, praktik handledare, validering route, …), zod-validated. */
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    /**
     * Set for activities that came from a bulk import: type|start_date (plus |n for the n-th
     * duplicate of that pair), so that re-importing the same file updates instead of duplicating.
     */
    importKey: text("import_key"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("activities_municipality_type_idx").on(t.municipalityId, t.type, t.startDate),
    // Most activities have no employer: those are left out of the index (an employer's activities
    // are found by employer_id = …, which implies not null).
    index("activities_employer_idx").on(t.employerId).where(sql`${t.employerId} is not null`),
    // A person's activities are found through this one index, which begins with the participant
    // (about ten rows each, filtered by date or type as they are read). A second index on
    // (participant_id, start_date) cost every inserted activity one more index entry (a first
    // import of 900 000 activities: 2–4 s of its ~25 s) and 140 MB at 2.7 million activities for
    // an order that ten rows do not need (migration 0017).
    uniqueIndex("activities_participant_import_key_uq").on(t.participantId, t.importKey),
    // One check per inserted row instead of two (participant, municipality), and a stronger one.
    foreignKey({ name: "activities_participant_fk", columns: [t.participantId, t.municipalityId], foreignColumns: [participants.id, participants.municipalityId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
  ],
);

export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    goalType: text("goal_type"),
    goalOccupation: text("goal_occupation"),
    goalNote: text("goal_note"),
    reviewDate: date("review_date"),
    /** Counts goal revisions; 0 for a plan made by an activity write before any goal was set. */
    version: integer("version").notNull().default(1),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("plans_participant_uq").on(t.participantId)],
);

/**
 * Every revision of a plan: who, when, what changed (a readable summary and the new state). A goal
 * revision carries the plan's version; an activity revision the activity's id and version, so an
 * activity change never makes an open goal form conflict (plans.version counts goal changes only);
 * an import revision sums up what one bulk import wrote for the person. Newest first is
 * changedAt then seq (several revisions can share a transaction's time).
 */
export const planRevisions = pgTable(
  "plan_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id").notNull().references(() => plans.id, { onDelete: "cascade" }),
    kind: planRevisionKindEnum("kind").notNull().default("goal"),
    /** No foreign key: the history outlives the activity, and deleting one needs no scan here. */
    activityId: uuid("activity_id"),
    version: integer("version"),
    seq: bigint("seq", { mode: "number" }).notNull().generatedByDefaultAsIdentity(),
    changedBy: uuid("changed_by").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    summary: text("summary").notNull(),
    snapshot: jsonb("snapshot").notNull(),
  },
  (t) => [index("plan_revisions_plan_idx").on(t.planId, t.changedAt, t.seq)],
);
