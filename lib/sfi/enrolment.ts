// Writes that move a student through sfi: groups are created (by an admin or a teacher) and
// changed ("Ändra gruppen", by its own teachers or an admin, with a version check),
// students enrolled (which creates or links the sfi activity on their plan, so the coordinator
// sees it), interrupted or paused, and moved on to the next course of their studieväg when a
// course is passed. Each runs in one transaction with its audit entries (lib/auth/action.ts).
import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Tx } from "@/db";
import { activities, participants, sfiBreaks, sfiEnrolments, sfiGroups, sfiGroupTeachers, sfiResults, users } from "@/db/schema";
import type { AuditEntry } from "@/lib/audit/commands";
import { defineAction, type ActionContext, type ActionDefinition } from "@/lib/auth/action";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { addDays, todayIso } from "@/lib/dates";
import { ConflictError, FieldError, NotFoundError } from "@/lib/errors";
import { insertActivity } from "@/lib/plans/commands";
import { updateActivityWithHistory } from "@/lib/plans/history";
import { groupFormValuesOf, groupResource, groupTeachers, mayEditGroup, type GroupTeacher } from "./queries";
import { breakSchema, completeCourseSchema, enrolSchema, GROUP_EDIT_FIELDS, groupSchema, nextCourse, updateGroupSchema } from "./schema";

type Group = typeof sfiGroups.$inferSelect;

/** The group, after checking that the user teaches it; archived groups take no new writes. */
async function ownGroup(tx: Tx, groupId: string, authorize: (r: Awaited<ReturnType<typeof groupResource>>) => void): Promise<Group> {
  authorize(await groupResource(tx, groupId));
  const [group] = await tx.select().from(sfiGroups).where(eq(sfiGroups.id, groupId));
  if (group.archivedAt) throw new FieldError({}, "Gruppen är avslutad och tar inte emot ändringar.");
  return group;
}

/** The student's enrolment in this group that is active on `date`, or NotFound. */
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
    .limit(1);
  if (!e) throw new NotFoundError("student");
  return e;
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
            : `Personen är inskriven i gruppen ${current.name}. Den inskrivningen behöver avslutas först (kurs klar eller avbrott).`,
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
      await tx.update(sfiEnrolments).set({ endDate: lastDay }).where(eq(sfiEnrolments.id, enrolment.id));
      if (enrolment.activityId) {
        activityId = enrolment.activityId;
        await updateActivityWithHistory(
          tx,
          enrolment.activityId,
          (before) => ({ status: "avbruten", endDate: before.startDate > lastDay ? before.startDate : lastDay, interruptReason: input.reason }),
          user.id,
          "avbrott i sfi",
        );
      }
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
      throw new FieldError({ completedDate: [`Kursen är redan avslutad den ${enrolment.endDate}, och eleven har en plats från ${later.startDate}.`] });
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
    if (!passed) throw new FieldError({ completedDate: [`Registrera först ett godkänt kursbetyg (A–E) i kurs ${group.course}.`] });
    if (passed.resultDate > input.completedDate) {
      throw new FieldError({
        completedDate: [`Det godkända kursbetyget i kurs ${group.course} är daterat ${passed.resultDate}, efter ${input.completedDate}. Kursen kan bli klar tidigast ${passed.resultDate}.`],
      });
    }
    const next = nextCourse(group.studyPath, group.course);
    let nextGroup: Group | null = null;
    if (input.nextGroupId) {
      [nextGroup] = await tx.select().from(sfiGroups).where(and(eq(sfiGroups.id, input.nextGroupId), eq(sfiGroups.municipalityId, user.municipalityId), isNull(sfiGroups.archivedAt)));
      if (!nextGroup || next === null || nextGroup.studyPath !== group.studyPath || nextGroup.course !== next) {
        throw new FieldError({ nextGroupId: [next ? `Välj en grupp i kurs ${next}, studieväg ${group.studyPath}.` : "Kursen är den sista på studievägen: ingen ny grupp behövs."] });
      }
    }
    await tx.update(sfiEnrolments).set({ endDate: input.completedDate }).where(eq(sfiEnrolments.id, enrolment.id));
    const activityId = enrolment.activityId;
    if (activityId) {
      const note = `kurs ${group.course} klar`;
      if (next === null) {
        await updateActivityWithHistory(tx, activityId, { status: "avslutad", endDate: input.completedDate, resultNote: `Klar med sfi kurs ${group.course}` }, user.id, note);
      } else {
        await updateActivityWithHistory(
          tx,
          activityId,
          (a) => ({ details: nextGroup ? { ...a.details, ...sfiDetails(nextGroup) } : { ...a.details, course: next, groupId: null } }),
          user.id,
          note,
        );
      }
    }
    if (nextGroup) {
      await tx.insert(sfiEnrolments).values({ groupId: nextGroup.id, participantId: input.participantId, activityId, startDate: addDays(input.completedDate, 1) });
    }
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
