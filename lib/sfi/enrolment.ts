// Writes that move a student through sfi: groups are created (by an admin or a teacher) and
// changed ("Ändra gruppen", by its own teachers or an admin, with a version check), closed when
// the course is over and opened again (the same people, the same check), students enrolled (which
// creates or links the sfi activity on their plan, so the coordinator sees it), interrupted or
// paused, and moved on to the next course of their studieväg when a course is passed; a course
// completion or an avbrott recorded by mistake is undone ("Ångra"). Each runs in one transaction
// with its audit entries (lib/auth/action.ts).
import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db";
import { activities, participants, sfiBreaks, sfiEnrolments, sfiGroups, sfiGroupTeachers, sfiResults, users, type SfiEnrolmentEnding } from "@/db/schema";
import type { AuditEntry } from "@/lib/audit/commands";
import { defineAction, type ActionContext, type ActionDefinition } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { addDays, isoDateOf, todayIso } from "@/lib/dates";
import { sfiMessages } from "@/lib/i18n/areas/sfi";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import { errorText } from "@/lib/i18n/errors";
import { insertActivity } from "@/lib/plans/commands";
import { updateActivityWithHistory } from "@/lib/plans/history";
import { closeBlockedText, groupFormValuesOf, groupResource, groupTeachers, mayEditGroup, remainingStudents, undoBlockedText, undoCheck, type GroupTeacher } from "./queries";
import { breakSchema, completeCourseSchema, enrolSchema, GROUP_EDIT_FIELDS, groupSchema, groupStateSchema, nextCourse, undoEndingSchema, updateGroupSchema } from "./schema";

/** Refusals are worded in Swedish, as every refusal of the server is; the action's answer is in the user's language (lib/i18n/server-errors.ts). */
const text = sfiMessages.sv;

type Group = typeof sfiGroups.$inferSelect;

/**
 * The group, after checking that the user teaches it; archived groups take no new writes. Share-
 * locked, so the group is not closed while the write is under way (closing locks it for update and
 * then counts who is still enrolled).
 */
async function ownGroup(tx: Tx, groupId: string, authorize: (r: Awaited<ReturnType<typeof groupResource>>) => void): Promise<Group> {
  authorize(await groupResource(tx, groupId));
  const [group] = await tx.select().from(sfiGroups).where(eq(sfiGroups.id, groupId)).for("share");
  if (group.archivedAt) throw new FieldError({}, "Gruppen är avslutad och tar inte emot ändringar.");
  return group;
}

/** The student's enrolment in this group that is active on `date` (locked: it is about to change), or NotFound. */
async function activeEnrolment(tx: Tx, groupId: string, participantId: string, date: string) {
  const [e] = await tx
    .select()
    .from(sfiEnrolments)
    .where(
      and(
        eq(sfiEnrolments.groupId, groupId),
        eq(sfiEnrolments.participantId, participantId),
        lte(sfiEnrolments.startDate, date),
        or(isNull(sfiEnrolments.endDate), gte(sfiEnrolments.endDate, date)),
      ),
    )
    .orderBy(desc(sfiEnrolments.startDate))
    .limit(1)
    .for("update");
  if (!e) throw new NotFoundError("student");
  return e;
}

type Enrolment = typeof sfiEnrolments.$inferSelect;
type Activity = typeof activities.$inferSelect;

/** The activity fields a course completion or an avbrott changes, and so "Ångra" puts back. */
const ENDING_FIELDS = ["status", "endDate", "interruptReason", "resultNote", "details"] as const;
type EndingField = (typeof ENDING_FIELDS)[number];
const fieldsOf = (a: Activity, keys: readonly EndingField[]) => Object.fromEntries(keys.map((k) => [k, a[k]]));

/**
 * Ends a place (its last day `endDate`) and keeps how and what that changed, for "Ångra": the
 * place's earlier last day and ending (a back-dated avbrott of a completed course replaces the
 * completion, and undoing it puts the completion back), raising its version.
 */
async function endPlace(tx: Tx, place: Enrolment, endDate: string, ending: Pick<SfiEnrolmentEnding, "kind" | "recordedBy" | "activity" | "breakId" | "nextEnrolmentId">) {
  const kept: SfiEnrolmentEnding = { ...ending, recordedAt: new Date().toISOString(), endDateBefore: place.endDate, prior: place.ending };
  await tx
    .update(sfiEnrolments)
    .set({ endDate, ending: kept, version: sql`${sfiEnrolments.version} + 1` })
    .where(eq(sfiEnrolments.id, place.id));
}

const hoursPerWeek = (g: Group) => String(Math.min(99, Math.round(g.schedule.days.length * g.schedule.hours * 10) / 10));
const sfiDetails = (g: Group) => ({ school: g.school, studyPath: g.studyPath, course: g.course, groupId: g.id });

// ---- Groups --------------------------------------------------------------------------------

/** Teachers must be active sfi teachers of the user's municipality; a teacher always teaches what they create. */
async function checkedTeachers(tx: Tx, user: SessionUser, requested: string[]): Promise<string[]> {
  const ids = [...new Set(user.role === "sfi_teacher" ? [user.id, ...requested] : requested)];
  if (ids.length === 0) throw new FieldError({ teacherIds: ["Välj minst en lärare."] });
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.municipalityId, user.municipalityId), eq(users.role, "sfi_teacher"), eq(users.active, true)));
  if (found.length !== ids.length) throw new FieldError({ teacherIds: ["Välj lärare bland kommunens sfi-lärare."] });
  return ids;
}

export const createGroupDef = {
  schema: groupSchema,
  permission: "sfi:group:manage",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof groupSchema>>) {
    authorize({ municipalityId: user.municipalityId });
    const teacherIds = await checkedTeachers(tx, user, input.teacherIds);
    const [group] = await tx
      .insert(sfiGroups)
      .values({
        municipalityId: user.municipalityId,
        name: input.name,
        school: input.school,
        studyPath: input.studyPath,
        course: input.course,
        schedule: { days: [...new Set(input.days)].sort(), start: input.start, end: input.end, hours: input.hours },
      })
      .returning();
    await tx.insert(sfiGroupTeachers).values(teacherIds.map((userId) => ({ groupId: group.id, userId })));
    return { group, teacherIds };
  },
  audit: (r: { group: Group; teacherIds: string[] }) => ({
    action: "sfi.group.create",
    entityType: "sfi_group",
    entityId: r.group.id,
    details: { name: r.group.name, studyPath: r.group.studyPath, course: r.group.course, teacherIds: r.teacherIds },
  }),
} satisfies ActionDefinition<typeof groupSchema, { group: Group; teacherIds: string[] }>;
export const createGroup = defineAction(createGroupDef);

// ---- Editing a group ("Ändra gruppen") -----------------------------------------------------

/** New teachers must be active sfi teachers of the municipality; kept ones may have left, but one active must remain. */
async function checkedNewTeachers(tx: Tx, user: SessionUser, requested: string[], current: GroupTeacher[]): Promise<string[]> {
  const ids = [...new Set(requested)];
  const added = ids.filter((id) => !current.some((t) => t.id === id));
  if (added.length) {
    const found = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, added), eq(users.municipalityId, user.municipalityId), eq(users.role, "sfi_teacher"), eq(users.active, true)));
    if (found.length !== added.length) throw new FieldError({ teacherIds: ["Välj lärare bland kommunens sfi-lärare."] });
  }
  const keptActive = current.some((t) => t.active && ids.includes(t.id));
  if (!keptActive && added.length === 0) throw new FieldError({ teacherIds: ["Gruppen behöver minst en aktiv lärare."] });
  return ids;
}

export interface GroupUpdated {
  group: Group;
  changed: string[];
  teachersAdded: string[];
  teachersRemoved: string[];
  teachers: GroupTeacher[];
}

export const updateGroupDef = {
  schema: updateGroupSchema,
  permission: "sfi:group:manage",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof updateGroupSchema>>): Promise<GroupUpdated> {
    const resource = await groupResource(tx, input.id);
    authorize(resource);
    if (!resource || !mayEditGroup(user, resource)) throw new NotFoundError("sfi group");
    // Locked, so two savers of the same version cannot both pass the check.
    const [current] = await tx.select().from(sfiGroups).where(eq(sfiGroups.id, input.id)).for("update");
    const before = await groupTeachers(tx, current.id);
    if (current.version !== input.version) throw new ConflictError(groupFormValuesOf(current, before));
    if (current.archivedAt) throw new FieldError({}, "Gruppen är avslutad och tar inte emot ändringar.");
    const teacherIds = await checkedNewTeachers(tx, user, input.teacherIds, before);
    const schedule = { days: [...new Set(input.days)].sort(), start: input.start, end: input.end, hours: input.hours };
    const teachersAdded = teacherIds.filter((id) => !before.some((t) => t.id === id));
    const teachersRemoved = before.filter((t) => !teacherIds.includes(t.id)).map((t) => t.id);
    const changed = GROUP_EDIT_FIELDS.filter((k) => {
      if (k === "name" || k === "school") return input[k] !== current[k];
      if (k === "teacherIds") return teachersAdded.length > 0 || teachersRemoved.length > 0;
      if (k === "days") return schedule.days.join() !== [...current.schedule.days].sort().join();
      return schedule[k] !== current.schedule[k];
    });
    if (changed.length === 0) return { group: current, changed, teachersAdded, teachersRemoved, teachers: before };
    if (teachersRemoved.length) {
      await tx.delete(sfiGroupTeachers).where(and(eq(sfiGroupTeachers.groupId, current.id), inArray(sfiGroupTeachers.userId, teachersRemoved)));
    }
    if (teachersAdded.length) await tx.insert(sfiGroupTeachers).values(teachersAdded.map((userId) => ({ groupId: current.id, userId })));
    const [group] = await tx
      .update(sfiGroups)
      .set({ name: input.name, school: input.school, schedule, version: sql`${sfiGroups.version} + 1` })
      .where(eq(sfiGroups.id, current.id))
      .returning();
    return { group, changed, teachersAdded, teachersRemoved, teachers: await groupTeachers(tx, group.id) };
  },
  audit: (r: GroupUpdated): AuditEntry => ({
    action: "sfi.group.update",
    entityType: "sfi_group",
    entityId: r.group.id,
    details: { changed: r.changed, version: r.group.version, teachersAdded: r.teachersAdded, teachersRemoved: r.teachersRemoved },
  }),
} satisfies ActionDefinition<typeof updateGroupSchema, GroupUpdated>;
export const updateGroup = defineAction(updateGroupDef);

// ---- Closing and reopening a group ("Avsluta gruppen", "Öppna gruppen igen") ----------------

/** A group's state as the page that changes it needs to show it again after a conflict. */
export interface GroupState {
  id: string;
  version: number;
  closedOn: string | null;
}
const stateOf = (g: Group): GroupState => ({ id: g.id, version: g.version, closedOn: g.archivedAt ? isoDateOf(g.archivedAt) : null });

/** The group, locked, for whoever may edit it (mayEditGroup: its own teachers and the municipality's admins), at the version the page showed. */
async function groupToManage(ctx: Pick<ActionContext<unknown>, "tx" | "user" | "authorize">, id: string, version: number): Promise<Group> {
  const resource = await groupResource(ctx.tx, id);
  ctx.authorize(resource);
  if (!resource || !mayEditGroup(ctx.user, resource)) throw new NotFoundError("sfi group");
  const [current] = await ctx.tx.select().from(sfiGroups).where(eq(sfiGroups.id, id)).for("update");
  if (current.version !== version) throw new ConflictError(stateOf(current));
  return current;
}

/**
 * Closes a group when its course is over. Refused while a student's place goes on after today
 * (remainingStudents): the teacher records the course as completed or an avbrott for each first,
 * so every student's sfi on the plan says how it ended, instead of a closed group ending their
 * places with no reason. A closed group is read but takes no writes until it is opened again.
 */
export const closeGroupDef = {
  schema: groupStateSchema,
  permission: "sfi:group:manage",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof groupStateSchema>>): Promise<Group> {
    const current = await groupToManage({ tx, user, authorize }, input.id, input.version);
    if (current.archivedAt) throw new FieldError({}, errorText("groupAlreadyClosed", { date: isoDateOf(current.archivedAt) }));
    const remaining = await remainingStudents(tx, current.id, todayIso());
    if (remaining.active + remaining.upcoming > 0) throw new FieldError({}, closeBlockedText(text, remaining));
    const [group] = await tx
      .update(sfiGroups)
      .set({ archivedAt: sql`now()`, version: sql`${sfiGroups.version} + 1` })
      .where(eq(sfiGroups.id, current.id))
      .returning();
    return group;
  },
  audit: (g: Group): AuditEntry => ({ action: "sfi.group.close", entityType: "sfi_group", entityId: g.id, details: { version: g.version } }),
} satisfies ActionDefinition<typeof groupStateSchema, Group>;
export const closeGroup = defineAction(closeGroupDef);

export const reopenGroupDef = {
  schema: groupStateSchema,
  permission: "sfi:group:manage",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof groupStateSchema>>): Promise<{ group: Group; closedOn: string }> {
    const current = await groupToManage({ tx, user, authorize }, input.id, input.version);
    if (!current.archivedAt) throw new FieldError({}, "Gruppen är inte avslutad.");
    const [group] = await tx
      .update(sfiGroups)
      .set({ archivedAt: null, version: sql`${sfiGroups.version} + 1` })
      .where(eq(sfiGroups.id, current.id))
      .returning();
    return { group, closedOn: isoDateOf(current.archivedAt) };
  },
  audit: (r: { group: Group; closedOn: string }): AuditEntry => ({ action: "sfi.group.reopen", entityType: "sfi_group", entityId: r.group.id, details: { version: r.group.version, closedAt: r.closedOn } }),
} satisfies ActionDefinition<typeof groupStateSchema, { group: Group; closedOn: string }>;
export const reopenGroup = defineAction(reopenGroupDef);

// ---- Enrolment -----------------------------------------------------------------------------

export interface Enrolled {
  enrolmentId: string;
  groupId: string;
  participantId: string;
  activityId: string;
  activityCreated: boolean;
}

/** Links the student's open sfi activity to the group, or creates one: the plan shows sfi either way. */
async function linkSfiActivity(tx: Tx, group: Group, participantId: string, startDate: string, by: string): Promise<{ id: string; created: boolean }> {
  const [open] = await tx
    .select({ id: activities.id })
    .from(activities)
    .where(
      and(
        eq(activities.participantId, participantId),
        eq(activities.type, "sfi"),
        inArray(activities.status, ["planerad", "pagaende"]),
        or(isNull(activities.endDate), gte(activities.endDate, startDate)),
      ),
    )
    .orderBy(desc(activities.startDate))
    .limit(1);
  const started = startDate <= todayIso();
  const note = `inskriven i sfi-gruppen ${group.name}`;
  if (open) {
    await updateActivityWithHistory(
      tx,
      open.id,
      (before) => ({
        details: { ...before.details, ...sfiDetails(group) },
        provider: group.school,
        hoursPerWeek: hoursPerWeek(group),
        ...(before.status === "planerad" ? { startDate, status: started ? ("pagaende" as const) : ("planerad" as const) } : {}),
      }),
      by,
      note,
    );
    return { id: open.id, created: false };
  }
  const created = await insertActivity(
    tx,
    {
      municipalityId: group.municipalityId,
      participantId,
      type: "sfi",
      status: started ? "pagaende" : "planerad",
      startDate,
      endDate: null,
      provider: group.school,
      hoursPerWeek: hoursPerWeek(group),
      details: sfiDetails(group),
    },
    { userId: by, note },
  );
  return { id: created.id, created: true };
}

export const enrolDef = {
  schema: enrolSchema,
  permission: "sfi:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof enrolSchema>>): Promise<Enrolled> {
    const group = await ownGroup(tx, input.groupId, authorize);
    const [person] = await tx
      .select({ id: participants.id })
      .from(participants)
      .where(and(eq(participants.id, input.participantId), eq(participants.municipalityId, user.municipalityId), isNull(participants.deletedAt), isNull(participants.erasedAt)));
    if (!person) throw new NotFoundError("participant");
    const [current] = await tx
      .select({ groupId: sfiEnrolments.groupId, name: sfiGroups.name })
      .from(sfiEnrolments)
      .innerJoin(sfiGroups, eq(sfiGroups.id, sfiEnrolments.groupId))
      .where(and(eq(sfiEnrolments.participantId, person.id), or(isNull(sfiEnrolments.endDate), gte(sfiEnrolments.endDate, input.startDate))))
      .limit(1);
    if (current) {
      throw new FieldError({
        participantId: [
          current.groupId === group.id
            ? "Personen är redan inskriven i gruppen."
            : errorText("enrolledElsewhere", { group: current.name }),
        ],
      });
    }
    const activity = await linkSfiActivity(tx, group, person.id, input.startDate, user.id);
    const [enrolment] = await tx
      .insert(sfiEnrolments)
      .values({ groupId: group.id, participantId: person.id, activityId: activity.id, startDate: input.startDate })
      .returning({ id: sfiEnrolments.id });
    return { enrolmentId: enrolment.id, groupId: group.id, participantId: person.id, activityId: activity.id, activityCreated: activity.created };
  },
  audit: (r: Enrolled): AuditEntry[] => [
    { action: "sfi.enrol", entityType: "sfi_enrolment", entityId: r.enrolmentId, participantId: r.participantId, details: { groupId: r.groupId } },
    { action: r.activityCreated ? "activity.create" : "activity.update", entityType: "activity", entityId: r.activityId, participantId: r.participantId, details: { type: "sfi", by: "sfi.enrol" } },
  ],
} satisfies ActionDefinition<typeof enrolSchema, Enrolled>;
export const enrol = defineAction(enrolDef);

// ---- Interruptions and pauses --------------------------------------------------------------

export interface BreakRecorded {
  breakId: string;
  groupId: string;
  participantId: string;
  kind: "avbrott" | "uppehall";
  activityId: string | null;
}

export const recordBreakDef = {
  schema: breakSchema,
  permission: "sfi:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof breakSchema>>): Promise<BreakRecorded> {
    await ownGroup(tx, input.groupId, authorize);
    const enrolment = await activeEnrolment(tx, input.groupId, input.participantId, input.fromDate);
    const [row] = await tx
      .insert(sfiBreaks)
      .values({
        participantId: input.participantId,
        groupId: input.groupId,
        kind: input.kind,
        reason: input.kind === "avbrott" ? input.reason : input.reason || null,
        fromDate: input.fromDate,
        toDate: input.kind === "avbrott" ? null : input.toDate,
        recordedBy: user.id,
      })
      .returning({ id: sfiBreaks.id });
    let activityId: string | null = null;
    if (input.kind === "avbrott") {
      // An interruption ends the place in the group and the sfi activity on the plan: the
      // interruption date is the first day away, so the last day in the group is the day before
      // (an interruption on the first day leaves an empty enrolment, kept for the history).
      const lastDay = addDays(input.fromDate, -1);
      let activity: SfiEnrolmentEnding["activity"] = null;
      if (enrolment.activityId) {
        activityId = enrolment.activityId;
        const { before, after } = await updateActivityWithHistory(
          tx,
          enrolment.activityId,
          (before) => ({ status: "avbruten", endDate: before.startDate > lastDay ? before.startDate : lastDay, interruptReason: input.reason }),
          user.id,
          "avbrott i sfi",
        );
        activity = { id: after.id, version: after.version, before: fieldsOf(before, ["status", "endDate", "interruptReason"]) };
      }
      await endPlace(tx, enrolment, lastDay, { kind: "avbrott", recordedBy: user.id, activity, breakId: row.id, nextEnrolmentId: null });
    }
    return { breakId: row.id, groupId: input.groupId, participantId: input.participantId, kind: input.kind, activityId };
  },
  audit: (r: BreakRecorded): AuditEntry[] => [
    { action: `sfi.${r.kind}.create`, entityType: "sfi_break", entityId: r.breakId, participantId: r.participantId, details: { groupId: r.groupId } },
    ...(r.activityId ? [{ action: "activity.update", entityType: "activity", entityId: r.activityId, participantId: r.participantId, details: { status: "avbruten", by: "sfi.avbrott" } }] : []),
  ],
} satisfies ActionDefinition<typeof breakSchema, BreakRecorded>;
export const recordBreak = defineAction(recordBreakDef);

// ---- Course completion ---------------------------------------------------------------------

export interface CourseCompleted {
  groupId: string;
  participantId: string;
  course: string;
  /** The next course, or null when this was the highest course of the studieväg. */
  next: string | null;
  nextGroupId: string | null;
  /** Whether the user teaches the next group too (and so may open the student's page there). */
  nextGroupTaught: boolean;
  activityId: string | null;
}

export const completeCourseDef = {
  schema: completeCourseSchema,
  permission: "sfi:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof completeCourseSchema>>): Promise<CourseCompleted> {
    const group = await ownGroup(tx, input.groupId, authorize);
    const enrolment = await activeEnrolment(tx, group.id, input.participantId, input.completedDate);
    // Completed once already (the place ends and a later one exists): a second click moves nobody twice.
    const [later] = await tx
      .select({ startDate: sfiEnrolments.startDate })
      .from(sfiEnrolments)
      .where(and(eq(sfiEnrolments.participantId, input.participantId), gt(sfiEnrolments.startDate, enrolment.startDate)))
      .limit(1);
    if (enrolment.endDate !== null && later) {
      throw new FieldError({ completedDate: [errorText("courseAlreadyEnded", { end: enrolment.endDate, start: later.startDate })] });
    }
    // The earliest passing course grade: the course can be complete from its date on.
    const [passed] = await tx
      .select({ resultDate: sfiResults.resultDate })
      .from(sfiResults)
      .where(
        and(
          eq(sfiResults.participantId, input.participantId),
          eq(sfiResults.kind, "kursbetyg"),
          eq(sfiResults.course, group.course),
          inArray(sfiResults.grade, ["A", "B", "C", "D", "E"]),
        ),
      )
      .orderBy(asc(sfiResults.resultDate))
      .limit(1);
    if (!passed) throw new FieldError({ completedDate: [errorText("passingGradeFirst", { course: group.course })] });
    if (passed.resultDate > input.completedDate) {
      throw new FieldError({
        completedDate: [errorText("passingGradeLater", { course: group.course, date: passed.resultDate, completed: input.completedDate })],
      });
    }
    const next = nextCourse(group.studyPath, group.course);
    let nextGroup: Group | null = null;
    if (input.nextGroupId) {
      // Share-locked as the group itself is: not closed while the student's place in it is made.
      [nextGroup] = await tx
        .select()
        .from(sfiGroups)
        .where(and(eq(sfiGroups.id, input.nextGroupId), eq(sfiGroups.municipalityId, user.municipalityId), isNull(sfiGroups.archivedAt)))
        .for("share");
      if (!nextGroup || next === null || nextGroup.studyPath !== group.studyPath || nextGroup.course !== next) {
        throw new FieldError({ nextGroupId: [next ? errorText("nextGroupCourse", { course: next, path: group.studyPath }) : "Kursen är den sista på studievägen: ingen ny grupp behövs."] });
      }
    }
    const activityId = enrolment.activityId;
    let activity: SfiEnrolmentEnding["activity"] = null;
    if (activityId) {
      const note = `kurs ${group.course} klar`;
      if (next === null) {
        const { before, after } = await updateActivityWithHistory(tx, activityId, { status: "avslutad", endDate: input.completedDate, resultNote: `Klar med sfi kurs ${group.course}` }, user.id, note);
        activity = { id: activityId, version: after.version, before: fieldsOf(before, ["status", "endDate", "resultNote"]) };
      } else {
        const { before, after } = await updateActivityWithHistory(
          tx,
          activityId,
          (a) => ({ details: nextGroup ? { ...a.details, ...sfiDetails(nextGroup) } : { ...a.details, course: next, groupId: null } }),
          user.id,
          note,
        );
        activity = { id: activityId, version: after.version, before: fieldsOf(before, ["details"]) };
      }
    }
    let nextEnrolmentId: string | null = null;
    if (nextGroup) {
      const [made] = await tx
        .insert(sfiEnrolments)
        .values({ groupId: nextGroup.id, participantId: input.participantId, activityId, startDate: addDays(input.completedDate, 1) })
        .returning({ id: sfiEnrolments.id });
      nextEnrolmentId = made.id;
    }
    await endPlace(tx, enrolment, input.completedDate, { kind: "klar", recordedBy: user.id, activity, breakId: null, nextEnrolmentId });
    const nextResource = nextGroup ? await groupResource(tx, nextGroup.id) : null;
    const nextGroupTaught = nextResource !== null && can(user, "sfi:read", nextResource);
    return { groupId: group.id, participantId: input.participantId, course: group.course, next, nextGroupId: nextGroup?.id ?? null, nextGroupTaught, activityId };
  },
  audit: (r: CourseCompleted): AuditEntry[] => [
    { action: "sfi.course.complete", entityType: "sfi_group", entityId: r.groupId, participantId: r.participantId, details: { course: r.course, next: r.next, nextGroupId: r.nextGroupId } },
    ...(r.activityId ? [{ action: "activity.update", entityType: "activity", entityId: r.activityId, participantId: r.participantId, details: { by: "sfi.course.complete" } }] : []),
  ],
} satisfies ActionDefinition<typeof completeCourseSchema, CourseCompleted>;
export const completeCourse = defineAction(completeCourseDef);

// ---- Undoing a course completion or an avbrott ("Ångra") -----------------------------------

export interface EndingUndone {
  groupId: string;
  participantId: string;
  enrolmentId: string;
  /** The place's last day that the undone ending had set. */
  endDate: string | null;
  /** The avbrott's row, removed, and its reason. */
  breakId: string | null;
  reason: string | null;
  /** The group of the next course's place that the completion made and the undo removed. */
  nextGroupId: string | null;
  /** The sfi activity whose fields were put back. */
  activityId: string | null;
}

/**
 * Puts a student's place back as it was before its latest ending (a course completion or an
 * avbrott recorded in the app), for the group's teachers: the place's last day, the sfi activity's
 * fields (recorded in the plan's history), and the avbrott's row or the next course's place removed.
 * Refused when the group is closed, when the place changed since the page was opened (a conflict),
 * and when later records depend on the ending (undoCheck).
 */
async function undoEnding(
  { tx, input, user, authorize }: ActionContext<z.infer<typeof undoEndingSchema>>,
  kind: SfiEnrolmentEnding["kind"],
): Promise<EndingUndone> {
  await ownGroup(tx, input.groupId, authorize);
  const [place] = await tx
    .select()
    .from(sfiEnrolments)
    .where(and(eq(sfiEnrolments.id, input.enrolmentId), eq(sfiEnrolments.groupId, input.groupId), eq(sfiEnrolments.participantId, input.participantId)))
    .for("update");
  if (!place) throw new NotFoundError("student");
  if (place.version !== input.version) throw new ConflictError(null);
  const ending = place.ending;
  if (!ending || ending.kind !== kind) throw new FieldError({}, text.undoNothing);
  // Locked before they are checked, so nothing changes them between the check and the undo.
  if (ending.nextEnrolmentId) await tx.select({ id: sfiEnrolments.id }).from(sfiEnrolments).where(eq(sfiEnrolments.id, ending.nextEnrolmentId)).for("update");
  if (ending.activity) await tx.select({ id: activities.id }).from(activities).where(eq(activities.id, ending.activity.id)).for("update");
  const { blocker, nextPlace } = await undoCheck(tx, place, ending);
  if (blocker) throw new FieldError({}, undoBlockedText(text, blocker));

  if (nextPlace) await tx.delete(sfiEnrolments).where(eq(sfiEnrolments.id, ending.nextEnrolmentId!));
  let reason: string | null = null;
  if (ending.breakId) {
    const [removed] = await tx
      .delete(sfiBreaks)
      .where(and(eq(sfiBreaks.id, ending.breakId), eq(sfiBreaks.participantId, place.participantId)))
      .returning({ reason: sfiBreaks.reason });
    reason = removed?.reason ?? null;
  }
  let activityId: string | null = null;
  let prior = ending.prior;
  if (ending.activity) {
    const [exists] = await tx.select({ id: activities.id }).from(activities).where(eq(activities.id, ending.activity.id));
    if (exists) {
      const before = Object.fromEntries(Object.entries(ending.activity.before).filter(([k]) => (ENDING_FIELDS as readonly string[]).includes(k)));
      const note = kind === "klar" ? "ångrat att kursen är klar" : "ångrat avbrott i sfi";
      const { after } = await updateActivityWithHistory(tx, exists.id, before as Partial<typeof activities.$inferInsert>, user.id, note);
      activityId = exists.id;
      // The ending put back (a completion an avbrott replaced) left the activity at the version this undo just moved on.
      if (prior?.activity?.id === exists.id) prior = { ...prior, activity: { ...prior.activity, version: after.version } };
    }
  }
  await tx
    .update(sfiEnrolments)
    .set({ endDate: ending.endDateBefore, ending: prior, version: sql`${sfiEnrolments.version} + 1` })
    .where(eq(sfiEnrolments.id, place.id));
  return {
    groupId: place.groupId,
    participantId: place.participantId,
    enrolmentId: place.id,
    endDate: place.endDate,
    breakId: ending.breakId,
    reason,
    nextGroupId: nextPlace?.groupId ?? null,
    activityId,
  };
}

export const undoCourseCompletionDef = {
  schema: undoEndingSchema,
  permission: "sfi:write",
  run: (ctx: ActionContext<z.infer<typeof undoEndingSchema>>) => undoEnding(ctx, "klar"),
  audit: (r: EndingUndone): AuditEntry[] => [
    { action: "sfi.course.complete.undo", entityType: "sfi_enrolment", entityId: r.enrolmentId, participantId: r.participantId, details: { groupId: r.groupId, endDate: r.endDate, nextGroupId: r.nextGroupId } },
    ...(r.activityId ? [{ action: "activity.update", entityType: "activity", entityId: r.activityId, participantId: r.participantId, details: { by: "sfi.course.complete.undo" } }] : []),
  ],
} satisfies ActionDefinition<typeof undoEndingSchema, EndingUndone>;
export const undoCourseCompletion = defineAction(undoCourseCompletionDef);

export const undoAvbrottDef = {
  schema: undoEndingSchema,
  permission: "sfi:write",
  run: (ctx: ActionContext<z.infer<typeof undoEndingSchema>>) => undoEnding(ctx, "avbrott"),
  audit: (r: EndingUndone): AuditEntry[] => [
    { action: "sfi.avbrott.undo", entityType: "sfi_break", entityId: r.breakId, participantId: r.participantId, details: { groupId: r.groupId, reason: r.reason, endDate: r.endDate } },
    ...(r.activityId ? [{ action: "activity.update", entityType: "activity", entityId: r.activityId, participantId: r.participantId, details: { by: "sfi.avbrott.undo" } }] : []),
  ],
} satisfies ActionDefinition<typeof undoEndingSchema, EndingUndone>;
export const undoAvbrott = defineAction(undoAvbrottDef);
