// Follow-up meetings, programme outcomes and snoozed signals: the "systematisk uppföljning".
import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { followupStatusEnum, followupTypeEnum, outcomeKindEnum, outcomeSourceEnum, outcomeStatusEnum } from "./enums";
import { activities } from "./activities";
import { participants } from "./participants";
import { municipalities, users } from "./tenancy";

export const followups = pgTable(
  "followups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "set null" }),
    type: followupTypeEnum("type").notNull(),
    status: followupStatusEnum("status").notNull().default("planerad"),
    dueDate: date("due_date").notNull(),
    heldDate: date("held_date"),
    attendees: text("attendees"),
    notes: text("notes"),
    nextSteps: text("next_steps"),
    responsibleUserId: uuid("responsible_user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("followups_participant_idx").on(t.participantId, t.dueDate),
    index("followups_responsible_idx").on(t.responsibleUserId, t.status, t.dueDate),
  ],
);

/** The current outcome per participant and kind (90 days, 12 months). */
export const outcomes = pgTable(
  "outcomes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    kind: outcomeKindEnum("kind").notNull().default("dag90"),
    status: outcomeStatusEnum("status").notNull(),
    /** For status arbete: subventionerad (true) or osubventionerad (false). */
    subsidized: boolean("subsidized"),
    recordedDate: date("recorded_date").notNull(),
    source: outcomeSourceEnum("source"),
    createdBy: uuid("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("outcomes_participant_kind_uq").on(t.participantId, t.kind),
    index("outcomes_municipality_idx").on(t.municipalityId, t.kind),
  ],
);

/** Earlier values of an outcome, kept when it is corrected. */
export const outcomeHistory = pgTable(
  "outcome_history",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    outcomeId: uuid("outcome_id").notNull().references(() => outcomes.id, { onDelete: "cascade" }),
    status: outcomeStatusEnum("status").notNull(),
    subsidized: boolean("subsidized"),
    recordedDate: date("recorded_date").notNull(),
    source: outcomeSourceEnum("source"),
    changedBy: uuid("changed_by").references(() => users.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outcome_history_outcome_idx").on(t.outcomeId)],
);

export const signalSnoozes = pgTable(
  "signal_snoozes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    /** The signal rule's key plus, where relevant, the record it is about. */
    signalKey: text("signal_key").notNull(),
    until: date("until").notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("signal_snoozes_uq").on(t.participantId, t.signalKey)],
);
