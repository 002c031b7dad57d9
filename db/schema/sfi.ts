// Sfi: groups, enrolments, attendance, results and interruptions, logged by sfi teachers.
import { date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid, varchar } from "drizzle-orm/pg-core";
import { activities } from "./activities";
import { participants } from "./participants";
import { municipalities, users } from "./tenancy";

export const sfiGroups = pgTable(
  "sfi_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    municipalityId: uuid("municipality_id").notNull().references(() => municipalities.id),
    name: text("name").notNull(),
    school: text("school").notNull(),
    studyPath: integer("study_path").notNull(),
    course: varchar("course", { length: 1 }).notNull(),
    /** Weekdays (1 = Monday) and times, e.g. {"days":[1,2,3,4],"start":"08:30","end":"12:00","hours":3.5}. */
    schedule: jsonb("schedule").$type<{ days: number[]; start: string; end: string; hours: number }>().notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Raised by every edit ("Ändra gruppen"); saving over a newer version is a conflict. */
    version: integer("version").notNull().default(1),
  },
  (t) => [index("sfi_groups_municipality_idx").on(t.municipalityId)],
);

export const sfiGroupTeachers = pgTable(
  "sfi_group_teachers",
  {
    groupId: uuid("group_id").notNull().references(() => sfiGroups.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("sfi_group_teachers_user_idx").on(t.userId)],
);

/**
 * How a place in a group was ended in the app, and what that changed, so that "Ångra" (undo) can
 * put back exactly what was there: the place's last day, the sfi activity's changed fields (and
 * its version right after, so a later change of the plan is not overwritten), the avbrott's row
 * and the next course's place that a completion made. `prior` is the ending this one replaced (a
 * back-dated avbrott of a completed course), put back in its turn.
 */
export interface SfiEnrolmentEnding {
  kind: "klar" | "avbrott";
  /** When it was recorded (ISO time) and by whom. */
  recordedAt: string;
  recordedBy: string;
  /** The place's last day before it (null: open). */
  endDateBefore: string | null;
  activity: { id: string; version: number; before: Record<string, unknown> } | null;
  breakId: string | null;
  nextEnrolmentId: string | null;
  prior: SfiEnrolmentEnding | null;
}

export const sfiEnrolments = pgTable(
  "sfi_enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id").notNull().references(() => sfiGroups.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    /** The sfi activity on the participant's plan that this enrolment created or linked. */
    activityId: uuid("activity_id").references(() => activities.id, { onDelete: "set null" }),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Raised by every change of the place (course completed, avbrott, "Ångra"): an undo opened on an older state is refused. */
    version: integer("version").notNull().default(1),
    /** The course completion or avbrott that ended the place in the app (null while open, or ended by an import or the demo). */
    ending: jsonb("ending").$type<SfiEnrolmentEnding>(),
  },
  (t) => [
    index("sfi_enrolments_group_idx").on(t.groupId),
    index("sfi_enrolments_participant_idx").on(t.participantId),
  ],
);

export const sfiAttendance = pgTable(
  "sfi_attendance",
  {
    groupId: uuid("group_id").notNull().references(() => sfiGroups.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    lessonDate: date("lesson_date").notNull(),
    scheduledHours: numeric("scheduled_hours", { precision: 4, scale: 2 }).notNull(),
    attendedHours: numeric("attended_hours", { precision: 4, scale: 2 }).notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A lesson's attendance is one row per student: its key is the group, the student and the day
    // (migration 0017). It had a random uuid as well, whose index (272 MB at 5.5 million rows) no
    // query used and every saved register wrote to at a random place.
    primaryKey({ name: "sfi_attendance_pkey", columns: [t.groupId, t.participantId, t.lessonDate] }),
    index("sfi_attendance_participant_idx").on(t.participantId, t.lessonDate),
  ],
);

export const sfiResults = pgTable(
  "sfi_results",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => sfiGroups.id, { onDelete: "set null" }),
    /** kursbetyg or nationellt_prov. */
    kind: text("kind").notNull(),
    studyPath: integer("study_path").notNull(),
    course: varchar("course", { length: 1 }).notNull(),
    grade: varchar("grade", { length: 1 }).notNull(),
    resultDate: date("result_date").notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sfi_results_participant_idx").on(t.participantId, t.resultDate)],
);

/** Avbrott (interruption, toDate empty) and uppehåll (pause, from–to). */
export const sfiBreaks = pgTable(
  "sfi_breaks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    participantId: uuid("participant_id").notNull().references(() => participants.id, { onDelete: "cascade" }),
    groupId: uuid("group_id").references(() => sfiGroups.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    reason: text("reason"),
    fromDate: date("from_date").notNull(),
    toDate: date("to_date"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sfi_breaks_participant_idx").on(t.participantId, t.fromDate)],
);
