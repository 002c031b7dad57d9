// Sfi on a real database: a teacher sees and writes only their own groups' students, a
// coordinator reads their unit's participants' sfi, and corrections keep the old value.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as s from "@/db/schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { recordResultDef, saveAttendanceDef } from "./commands";
import { getGroupDay, getSfiSummary, listMyGroups } from "./queries";
import { attendanceShare, lastFourWeeks } from "./attendance";
import { formatHours } from "./schema";
import { addDays, todayIso } from "@/lib/dates";

const TODAY = "2026-06-30";
let handle: DbHandle;
let teacher: SessionUser;
let otherTeacher: SessionUser;
let coordinators: SessionUser[];
let groupId: string;
let student: { id: string; unitId: string | null };

const asUser = (u: typeof s.users.$inferSelect): SessionUser => ({ id: u.id, name: u.name, email: u.email, role: u.role, municipalityId: u.municipalityId, unitId: u.unitId });

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemo(handle.db, { today: TODAY });
  const users = await handle.db.select().from(s.users);
  teacher = asUser(users.find((u) => u.role === "sfi_teacher")!);
  const [other] = await handle.db.insert(s.users).values({ municipalityId: teacher.municipalityId, email: "annan.larare@demo.etablera.se", name: "Annan Lärare", role: "sfi_teacher" }).returning();
  otherTeacher = asUser(other);
  coordinators = users.filter((u) => u.role === "coordinator").map(asUser);
  const groups = await listMyGroups(teacher, handle.db);
  groupId = groups.find((g) => g.students > 0)!.id;
  const [e] = await handle.db.select().from(s.sfiEnrolments).where(eq(s.sfiEnrolments.groupId, groupId)).limit(1);
  const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.id, e.participantId));
  student = { id: p.id, unitId: p.unitId };
});
afterAll(async () => {
  await handle?.close();
});

describe("sfi queries", () => {
  it("list only the teacher's own groups", async () => {
    expect((await listMyGroups(teacher, handle.db)).length).toBe(4);
    expect(await listMyGroups(otherTeacher, handle.db)).toEqual([]);
  });
  it("show a group's students with name and birth date only, and audit the read", async () => {
    const day = await getGroupDay(teacher, groupId, TODAY, handle.db);
    expect(day.students.length).toBeGreaterThan(0);
    expect(Object.keys(day.students[0]).sort()).toEqual(["attendedHours", "birthDate", "firstName", "lastName", "lastResult", "participantId", "share4w"]);
    const audit = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "sfi.group.read"), eq(s.auditLog.userId, teacher.id)));
    expect(audit.length).toBeGreaterThan(0);
  });
  it("give another teacher, a coordinator and a guessed id nothing", async () => {
    await expect(getGroupDay(otherTeacher, groupId, TODAY, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGroupDay(coordinators[0], groupId, TODAY, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGroupDay(teacher, "00000000-0000-4000-8000-000000000000", TODAY, handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
  it("let the coordinator of the student's unit read the sfi summary, nobody else", async () => {
    const own = coordinators.find((c) => c.unitId === student.unitId)!;
    const other = coordinators.find((c) => c.unitId !== student.unitId)!;
    const summary = await getSfiSummary(own, student.id, TODAY, handle.db);
    expect(summary.group).not.toBeNull();
    await expect(getSfiSummary(other, student.id, TODAY, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSfiSummary(teacher, student.id, TODAY, handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
  it("sum up the current group, the last four weeks' attendance and the interruptions, newest first", async () => {
    const own = coordinators.find((c) => c.unitId === student.unitId)!;
    const [e] = await handle.db.select().from(s.sfiEnrolments).where(eq(s.sfiEnrolments.participantId, student.id)).limit(1);
    const [g] = await handle.db.select().from(s.sfiGroups).where(eq(s.sfiGroups.id, e.groupId));
    await handle.db.insert(s.sfiBreaks).values([
      { participantId: student.id, groupId: g.id, kind: "uppehall", reason: null, fromDate: "2026-03-02", toDate: "2026-03-13" },
      { participantId: student.id, groupId: g.id, kind: "avbrott", reason: "arbete", fromDate: "2026-05-04", toDate: null },
    ]);
    const breaks = (await handle.db.select().from(s.sfiBreaks).where(eq(s.sfiBreaks.participantId, student.id)))
      .sort((a, b) => b.fromDate.localeCompare(a.fromDate))
      .map((b) => ({ kind: b.kind, reason: b.reason, fromDate: b.fromDate, toDate: b.toDate }));
    const { from, to } = lastFourWeeks(TODAY);
    const attendance = (await handle.db.select().from(s.sfiAttendance).where(eq(s.sfiAttendance.participantId, student.id))).filter((a) => a.lessonDate >= from && a.lessonDate <= to);
    expect(attendance.length).toBeGreaterThan(0);
    const summary = await getSfiSummary(own, student.id, TODAY, handle.db);
    expect(summary.share4w).not.toBeNull();
    expect(summary.group).toEqual({ name: g.name, school: g.school, studyPath: g.studyPath, course: g.course });
    expect(summary.share4w).toBe(attendanceShare(attendance.map((a) => ({ lessonDate: a.lessonDate, scheduledHours: Number(a.scheduledHours), attendedHours: Number(a.attendedHours) }))));
    expect(summary.breaks).toEqual(breaks);
    expect(summary.breaks).toContainEqual({ kind: "avbrott", reason: "arbete", fromDate: "2026-05-04", toDate: null });
  });
});

describe("sfi commands", () => {
  it("save a whole group's attendance in one go and keep corrections in the audit log", async () => {
    const day = await getGroupDay(teacher, groupId, "2026-07-01", handle.db);
    const students = day.students.map((st, i) => ({ participantId: st.participantId, presence: i === 0 ? ("absent" as const) : ("present" as const) }));
    const first = await executeAction(saveAttendanceDef, { groupId, lessonDate: "2026-07-01", students }, teacher, handle.db);
    expect(first).toMatchObject({ ok: true, data: { saved: students.length, absent: 1, corrections: [] } });
    students[0] = { participantId: students[0].participantId, presence: "present" };
    const second = await executeAction(saveAttendanceDef, { groupId, lessonDate: "2026-07-01", students }, teacher, handle.db);
    expect(second.ok && second.data.corrections).toEqual([{ participantId: students[0].participantId, from: 0, to: day.group.schedule.hours }]);
    const history = await handle.db.select().from(s.auditLog).where(eq(s.auditLog.action, "sfi.attendance.correct"));
    expect(history[0].details).toMatchObject({ from: 0, to: day.group.schedule.hours, lessonDate: "2026-07-01" });
  });
  it("refuse another teacher, and a student who is not in the group", async () => {
    const day = await getGroupDay(teacher, groupId, TODAY, handle.db);
    const students = [{ participantId: day.students[0].participantId, presence: "present" as const }];
    expect(await executeAction(saveAttendanceDef, { groupId, lessonDate: TODAY, students }, otherTeacher, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    const [outsider] = await handle.db.select().from(s.participants).limit(200).then((ps) => ps.filter((p) => !day.students.some((st) => st.participantId === p.id)));
    expect(await executeAction(saveAttendanceDef, { groupId, lessonDate: TODAY, students: [{ participantId: outsider.id, presence: "absent" }] }, teacher, handle.db)).toMatchObject({ ok: false, code: "not_found" });
  });
  it("validate partial hours next to the field", async () => {
    const day = await getGroupDay(teacher, groupId, TODAY, handle.db);
    const r = await executeAction(saveAttendanceDef, { groupId, lessonDate: TODAY, students: [{ participantId: day.students[0].participantId, presence: "partial" }] }, teacher, handle.db);
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "students.0.partialHours": ["Ange hur många timmar personen var närvarande."] } });
  });
  it("record a course result that the coordinator then sees", async () => {
    const r = await executeAction(recordResultDef, { groupId, participantId: student.id, kind: "kursbetyg", grade: "C", resultDate: TODAY }, teacher, handle.db);
    expect(r.ok).toBe(true);
    const own = coordinators.find((c) => c.unitId === student.unitId)!;
    expect((await getSfiSummary(own, student.id, TODAY, handle.db)).lastResult).toMatchObject({ grade: "C", kind: "kursbetyg" });
  });
});

describe("sfi commands refuse what cannot be right", () => {
  const attendanceOn = (lessonDate: string) => handle.db.select().from(s.sfiAttendance).where(and(eq(s.sfiAttendance.groupId, groupId), eq(s.sfiAttendance.lessonDate, lessonDate)));

  it("refuse attendance for a lesson after today (Swedish time), next to the date, and write nothing", async () => {
    const day = await getGroupDay(teacher, groupId, TODAY, handle.db);
    const students = day.students.map((st) => ({ participantId: st.participantId, presence: "present" as const }));
    const tomorrow = addDays(todayIso(), 1);
    const r = await executeAction(saveAttendanceDef, { groupId, lessonDate: tomorrow, students }, teacher, handle.db);
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { lessonDate: ["Närvaro kan inte registreras för ett datum efter i dag."] } });
    expect(await attendanceOn(tomorrow)).toEqual([]);
  });

  it("refuse more partial hours than the lesson next to the row, and save those within it", async () => {
    const lessonDate = "2026-06-28";
    const day = await getGroupDay(teacher, groupId, lessonDate, handle.db);
    const hours = day.group.schedule.hours;
    const before = await attendanceOn(lessonDate);
    const students = day.students.map((st, i) => ({ participantId: st.participantId, presence: i === 1 ? ("partial" as const) : ("present" as const), partialHours: i === 1 ? hours + 7 : undefined }));
    const r = await executeAction(saveAttendanceDef, { groupId, lessonDate, students }, teacher, handle.db);
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { "students.1.partialHours": [`Högst ${formatHours(hours)} timmar.`] } });
    expect(await attendanceOn(lessonDate)).toEqual(before);

    students[1].partialHours = hours - 1;
    expect(await executeAction(saveAttendanceDef, { groupId, lessonDate, students }, teacher, handle.db)).toMatchObject({ ok: true });
    const [row] = (await attendanceOn(lessonDate)).filter((a) => a.participantId === students[1].participantId);
    expect(Number(row.attendedHours)).toBe(hours - 1);
  });

  it("refuse a result dated after today", async () => {
    const r = await executeAction(recordResultDef, { groupId, participantId: student.id, kind: "kursbetyg", grade: "B", resultDate: addDays(todayIso(), 1) }, teacher, handle.db);
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { resultDate: ["Ett resultat kan inte dateras efter i dag."] } });
    const r2 = await executeAction(recordResultDef, { groupId, participantId: student.id, kind: "kursbetyg", grade: "B", resultDate: "2030-06-01" }, teacher, handle.db);
    expect(r2.ok).toBe(false);
  });

  it("refuse the same result twice with the reason, and take another grade the same day", async () => {
    const input = { groupId, participantId: student.id, kind: "nationellt_prov", grade: "B", resultDate: "2026-06-29" };
    const first = await executeAction(recordResultDef, input, teacher, handle.db);
    expect(first.ok).toBe(true);
    const course = first.ok ? first.data.course : "";
    const again = await executeAction(recordResultDef, input, teacher, handle.db);
    expect(again).toMatchObject({ ok: false, code: "invalid", formError: `Resultatet finns redan: nationellt prov B i kurs ${course} den 2026-06-29.` });
    const rows = await handle.db.select().from(s.sfiResults).where(and(eq(s.sfiResults.participantId, student.id), eq(s.sfiResults.kind, "nationellt_prov"), eq(s.sfiResults.resultDate, "2026-06-29")));
    expect(rows.length).toBe(1);
    expect((await executeAction(recordResultDef, { ...input, grade: "A" }, teacher, handle.db)).ok).toBe(true);
  });

  it("tell why a result is refused for a student of the group on a day they were not in it; give nothing about others", async () => {
    const [e] = await handle.db.select().from(s.sfiEnrolments).where(and(eq(s.sfiEnrolments.groupId, groupId), eq(s.sfiEnrolments.participantId, student.id)));
    const before = addDays(e.startDate, -1);
    const period = e.endDate ? `${e.startDate}–${e.endDate}` : `från ${e.startDate}`;
    const r = await executeAction(recordResultDef, { groupId, participantId: student.id, kind: "kursbetyg", grade: "C", resultDate: before }, teacher, handle.db);
    expect(r).toMatchObject({ ok: false, code: "invalid", fieldErrors: { participantId: [`Eleven var inte inskriven i gruppen den ${before} (inskriven ${period}).`] } });
    const enrolled = (await handle.db.select().from(s.sfiEnrolments).where(eq(s.sfiEnrolments.groupId, groupId))).map((x) => x.participantId);
    const [outsider] = (await handle.db.select().from(s.participants).limit(200)).filter((p) => !enrolled.includes(p.id));
    expect(await executeAction(recordResultDef, { groupId, participantId: outsider.id, kind: "kursbetyg", grade: "C", resultDate: TODAY }, teacher, handle.db)).toMatchObject({ ok: false, code: "not_found" });
  });
});
