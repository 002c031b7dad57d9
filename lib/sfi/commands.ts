// Writes of sfi teachers: a lesson's attendance for the whole group in one transaction (earlier
// values kept in the audit log when corrected) and course results; none in a closed group.
import { and, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { sfiAttendance, sfiEnrolments, sfiGroups, sfiResults } from "@/db/schema";
import { defineAction, type ActionContext, type ActionDefinition } from "@/lib/auth/action";
import type { Tx } from "@/db";
import type { AuditEntry } from "@/lib/audit/commands";
import { FieldError, NotFoundError } from "@/lib/errors";
import { errorText } from "@/lib/i18n/errors";
import { hoursFor } from "./attendance";
import { groupResource } from "./queries";
import { attendanceSchema, partialHoursMessage, resultSchema } from "./schema";
import type { z } from "zod";

/**
 * The group, after checking that the user teaches it; a closed group ("Avsluta gruppen") takes no
 * attendance or results until it is opened again. Share-locked: it is not closed meanwhile.
 */
async function openGroup(tx: Tx, groupId: string, authorize: (r: Awaited<ReturnType<typeof groupResource>>) => void) {
  authorize(await groupResource(tx, groupId));
  const [group] = await tx.select().from(sfiGroups).where(eq(sfiGroups.id, groupId)).for("share");
  if (group.archivedAt) throw new FieldError({}, "Gruppen är avslutad och tar inte emot ändringar.");
  return group;
}

async function enrolledIds(tx: Tx, groupId: string, date: string, ids: string[]) {
  const rows = await tx
    .select({ participantId: sfiEnrolments.participantId })
    .from(sfiEnrolments)
    .where(and(eq(sfiEnrolments.groupId, groupId), inArray(sfiEnrolments.participantId, ids), lte(sfiEnrolments.startDate, date), or(isNull(sfiEnrolments.endDate), gte(sfiEnrolments.endDate, date))));
  return new Set(rows.map((r) => r.participantId));
}

export interface AttendanceSaved {
  groupId: string;
  lessonDate: string;
  saved: number;
  absent: number;
  corrections: { participantId: string; from: number; to: number }[];
}

export const saveAttendanceDef = {
  schema: attendanceSchema,
  permission: "sfi:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof attendanceSchema>>): Promise<AttendanceSaved> {
    const group = await openGroup(tx, input.groupId, authorize);
    const ids = input.students.map((s) => s.participantId);
    const enrolled = await enrolledIds(tx, input.groupId, input.lessonDate, ids);
    // Every student must be in this group on that day: nobody else's data is written.
    if (ids.some((id) => !enrolled.has(id))) throw new NotFoundError("student");
    const scheduled = group.schedule.hours;
    // More hours than the lesson is a typing mistake: saving it as full attendance would hide it.
    const tooMany = input.students.flatMap((s, i) => (s.presence === "partial" && (s.partialHours ?? 0) > scheduled ? [i] : []));
    if (tooMany.length) throw new FieldError(Object.fromEntries(tooMany.map((i) => [`students.${i}.partialHours`, [partialHoursMessage(scheduled)]])));
    const before = await tx
      .select({ participantId: sfiAttendance.participantId, attendedHours: sfiAttendance.attendedHours })
      .from(sfiAttendance)
      .where(and(eq(sfiAttendance.groupId, input.groupId), eq(sfiAttendance.lessonDate, input.lessonDate), inArray(sfiAttendance.participantId, ids)));
    const old = new Map(before.map((b) => [b.participantId, Number(b.attendedHours)]));
    const rows = input.students.map((s) => ({
      groupId: input.groupId,
      participantId: s.participantId,
      lessonDate: input.lessonDate,
      scheduledHours: String(scheduled),
      attendedHours: String(hoursFor(s.presence, scheduled, s.partialHours)),
      recordedBy: user.id,
    }));
    await tx
      .insert(sfiAttendance)
      .values(rows)
      .onConflictDoUpdate({
        target: [sfiAttendance.groupId, sfiAttendance.participantId, sfiAttendance.lessonDate],
        set: { attendedHours: sql`excluded.attended_hours`, scheduledHours: sql`excluded.scheduled_hours`, recordedBy: sql`excluded.recorded_by`, version: sql`${sfiAttendance.version} + 1`, updatedAt: sql`now()` },
      });
    const corrections = rows
      .filter((r) => old.has(r.participantId) && old.get(r.participantId) !== Number(r.attendedHours))
      .map((r) => ({ participantId: r.participantId, from: old.get(r.participantId)!, to: Number(r.attendedHours) }));
    return { groupId: input.groupId, lessonDate: input.lessonDate, saved: rows.length, absent: rows.filter((r) => Number(r.attendedHours) === 0).length, corrections };
  },
  audit: (r: AttendanceSaved) => [
    { action: "sfi.attendance.save", entityType: "sfi_group", entityId: r.groupId, details: { lessonDate: r.lessonDate, saved: r.saved } },
    // Corrections keep the earlier value: the audit log is the attendance history.
    ...r.corrections.map((c): AuditEntry => ({ action: "sfi.attendance.correct", entityType: "sfi_attendance", participantId: c.participantId, details: { groupId: r.groupId, lessonDate: r.lessonDate, from: c.from, to: c.to } })),
  ],
} satisfies ActionDefinition<typeof attendanceSchema, AttendanceSaved>;
export const saveAttendance = defineAction(saveAttendanceDef);

export const recordResultDef = {
  schema: resultSchema,
  permission: "sfi:write",
  async run({ tx, input, user, authorize }: ActionContext<z.infer<typeof resultSchema>>) {
    const group = await openGroup(tx, input.groupId, authorize);
    const enrolled = await enrolledIds(tx, input.groupId, input.resultDate, [input.participantId]);
    if (!enrolled.has(input.participantId)) {
      // A student who was (or will be) in the group, but not on that date, is told so; anyone
      // else is not found, so nothing is learnt about people outside the group.
      const [place] = await tx
        .select({ startDate: sfiEnrolments.startDate, endDate: sfiEnrolments.endDate })
        .from(sfiEnrolments)
        .where(and(eq(sfiEnrolments.groupId, input.groupId), eq(sfiEnrolments.participantId, input.participantId)))
        .orderBy(desc(sfiEnrolments.startDate))
        .limit(1);
      if (!place) throw new NotFoundError("student");
      const message = place.endDate
        ? errorText("notEnrolledBetween", { date: input.resultDate, from: place.startDate, to: place.endDate })
        : errorText("notEnrolledFrom", { date: input.resultDate, from: place.startDate });
      throw new FieldError({ participantId: [message] });
    }
    // The same result twice is a double click, not a new result.
    const [same] = await tx
      .select({ id: sfiResults.id })
      .from(sfiResults)
      .where(
        and(
          eq(sfiResults.participantId, input.participantId),
          eq(sfiResults.kind, input.kind),
          eq(sfiResults.course, group.course),
          eq(sfiResults.grade, input.grade),
          eq(sfiResults.resultDate, input.resultDate),
        ),
      )
      .limit(1);
    if (same) {
      const values = { grade: input.grade, course: group.course, date: input.resultDate };
      throw new FieldError({}, errorText(input.kind === "kursbetyg" ? "resultExistsKursbetyg" : "resultExistsNationelltProv", values));
    }
    const [row] = await tx
      .insert(sfiResults)
      .values({ participantId: input.participantId, groupId: input.groupId, kind: input.kind, studyPath: group.studyPath, course: group.course, grade: input.grade, resultDate: input.resultDate, recordedBy: user.id })
      .returning();
    return row;
  },
  audit: (r: typeof sfiResults.$inferSelect) => ({ action: "sfi.result.create", entityType: "sfi_result", entityId: r.id, participantId: r.participantId, details: { kind: r.kind, course: r.course, grade: r.grade } }),
} satisfies ActionDefinition<typeof resultSchema, typeof sfiResults.$inferSelect>;
export const recordResult = defineAction(recordResultDef);
