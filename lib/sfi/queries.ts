// Reads for sfi teachers (their own groups and students only, and only sfi data) and the
// read-only sfi summary a coordinator sees on the participant page, with what closing a group and
// undoing a completion or an avbrott ("Ångra") depend on. Reads are audited.
import { and, asc, count, desc, eq, gt, gte, ilike, inArray, isNotNull, isNull, lte, notInArray, or, sql, type SQLWrapper } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { activities, participants, sfiAttendance, sfiBreaks, sfiEnrolments, sfiGroups, sfiGroupTeachers, sfiResults, users, type SfiEnrolmentEnding } from "@/db/schema";
import { writeAudit } from "@/lib/audit/commands";
import { can, hasPermission, type Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { scopedParticipantRow } from "@/lib/participants/scope";
import { isoDateOf, todayIso } from "@/lib/dates";
import type { SfiMessages } from "@/lib/i18n/areas/sfi";
import { foldName } from "@/lib/participants/search";
import { containsPattern, escapeLike, pageBounds, searchText } from "@/lib/paging";
import { attendanceShare, coursesPassed, lastFourWeeks, timeOnCourses, type CourseTime, type PassedCourse } from "./attendance";
import { nextCourse as nextCourseOf } from "./schema";

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Who may touch a group's data: its municipality and its teachers (for `can`). */
export async function groupResource(db: Executor, groupId: string) {
  if (!isUuid(groupId)) return null;
  const [g] = await db.select({ municipalityId: sfiGroups.municipalityId }).from(sfiGroups).where(eq(sfiGroups.id, groupId));
  if (!g) return null;
  const teachers = await db.select({ userId: sfiGroupTeachers.userId }).from(sfiGroupTeachers).where(eq(sfiGroupTeachers.groupId, groupId));
  return { municipalityId: g.municipalityId, teacherIds: teachers.map((t) => t.userId) };
}

export interface GroupTeacher {
  id: string;
  name: string;
  email: string;
  active: boolean;
}

/** A stored group as the edit form's values (also what the conflict view shows as "saved now"). */
export interface GroupFormValues {
  id: string;
  version: number;
  name: string;
  school: string;
  days: string[];
  start: string;
  end: string;
  hours: string;
  teacherIds: string[];
  /** The teachers' names, for the form and the conflict view; not sent back. */
  teachers: GroupTeacher[];
}

export async function groupTeachers(db: Executor, groupId: string): Promise<GroupTeacher[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email, active: users.active })
    .from(sfiGroupTeachers)
    .innerJoin(users, eq(users.id, sfiGroupTeachers.userId))
    .where(eq(sfiGroupTeachers.groupId, groupId))
    .orderBy(asc(users.name));
}

export function groupFormValuesOf(g: typeof sfiGroups.$inferSelect, teachers: GroupTeacher[]): GroupFormValues {
  return {
    id: g.id,
    version: g.version,
    name: g.name,
    school: g.school,
    days: g.schedule.days.map(String),
    start: g.schedule.start,
    end: g.schedule.end,
    hours: String(g.schedule.hours),
    teacherIds: teachers.map((t) => t.id),
    teachers,
  };
}

/**
 * May the user edit this group? Admins of its municipality, and its own teachers: an sfi teacher
 * has sfi:group:manage (to create groups), but edits only the groups they teach.
 */
export function mayEditGroup(user: Pick<Actor, "id" | "role">, resource: { teacherIds: readonly string[] }): boolean {
  return user.role === "admin" || (user.role === "sfi_teacher" && resource.teacherIds.includes(user.id));
}

/**
 * A group and its teachers for "Ändra gruppen", with what closing it needs (the day it was closed,
 * or how many students are still enrolled: counts only, an admin sees no student data); NotFound
 * unless the user may edit it (mayEditGroup).
 */
export async function getGroupForEdit(
  actor: Actor,
  groupId: string,
  db: Executor = getDb(),
): Promise<{ values: GroupFormValues; archived: boolean; closedOn: string | null; remaining: Remaining; studyPath: number; course: string }> {
  const resource = await groupResource(db, groupId);
  if (!resource || !can(actor, "sfi:group:manage", resource) || !mayEditGroup(actor, resource)) throw new NotFoundError("sfi group");
  const [group] = await db.select().from(sfiGroups).where(eq(sfiGroups.id, groupId));
  return {
    values: groupFormValuesOf(group, await groupTeachers(db, groupId)),
    archived: group.archivedAt !== null,
    closedOn: group.archivedAt ? isoDateOf(group.archivedAt) : null,
    remaining: group.archivedAt ? { active: 0, upcoming: 0 } : await remainingStudents(db, groupId, todayIso()),
    studyPath: group.studyPath,
    course: group.course,
  };
}

// ---- Closing a group ---------------------------------------------------------------------

/** Students whose place in a group goes on after `today` (a place ending today does not), and of them those whose place starts later. */
export interface Remaining {
  active: number;
  upcoming: number;
}

/**
 * Who keeps a group from being closed: students whose place goes on after today, among them those
 * whose place has not started (moved on from the previous course). A place that ends today (a course
 * completed today) does not; nor does a place interrupted before it began, nor a person deleted or
 * anonymised (the group's page does not list them either, so nobody could end their place).
 */
export async function remainingStudents(db: Executor, groupId: string, today: string): Promise<Remaining> {
  const [r] = await db
    .select({
      active: sql<number>`(count(*) filter (where ${sfiEnrolments.startDate} <= ${today}))::int`,
      upcoming: sql<number>`(count(*) filter (where ${sfiEnrolments.startDate} > ${today}))::int`,
    })
    .from(sfiEnrolments)
    .innerJoin(participants, eq(participants.id, sfiEnrolments.participantId))
    .where(
      and(
        eq(sfiEnrolments.groupId, groupId),
        or(isNull(sfiEnrolments.endDate), and(gt(sfiEnrolments.endDate, today), gte(sfiEnrolments.endDate, sfiEnrolments.startDate))),
        isNull(participants.deletedAt),
        isNull(participants.erasedAt),
      ),
    );
  return { active: Number(r?.active ?? 0), upcoming: Number(r?.upcoming ?? 0) };
}

/** Why a group cannot be closed yet, in words: how many are still enrolled and what to do. */
export function closeBlockedText(t: SfiMessages, r: Remaining): string {
  const n = r.active + r.upcoming;
  const students = (n === 1 ? t.remainingOne : t.remainingMany.replace("{n}", String(n))) + (r.upcoming > 0 ? t.remainingLater.replace("{n}", String(r.upcoming)) : "");
  return t.closeBlocked.replace("{students}", students);
}

/** Active enrolment on a date: started by then and not ended before it. */
const activeOn = (date: string | SQLWrapper) => and(lte(sfiEnrolments.startDate, date), or(isNull(sfiEnrolments.endDate), gte(sfiEnrolments.endDate, date)));

/** A group as the group lists show it, with its number of students today and of those whose place starts later. */
function groupListColumns(today: string) {
  return {
    id: sfiGroups.id,
    name: sfiGroups.name,
    school: sfiGroups.school,
    studyPath: sfiGroups.studyPath,
    course: sfiGroups.course,
    schedule: sfiGroups.schedule,
    /** When the group was closed ("Avsluta gruppen"); null while it runs. */
    closedAt: sfiGroups.archivedAt,
    teachers: sql<string>`coalesce((select string_agg(u.name, ', ' order by u.name) from sfi_group_teachers gt join users u on u.id = gt.user_id where gt.group_id = sfi_groups.id), '')`,
    students: sql<number>`(select count(*)::int from sfi_enrolments e where e.group_id = sfi_groups.id
      and e.start_date <= ${today} and (e.end_date is null or e.end_date >= ${today}))`,
    startingSoon: sql<number>`(select count(*)::int from sfi_enrolments e where e.group_id = sfi_groups.id
      and e.start_date > ${today} and (e.end_date is null or e.end_date >= e.start_date))`,
  };
}
export type GroupListRow = Awaited<ReturnType<typeof listMyGroups>>[number];

export async function listMyGroups(actor: Actor, db: Executor = getDb()) {
  if (!hasPermission(actor, "sfi:read")) throw new NotFoundError("sfi");
  return db
    .select(groupListColumns(todayIso()))
    .from(sfiGroups)
    .innerJoin(sfiGroupTeachers, and(eq(sfiGroupTeachers.groupId, sfiGroups.id), eq(sfiGroupTeachers.userId, actor.id)))
    .where(and(eq(sfiGroups.municipalityId, actor.municipalityId), isNull(sfiGroups.archivedAt)))
    .orderBy(asc(sfiGroups.name));
}

/**
 * The teacher's closed groups ("Visa avslutade grupper"), the most recently closed first, a page at
 * a time: they pile up term after term, while the open ones stay few.
 */
export async function listMyClosedGroups(actor: Actor, opts: { page?: number; pageSize?: number } = {}, db: Executor = getDb()) {
  if (!hasPermission(actor, "sfi:read")) throw new NotFoundError("sfi");
  const mine = sql`exists (select 1 from sfi_group_teachers gt where gt.group_id = ${sfiGroups.id} and gt.user_id = ${actor.id})`;
  const where = and(eq(sfiGroups.municipalityId, actor.municipalityId), isNotNull(sfiGroups.archivedAt), mine);
  const [{ total }] = await db.select({ total: count() }).from(sfiGroups).where(where);
  const { offset, ...bounds } = pageBounds(total, opts);
  const rows = total
    ? await db
        .select(groupListColumns(todayIso()))
        .from(sfiGroups)
        .where(where)
        .orderBy(desc(sfiGroups.archivedAt), asc(sfiGroups.name), asc(sfiGroups.id))
        .limit(bounds.pageSize)
        .offset(offset)
    : [];
  return { rows, total, ...bounds };
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

/** A student who has been in a closed group, with the place's first and last day. */
export interface FormerStudent {
  participantId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  startDate: string;
  endDate: string | null;
}

/**
 * A teacher's group on a lesson date: its students (name and birth date only) and their sfi
 * figures. An open group also says how many keep it from being closed; a closed one lists everyone
 * who has been in it (the day's list only holds those there on that day).
 */
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
  // Students whose place starts later (moved on from the previous course, or enrolled ahead) are
  // listed apart with their first day: the group is theirs soon, but no attendance is taken yet.
  const upcoming = await db
    .select({ participantId: participants.id, firstName: participants.firstName, lastName: participants.lastName, birthDate: participants.birthDate, startDate: sfiEnrolments.startDate })
    .from(sfiEnrolments)
    .innerJoin(participants, eq(participants.id, sfiEnrolments.participantId))
    .where(
      and(
        eq(sfiEnrolments.groupId, groupId),
        gt(sfiEnrolments.startDate, lessonDate),
        or(isNull(sfiEnrolments.endDate), gte(sfiEnrolments.endDate, sfiEnrolments.startDate)),
        isNull(participants.deletedAt),
        isNull(participants.erasedAt),
      ),
    )
    .orderBy(asc(sfiEnrolments.startDate), asc(participants.lastName), asc(participants.firstName));
  // Students on an uppehåll that day are listed apart: no attendance is expected of them.
  const pauses = students.length
    ? await db
        .select({ participantId: sfiBreaks.participantId, toDate: sfiBreaks.toDate })
        .from(sfiBreaks)
        .where(and(inArray(sfiBreaks.participantId, students.map((s) => s.participantId)), eq(sfiBreaks.kind, "uppehall"), lte(sfiBreaks.fromDate, lessonDate), gte(sfiBreaks.toDate, lessonDate)))
    : [];
  const pausedUntil = new Map(pauses.map((p) => [p.participantId, p.toDate!]));
  const paused = students.filter((s) => pausedUntil.has(s.participantId)).map((s) => ({ ...s, until: pausedUntil.get(s.participantId)! }));
  const ids = students.filter((s) => !pausedUntil.has(s.participantId)).map((s) => s.participantId);
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
  const rows: StudentRow[] = students.filter((s) => !pausedUntil.has(s.participantId)).map((s) => {
    const mine = attendance.filter((a) => a.participantId === s.participantId).map((a) => ({ lessonDate: a.lessonDate, scheduledHours: Number(a.scheduledHours), attendedHours: Number(a.attendedHours) }));
    const today = mine.find((a) => a.lessonDate === lessonDate);
    const r = results.find((x) => x.participantId === s.participantId);
    return { ...s, attendedHours: today ? today.attendedHours : null, share4w: attendanceShare(mine), lastResult: r ? { grade: r.grade, course: r.course, kind: r.kind, resultDate: r.resultDate } : null };
  });
  const former: FormerStudent[] = group.archivedAt
    ? await db
        .select({ participantId: participants.id, firstName: participants.firstName, lastName: participants.lastName, birthDate: participants.birthDate, startDate: sfiEnrolments.startDate, endDate: sfiEnrolments.endDate })
        .from(sfiEnrolments)
        .innerJoin(participants, eq(participants.id, sfiEnrolments.participantId))
        .where(and(eq(sfiEnrolments.groupId, groupId), isNull(participants.deletedAt), isNull(participants.erasedAt)))
        .orderBy(asc(participants.lastName), asc(participants.firstName), asc(sfiEnrolments.startDate))
    : [];
  const shown = [...new Set([...students, ...upcoming, ...former].map((s) => s.participantId))];
  if (shown.length) {
    await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
      action: "sfi.group.read",
      entityType: "sfi_group",
      entityId: groupId,
      details: { lessonDate, participantIds: shown },
    });
  }
  return {
    group,
    students: rows,
    paused,
    upcoming,
    recorded: attendance.some((a) => a.lessonDate === lessonDate),
    closedOn: group.archivedAt ? isoDateOf(group.archivedAt) : null,
    remaining: group.archivedAt ? { active: 0, upcoming: 0 } : await remainingStudents(db, groupId, todayIso()),
    former,
  };
}

export interface SfiSummary {
  group: { name: string; school: string; studyPath: number; course: string } | null;
  share4w: number | null;
  lastResult: { grade: string; course: string; kind: string; resultDate: string } | null;
  breaks: { kind: string; reason: string | null; fromDate: string; toDate: string | null }[];
}

/**
 * What a coordinator sees of a participant's sfi: read-only, for their own unit's participants.
 * One statement (the scope check and the four reads as subqueries): the participant page draws it
 * on every view, and each round trip costs the server more than the read.
 */
export async function getSfiSummary(actor: Actor, participantId: string, asOf = todayIso(), db: Executor = getDb()): Promise<SfiSummary> {
  if (!isUuid(participantId)) throw new NotFoundError("participant");
  const { from, to } = lastFourWeeks(asOf);
  type Summary = {
    group: { name: string; school: string; studyPath: number; course: string } | null;
    attendance: { lessonDate: string; scheduledHours: number | string; attendedHours: number | string }[];
    lastResult: { grade: string; course: string; kind: string; resultDate: string } | null;
    breaks: { kind: string; reason: string | null; fromDate: string; toDate: string | null }[];
  };
  // One statement, its text built once (db/prepared.ts): the day and the four weeks go in as values.
  const row = (await scopedParticipantRow(
    db,
    actor,
    "sfi_summary",
    () => sql`
      (select json_build_object('name', ${sfiGroups.name}, 'school', ${sfiGroups.school}, 'studyPath', ${sfiGroups.studyPath}, 'course', ${sfiGroups.course})
        from ${sfiEnrolments} join ${sfiGroups} on ${sfiGroups.id} = ${sfiEnrolments.groupId}
        where ${sfiEnrolments.participantId} = ${participants.id} and ${activeOn(sql.placeholder("asOf"))}
        order by ${sfiEnrolments.startDate} desc limit 1) as "group",
      (select coalesce(json_agg(json_build_object('lessonDate', ${sfiAttendance.lessonDate}, 'scheduledHours', ${sfiAttendance.scheduledHours}, 'attendedHours', ${sfiAttendance.attendedHours})), '[]'::json)
        from ${sfiAttendance}
        where ${sfiAttendance.participantId} = ${participants.id} and ${sfiAttendance.lessonDate} >= ${sql.placeholder("from")} and ${sfiAttendance.lessonDate} <= ${sql.placeholder("to")}) as "attendance",
      (select json_build_object('grade', ${sfiResults.grade}, 'course', ${sfiResults.course}, 'kind', ${sfiResults.kind}, 'resultDate', ${sfiResults.resultDate})
        from ${sfiResults} where ${sfiResults.participantId} = ${participants.id}
        order by ${sfiResults.resultDate} desc, ${sfiResults.createdAt} desc limit 1) as "lastResult",
      (select coalesce(json_agg(json_build_object('kind', ${sfiBreaks.kind}, 'reason', ${sfiBreaks.reason}, 'fromDate', ${sfiBreaks.fromDate}, 'toDate', ${sfiBreaks.toDate}) order by ${sfiBreaks.fromDate} desc), '[]'::json)
        from ${sfiBreaks} where ${sfiBreaks.participantId} = ${participants.id}) as "breaks"`,
    participantId,
    { asOf, from, to },
  )) as Summary | undefined;
  if (!row) throw new NotFoundError("participant");
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, { action: "sfi.summary.read", entityType: "participant", entityId: participantId, participantId });
  return {
    group: row.group,
    share4w: attendanceShare(row.attendance.map((a) => ({ lessonDate: a.lessonDate, scheduledHours: Number(a.scheduledHours), attendedHours: Number(a.attendedHours) }))),
    lastResult: row.lastResult,
    breaks: row.breaks,
  };
}

// ---- Groups, enrolment and the student page ------------------------------------------------

/** Teachers a group's form lists at most: without a search the first by name, with one the first matches. */
export const TEACHER_CHOICE_LIMIT = 30;

export interface TeacherOption {
  id: string;
  name: string;
  email: string;
}

/**
 * The municipality's active sfi teachers to choose a group's teachers from (the user left out: a
 * teacher always teaches the groups they create), at most TEACHER_CHOICE_LIMIT by name, found by
 * `q` anywhere in the name or e-mail address, and how many match. A region has hundreds of sfi
 * teachers, so the form never gets them all.
 */
export async function searchSfiTeachers(actor: Actor, q: unknown, db: Executor = getDb()): Promise<{ rows: TeacherOption[]; total: number }> {
  if (!hasPermission(actor, "sfi:group:manage")) throw new NotFoundError("sfi");
  const text = typeof q === "string" ? searchText(q) : "";
  const pattern = containsPattern(text);
  const where = and(
    eq(users.municipalityId, actor.municipalityId),
    eq(users.role, "sfi_teacher"),
    eq(users.active, true),
    sql`${users.id} <> ${actor.id}`,
    text ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(users).where(where);
  const rows = total ? await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(where).orderBy(asc(users.name), asc(users.id)).limit(TEACHER_CHOICE_LIMIT) : [];
  return { rows, total };
}

/**
 * A page of the municipality's groups with their teachers and number of students: the admin's
 * overview (no student data), found by the group's or a teacher's name. At regional scale there are
 * thousands of groups: the page is chosen first, and only its groups' teachers and students are
 * counted.
 */
export async function listAllGroups(actor: Actor, opts: { q?: string; closed?: boolean; page?: number; pageSize?: number } = {}, db: Executor = getDb()) {
  if (!hasPermission(actor, "sfi:group:manage") || actor.role !== "admin") throw new NotFoundError("sfi");
  const q = searchText(opts.q);
  const pattern = containsPattern(q);
  const where = and(
    eq(sfiGroups.municipalityId, actor.municipalityId),
    // The running groups, or (closed) the closed ones, the most recently closed first.
    opts.closed ? isNotNull(sfiGroups.archivedAt) : isNull(sfiGroups.archivedAt),
    q ? or(ilike(sfiGroups.name, pattern), sql`exists (select 1 from sfi_group_teachers gt join users u on u.id = gt.user_id where gt.group_id = ${sfiGroups.id} and u.name ilike ${pattern})`) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(sfiGroups).where(where);
  const { offset, ...bounds } = pageBounds(total, opts);
  const order = opts.closed
    ? [desc(sfiGroups.archivedAt), asc(sfiGroups.name), asc(sfiGroups.id)]
    : [asc(sfiGroups.studyPath), asc(sfiGroups.course), asc(sfiGroups.name), asc(sfiGroups.id)];
  const pageIds = db.select({ id: sfiGroups.id }).from(sfiGroups).where(where).orderBy(...order).limit(bounds.pageSize).offset(offset);
  const rows = await db
    .select(groupListColumns(todayIso()))
    .from(sfiGroups)
    .where(inArray(sfiGroups.id, pageIds))
    .orderBy(...order);
  return { rows, total, ...bounds };
}

export interface Candidate {
  participantId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
}

/**
 * People of the municipality a teacher may enrol in their group, found by name and/or birth
 * date. Before enrolment a teacher learns no more than name and birth date.
 */
export async function searchStudents(actor: Actor, input: StudentSearch, db: Executor = getDb()): Promise<Candidate[]> {
  const resource = await groupResource(db, input.groupId);
  if (!resource || !can(actor, "sfi:write", resource)) throw new NotFoundError("sfi group");
  const conditions = [eq(participants.municipalityId, actor.municipalityId), isNull(participants.deletedAt), isNull(participants.erasedAt)];
  if (input.name) {
    const escaped = escapeLike(foldName(input.name));
    conditions.push(or(ilike(participants.searchName, `${escaped}%`), ilike(participants.searchName, `% ${escaped}%`))!);
  }
  if (input.birthDate) conditions.push(eq(participants.birthDate, input.birthDate));
  const today = todayIso();
  const rows = await db
    .select({ participantId: participants.id, firstName: participants.firstName, lastName: participants.lastName, birthDate: participants.birthDate })
    .from(participants)
    .where(
      and(
        ...conditions,
        sql`not exists (select 1 from sfi_enrolments e where e.group_id = ${input.groupId} and e.participant_id = ${participants.id}
          and (e.end_date is null or e.end_date >= ${today}))`,
      ),
    )
    .orderBy(asc(participants.lastName), asc(participants.firstName), asc(participants.birthDate))
    .limit(20);
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, {
    action: "sfi.enrol.search",
    entityType: "sfi_group",
    entityId: input.groupId,
    details: { by: input.name && input.birthDate ? "name+birthDate" : input.name ? "name" : "birthDate", participantIds: rows.map((r) => r.participantId) },
  });
  return rows;
}
type StudentSearch = { groupId: string; name: string; birthDate: string };

export interface StudentPage {
  group: typeof sfiGroups.$inferSelect;
  student: { participantId: string; firstName: string; lastName: string; birthDate: string };
  /** The enrolment in this group that is active on asOf, if any. */
  active: { startDate: string; endDate: string | null } | null;
  /** Otherwise the place in this group that starts after asOf (as when moved on from the previous course), if any. */
  upcoming: { startDate: string } | null;
  share4w: number | null;
  shareCourse: number | null;
  courses: CourseTime[];
  passed: PassedCourse[];
  results: { kind: string; course: string; grade: string; resultDate: string }[];
  breaks: { id: string; kind: string; reason: string | null; fromDate: string; toDate: string | null }[];
  /** The next course of the studieväg (null after the last) and the first of its groups (searchNextGroups). */
  nextCourse: string | null;
  nextGroups: { rows: NextGroup[]; total: number };
  /** The course completion or avbrott that ended the student's latest place in this group, which "Ångra" can undo; null when there is none. */
  undo: UndoOffer | null;
}

/** A place in the next course's group that a completion made. */
export interface NextPlace {
  groupId: string;
  groupName: string;
  startDate: string;
}

/** Why an ending can no longer be undone: later records depend on it. */
export type UndoBlocker =
  | { code: "later"; group: string; date: string }
  | { code: "nextChanged"; group: string; date: string }
  | { code: "nextRecorded"; group: string }
  | { code: "plan" };

export interface UndoOffer {
  kind: SfiEnrolmentEnding["kind"];
  enrolmentId: string;
  /** The place's version, which the undo form carries (a changed place is a conflict). */
  version: number;
  /** The place's last day as the ending set it. */
  endDate: string;
  breakId: string | null;
  /** The next course's place the completion made, which undoing removes too. */
  nextPlace: NextPlace | null;
  blocker: UndoBlocker | null;
}

/**
 * Whether the ending of `place` can still be undone, and the next course's place it made. Refused
 * (the first reason found) when later records depend on it: the next course's place changed (an
 * avbrott, a completed course) or has anything recorded on it (attendance, a result, a pause or an
 * avbrott in that group); another place of the student goes on after this one ended; or the sfi
 * activity on the plan was changed after the ending (by the coordinator or in another group), which
 * putting back its fields would overwrite. The same check runs in the undo's transaction.
 */
export async function undoCheck(
  db: Executor,
  place: { id: string; participantId: string; startDate: string; endDate: string | null },
  ending: SfiEnrolmentEnding,
): Promise<{ blocker: UndoBlocker | null; nextPlace: NextPlace | null }> {
  let nextPlace: NextPlace | null = null;
  if (ending.nextEnrolmentId) {
    const [n] = await db
      .select({ groupId: sfiEnrolments.groupId, startDate: sfiEnrolments.startDate, endDate: sfiEnrolments.endDate, version: sfiEnrolments.version, name: sfiGroups.name })
      .from(sfiEnrolments)
      .innerJoin(sfiGroups, eq(sfiGroups.id, sfiEnrolments.groupId))
      .where(eq(sfiEnrolments.id, ending.nextEnrolmentId));
    if (n) {
      nextPlace = { groupId: n.groupId, groupName: n.name, startDate: n.startDate };
      if (n.version !== 1 || n.endDate !== null) return { blocker: { code: "nextChanged", group: n.name, date: n.startDate }, nextPlace };
      const inNext = (t: typeof sfiAttendance | typeof sfiResults | typeof sfiBreaks) => and(eq(t.groupId, n.groupId), eq(t.participantId, place.participantId));
      const [attended] = await db.select({ one: sql<number>`1` }).from(sfiAttendance).where(inNext(sfiAttendance)).limit(1);
      const [graded] = attended ? [] : await db.select({ one: sql<number>`1` }).from(sfiResults).where(inNext(sfiResults)).limit(1);
      const [paused] = attended || graded ? [] : await db.select({ one: sql<number>`1` }).from(sfiBreaks).where(inNext(sfiBreaks)).limit(1);
      if (attended || graded || paused) return { blocker: { code: "nextRecorded", group: n.name }, nextPlace };
    }
  }
  const end = place.endDate ?? place.startDate;
  const [later] = await db
    .select({ name: sfiGroups.name, startDate: sfiEnrolments.startDate })
    .from(sfiEnrolments)
    .innerJoin(sfiGroups, eq(sfiGroups.id, sfiEnrolments.groupId))
    .where(
      and(
        eq(sfiEnrolments.participantId, place.participantId),
        notInArray(sfiEnrolments.id, ending.nextEnrolmentId ? [place.id, ending.nextEnrolmentId] : [place.id]),
        // A place that goes on after this one ended; one interrupted before it began is empty.
        or(isNull(sfiEnrolments.endDate), and(gt(sfiEnrolments.endDate, end), gte(sfiEnrolments.endDate, sfiEnrolments.startDate))),
      ),
    )
    .orderBy(asc(sfiEnrolments.startDate))
    .limit(1);
  if (later) return { blocker: { code: "later", group: later.name, date: later.startDate }, nextPlace };
  if (ending.activity) {
    const [a] = await db.select({ version: activities.version }).from(activities).where(eq(activities.id, ending.activity.id));
    if (a && a.version !== ending.activity.version) return { blocker: { code: "plan" }, nextPlace };
  }
  return { blocker: null, nextPlace };
}

/** An UndoBlocker in words. */
export function undoBlockedText(t: SfiMessages, b: UndoBlocker): string {
  switch (b.code) {
    case "later":
      return t.undoBlockedLater.replace("{group}", b.group).replace("{date}", b.date);
    case "nextChanged":
      return t.undoBlockedNextChanged.replace("{group}", b.group).replace("{date}", b.date);
    case "nextRecorded":
      return t.undoBlockedNextRecorded.replace("{group}", b.group);
    case "plan":
      return t.undoBlockedPlan;
  }
}

/** Groups of the next course a student page offers at most, without a search or as its matches. */
export const NEXT_GROUP_LIMIT = 20;

export interface NextGroup {
  id: string;
  /** The group's name and school, as the select shows it. */
  name: string;
  /** Whether the user teaches it. */
  mine: boolean;
}

/**
 * Groups of the course after `group`'s on the same studieväg in the user's municipality, to move a
 * student on to: the user's own groups first, then those of the same school, then by name; at most
 * NEXT_GROUP_LIMIT, found by `q` in the group's name or school, and how many match. A region has
 * hundreds of groups of a course, so the form never gets them all.
 */
async function nextGroupsOf(db: Executor, actor: Actor, group: { studyPath: number; course: string; school: string }, q: string): Promise<{ rows: NextGroup[]; total: number }> {
  const next = nextCourseOf(group.studyPath, group.course);
  if (!next) return { rows: [], total: 0 };
  const text = searchText(q);
  const pattern = containsPattern(text);
  const where = and(
    eq(sfiGroups.municipalityId, actor.municipalityId),
    eq(sfiGroups.studyPath, group.studyPath),
    eq(sfiGroups.course, next),
    isNull(sfiGroups.archivedAt),
    text ? or(ilike(sfiGroups.name, pattern), ilike(sfiGroups.school, pattern)) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(sfiGroups).where(where);
  if (!total) return { rows: [], total };
  const mine = sql<boolean>`exists (select 1 from sfi_group_teachers gt where gt.group_id = ${sfiGroups.id} and gt.user_id = ${actor.id})`;
  const rows = await db
    .select({ id: sfiGroups.id, name: sfiGroups.name, school: sfiGroups.school, mine })
    .from(sfiGroups)
    .where(where)
    .orderBy(desc(mine), desc(sql`${sfiGroups.school} = ${group.school}`), asc(sfiGroups.name), asc(sfiGroups.id))
    .limit(NEXT_GROUP_LIMIT);
  return { rows: rows.map((r) => ({ id: r.id, name: `${r.name} (${r.school})`, mine: Boolean(r.mine) })), total };
}

/** The student page's search for a group of the next course (nextGroupsOf), for a teacher of `groupId`. */
export async function searchNextGroups(actor: Actor, groupId: unknown, q: unknown, db: Executor = getDb()) {
  const resource = typeof groupId === "string" ? await groupResource(db, groupId) : null;
  if (!resource || !can(actor, "sfi:write", resource)) throw new NotFoundError("sfi group");
  const [group] = await db.select({ studyPath: sfiGroups.studyPath, course: sfiGroups.course, school: sfiGroups.school }).from(sfiGroups).where(eq(sfiGroups.id, groupId as string));
  return nextGroupsOf(db, actor, group, typeof q === "string" ? q : "");
}

/** One student of a teacher's group: sfi data only, for a student who is or was in the group. */
export async function getStudent(actor: Actor, groupId: string, participantId: string, asOf = todayIso(), db: Executor = getDb()): Promise<StudentPage> {
  const resource = await groupResource(db, groupId);
  if (!resource || !isUuid(participantId) || !can(actor, "sfi:read", resource)) throw new NotFoundError("student");
  const enrolments = await db
    .select({
      id: sfiEnrolments.id,
      groupId: sfiEnrolments.groupId,
      startDate: sfiEnrolments.startDate,
      endDate: sfiEnrolments.endDate,
      version: sfiEnrolments.version,
      ending: sfiEnrolments.ending,
      course: sfiGroups.course,
      studyPath: sfiGroups.studyPath,
    })
    .from(sfiEnrolments)
    .innerJoin(sfiGroups, eq(sfiGroups.id, sfiEnrolments.groupId))
    .where(eq(sfiEnrolments.participantId, participantId))
    .orderBy(asc(sfiEnrolments.startDate));
  const here = enrolments.filter((e) => e.groupId === groupId);
  if (here.length === 0) throw new NotFoundError("student");
  const [student] = await db
    .select({ participantId: participants.id, firstName: participants.firstName, lastName: participants.lastName, birthDate: participants.birthDate })
    .from(participants)
    .where(and(eq(participants.id, participantId), isNull(participants.deletedAt), isNull(participants.erasedAt)));
  if (!student) throw new NotFoundError("student");
  const [group] = await db.select().from(sfiGroups).where(eq(sfiGroups.id, groupId));
  const current = here.find((e) => e.startDate <= asOf && (e.endDate === null || e.endDate >= asOf)) ?? null;
  const upcoming = current ? null : (here.find((e) => e.startDate > asOf && (e.endDate === null || e.endDate >= e.startDate)) ?? null);
  const courseFrom = (current ?? here[here.length - 1]).startDate;
  const attendance = (
    await db
      .select({ groupId: sfiAttendance.groupId, lessonDate: sfiAttendance.lessonDate, scheduledHours: sfiAttendance.scheduledHours, attendedHours: sfiAttendance.attendedHours })
      .from(sfiAttendance)
      .where(and(eq(sfiAttendance.participantId, participantId), lte(sfiAttendance.lessonDate, asOf)))
  ).map((a) => ({ groupId: a.groupId, lessonDate: a.lessonDate, scheduledHours: Number(a.scheduledHours), attendedHours: Number(a.attendedHours) }));
  const { from } = lastFourWeeks(asOf);
  const results = await db
    .select({ kind: sfiResults.kind, course: sfiResults.course, grade: sfiResults.grade, resultDate: sfiResults.resultDate })
    .from(sfiResults)
    .where(eq(sfiResults.participantId, participantId))
    .orderBy(desc(sfiResults.resultDate), desc(sfiResults.createdAt));
  const breaks = await db
    .select({ id: sfiBreaks.id, kind: sfiBreaks.kind, reason: sfiBreaks.reason, fromDate: sfiBreaks.fromDate, toDate: sfiBreaks.toDate })
    .from(sfiBreaks)
    .where(eq(sfiBreaks.participantId, participantId))
    .orderBy(desc(sfiBreaks.fromDate), desc(sfiBreaks.createdAt));
  // The latest place here, when a completion or an avbrott recorded in the app ended it.
  const last = here[here.length - 1];
  let undo: UndoOffer | null = null;
  if (last.ending && last.endDate !== null) {
    const check = await undoCheck(db, { ...last, participantId }, last.ending);
    undo = { kind: last.ending.kind, enrolmentId: last.id, version: last.version, endDate: last.endDate, breakId: last.ending.breakId, nextPlace: check.nextPlace, blocker: check.blocker };
  }
  const next = nextCourseOf(group.studyPath, group.course);
  const nextGroups = next ? await nextGroupsOf(db, actor, group, "") : { rows: [], total: 0 };
  await writeAudit(db, { id: actor.id, municipalityId: actor.municipalityId }, { action: "sfi.student.read", entityType: "participant", entityId: participantId, participantId, details: { groupId } });
  return {
    group,
    student,
    active: current ? { startDate: current.startDate, endDate: current.endDate } : null,
    upcoming: upcoming ? { startDate: upcoming.startDate } : null,
    share4w: attendanceShare(attendance.filter((a) => a.lessonDate >= from)),
    shareCourse: attendanceShare(attendance.filter((a) => a.groupId === groupId && a.lessonDate >= courseFrom)),
    courses: timeOnCourses(enrolments, asOf),
    passed: coursesPassed(results),
    results,
    breaks,
    nextCourse: next,
    nextGroups,
    undo,
  };
}
