// Reads for sfi teachers (their own groups and students only, and only sfi data) and the
// read-only sfi summary a coordinator sees on the participant page. Reads are audited.
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { participants, sfiAttendance, sfiBreaks, sfiEnrolments, sfiGroups, sfiGroupTeachers, sfiResults } from "@/db/schema";
import { writeAudit } from "@/lib/audit/commands";
import { can, hasPermission, type Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { participantScope } from "@/lib/participants/scope";
import { todayIso } from "@/lib/dates";
import { attendanceShare, lastFourWeeks } from "./attendance";

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Who may touch a group's data: its municipality and its teachers (for `can`). */
export async function groupResource(db: Executor, groupId: string) {
  if (!isUuid(groupId)) return null;
  const [g] = await db.select({ municipalityId: sfiGroups.municipalityId }).from(sfiGroups).where(eq(sfiGroups.id, groupId));
  if (!g) return null;
  const teachers = await db.select({ userId: sfiGroupTeachers.userId }).from(sfiGroupTeachers).where(eq(sfiGroupTeachers.groupId, groupId));
  return { municipalityId: g.municipalityId, teacherIds: teachers.map((t) => t.userId) };
}

/** Active enrolment on a date: started by then and not ended before it. */
const activeOn = (date: string) => and(lte(sfiEnrolments.startDate, date), or(isNull(sfiEnrolments.endDate), gte(sfiEnrolments.endDate, date)));

export async function listMyGroups(actor: Actor, db: Executor = getDb()) {
  if (!hasPermission(actor, "sfi:read")) throw new NotFoundError("sfi");
  const today = todayIso();
  return db
    .select({
      id: sfiGroups.id,
      name: sfiGroups.name,
      school: sfiGroups.school,
      studyPath: sfiGroups.studyPath,
      course: sfiGroups.course,
      schedule: sfiGroups.schedule,
      students: sql<number>`(select count(*)::int from sfi_enrolments e where e.group_id = ${sfiGroups.id}
        and e.start_date <= ${today} and (e.end_date is null or e.end_date >= ${today}))`,
    })
    .from(sfiGroups)
    .innerJoin(sfiGroupTeachers, and(eq(sfiGroupTeachers.groupId, sfiGroups.id), eq(sfiGroupTeachers.userId, actor.id)))
    .where(and(eq(sfiGroups.municipalityId, actor.municipalityId), isNull(sfiGroups.archivedAt)))
    .orderBy(asc(sfiGroups.name));
}

export interface StudentRow {
  participantId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  /** Hours attended on the lesson date, when recorded. */
  attendedHours: number | null;
  share4w: number | null;
  lastResult: { grade: string; course: string; kind: string; resultDate: string } | null;
}

/** A teacher's group on a lesson date: its students (name and birth date only) and their sfi figures. */
export async function getGroupDay(actor: Actor, groupId: string, lessonDate: string, db: Executor = getDb()) {
  const resource = await groupResource(db, groupId);
  if (!resource || !can(actor, "sfi:read", resource)) throw new NotFoundError("sfi group");
  const [group] = await db.select().from(sfiGroups).where(eq(sfiGroups.id, groupId));
  const students = await db
    .select({ participantId: participants.id, firstName: participants.firstName, lastName: participants.lastName, birthDate: participants.birthDate })
    .from(sfiEnrolments)
    .innerJoin(participants, eq(participants.id, sfiEnrolments.participantId))
    .where(and(eq(sfiEnrolments.groupId, groupId), activeOn(lessonDate), isNull(participants.deletedAt), isNull(participants.erasedAt)))
    .orderBy(asc(participants.lastName), asc(participants.firstName));
  const ids = students.map((s) => s.participantId);
  const { from, to } = lastFourWeeks(lessonDate);
  const attendance = ids.length
    ? await db
        .select({ participantId: sfiAttendance.participantId, lessonDate: sfiAttendance.lessonDate, scheduledHours: sfiAttendance.scheduledHours, attendedHours: sfiAttendance.attendedHours })
        .from(sfiAttendance)
        .where(and(eq(sfiAttendance.groupId, groupId), inArray(sfiAttendance.participantId, ids), gte(sfiAttendance.lessonDate, from), lte(sfiAttendance.lessonDate, to)))
    : [];
  const results = ids.length
    ? await db
        .selectDistinctOn([sfiResults.participantId], { participantId: sfiResults.participantId, grade: sfiResults.grade, course: sfiResults.course, kind: sfiResults.kind, resultDate: sfiResults.resultDate })
        .from(sfiResults)
        .where(inArray(sfiResults.participantId, ids))
        .orderBy(sfiResults.participantId, desc(sfiResults.resultDate), desc(sfiResults.createdAt))
    : [];
  const rows: StudentRow[] = students.map((s) => {
    const mine = attendance.filter((a) => a.participantId === s.participantId).map((a) => ({ lessonDate: a.lessonDate, scheduledHours: Number(a.scheduledHours), attendedHours: Number(a.attendedHours) }));
    const today = mine.find((a) => a.lessonDate === lessonDate);
    const r = results.find((x) => x.participantId === s.participantId);
    return { ...s, attendedHours: today ? today.attendedHours : null, share4w: attendanceShare(mine), lastResult: r ? { grade: r.grade, course: r.course, kind: r.kind, resultDate: r.resultDate } : null };
  });
  if (ids.length) {
    await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
      action: "sfi.group.read",
      entityType: "sfi_group",
      entityId: groupId,
      details: { lessonDate, participantIds: ids },
    });
  }
  return { group, students: rows, recorded: attendance.some((a) => a.lessonDate === lessonDate) };
}

export interface SfiSummary {
  group: { name: string; school: string; studyPath: number; course: string } | null;
  share4w: number | null;
  lastResult: { grade: string; course: string; kind: string; resultDate: string } | null;
  breaks: { kind: string; reason: string | null; fromDate: string; toDate: string | null }[];
}

/** What a coordinator sees of a participant's sfi: read-only, for their own unit's participants. */
export async function getSfiSummary(actor: Actor, participantId: string, asOf = todayIso(), db: Executor = getDb()): Promise<SfiSummary> {
  if (!isUuid(participantId)) throw new NotFoundError("participant");
  const [p] = await db.select({ id: participants.id }).from(participants).where(and(eq(participants.id, participantId), participantScope(actor)));
  if (!p) throw new NotFoundError("participant");
  const [current] = await db
    .select({ groupId: sfiGroups.id, name: sfiGroups.name, school: sfiGroups.school, studyPath: sfiGroups.studyPath, course: sfiGroups.course })
    .from(sfiEnrolments)
    .innerJoin(sfiGroups, eq(sfiGroups.id, sfiEnrolments.groupId))
    .where(and(eq(sfiEnrolments.participantId, participantId), activeOn(asOf)))
    .orderBy(desc(sfiEnrolments.startDate))
    .limit(1);
  const { from, to } = lastFourWeeks(asOf);
  const attendance = await db
    .select({ lessonDate: sfiAttendance.lessonDate, scheduledHours: sfiAttendance.scheduledHours, attendedHours: sfiAttendance.attendedHours })
    .from(sfiAttendance)
    .where(and(eq(sfiAttendance.participantId, participantId), gte(sfiAttendance.lessonDate, from), lte(sfiAttendance.lessonDate, to)));
  const [last] = await db
    .select({ grade: sfiResults.grade, course: sfiResults.course, kind: sfiResults.kind, resultDate: sfiResults.resultDate })
    .from(sfiResults)
    .where(eq(sfiResults.participantId, participantId))
    .orderBy(desc(sfiResults.resultDate), desc(sfiResults.createdAt))
    .limit(1);
  const breaks = await db
    .select({ kind: sfiBreaks.kind, reason: sfiBreaks.reason, fromDate: sfiBreaks.fromDate, toDate: sfiBreaks.toDate })
    .from(sfiBreaks)
    .where(eq(sfiBreaks.participantId, participantId))
    .orderBy(desc(sfiBreaks.fromDate));
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, { action: "sfi.summary.read", entityType: "participant", entityId: participantId, participantId });
  return {
    group: current ? { name: current.name, school: current.school, studyPath: current.studyPath, course: current.course } : null,
    share4w: attendanceShare(attendance.map((a) => ({ lessonDate: a.lessonDate, scheduledHours: Number(a.scheduledHours), attendedHours: Number(a.attendedHours) }))),
    lastResult: last ?? null,
    breaks,
  };
}
