// Groups, enrolment, interruptions and course completion on a real database: a teacher works
// only in their own groups, enrolment puts sfi on the plan, and moving on keeps the history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, notInArray } from "drizzle-orm";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { recordResultDef } from "./commands";
import { completeCourseDef, createGroupDef, enrolDef, recordBreakDef } from "./enrolment";
import { planHistoryOf } from "@/lib/plans/testing";
import { getGroupDay, getStudent, listAllGroups, listMyGroups, searchStudents } from "./queries";
import { addDays, todayIso } from "@/lib/dates";

const TODAY = "2026-06-30";
let handle: DbHandle;
let teacher: SessionUser;
let otherTeacher: SessionUser;
let admin: SessionUser;
let coordinator: SessionUser;
const groupInput = { school: "Lärcentrum", days: [1, 2, 3, 4], start: "08:30", end: "12:00", hours: 3.5 };

beforeAll(async () => {
  const demo = await createDemoTestDb(TODAY);
  handle = demo.handle;
  teacher = demo.userBy("lena.sfi");
  admin = demo.userBy("admin");
  coordinator = demo.userBy("anna.koordinator");
  const [other] = await handle.db.insert(s.users).values({ municipalityId: teacher.municipalityId, email: "per.sfi@demo.etablera.se", name: "Per Lärare", role: "sfi_teacher" }).returning();
  otherTeacher = { id: other.id, name: other.name, email: other.email, role: other.role, municipalityId: other.municipalityId, unitId: null };
});
afterAll(async () => {
  await handle?.close();
});

const run = <T,>(def: Parameters<typeof executeAction>[0], input: unknown, user: SessionUser) => executeAction(def, input, user, handle.db) as Promise<{ ok: boolean; data: T; code?: string; fieldErrors?: Record<string, string[]> }>;

/** A participant of the municipality who has never been in any sfi group. */
/** Someone in the programme with no sfi group, results or interruptions yet (the demo has those who do). */
async function someoneWithoutSfi() {
  const enrolled = handle.db.select({ id: s.sfiEnrolments.participantId }).from(s.sfiEnrolments);
  const graded = handle.db.select({ id: s.sfiResults.participantId }).from(s.sfiResults);
  const interrupted = handle.db.select({ id: s.sfiBreaks.participantId }).from(s.sfiBreaks);
  const [p] = await handle.db
    .select()
    .from(s.participants)
    .where(
      and(
        eq(s.participants.municipalityId, teacher.municipalityId),
        notInArray(s.participants.id, enrolled),
        notInArray(s.participants.id, graded),
        notInArray(s.participants.id, interrupted),
        isNull(s.participants.programmeEnd),
      ),
    )
    .limit(1);
  return p;
}

async function newGroup(name: string, studyPath: number, course: string, by: SessionUser = teacher, teacherIds: string[] = []) {
  const r = await run<{ group: typeof s.sfiGroups.$inferSelect }>(createGroupDef, { ...groupInput, name, studyPath, course, teacherIds }, by);
  expect(r.ok).toBe(true);
  return r.data.group;
}

describe("creating groups", () => {
  it("a teacher creates a group and teaches it; an admin must name its teachers; others cannot", async () => {
    const g = await newGroup("SV3 C förmiddag", 3, "C");
    const teachers = await handle.db.select().from(s.sfiGroupTeachers).where(eq(s.sfiGroupTeachers.groupId, g.id));
    expect(teachers.map((t) => t.userId)).toEqual([teacher.id]);
    expect(g.schedule).toEqual({ days: [1, 2, 3, 4], start: "08:30", end: "12:00", hours: 3.5 });

    const none = await run(createGroupDef, { ...groupInput, name: "Utan lärare", studyPath: 1, course: "A", teacherIds: [] }, admin);
    expect(none).toMatchObject({ ok: false, code: "invalid", fieldErrors: { teacherIds: ["Välj minst en lärare."] } });
    const notATeacher = await run(createGroupDef, { ...groupInput, name: "Fel lärare", studyPath: 1, course: "A", teacherIds: [coordinator.id] }, admin);
    expect(notATeacher).toMatchObject({ ok: false, code: "invalid" });
    expect((await run(createGroupDef, { ...groupInput, name: "X", studyPath: 1, course: "A", teacherIds: [teacher.id] }, coordinator)).code).toBe("not_found");
    const byAdmin = await newGroup("SV1 A kväll", 1, "A", admin, [otherTeacher.id]);
    expect((await listAllGroups(admin, {}, handle.db)).rows.find((x) => x.id === byAdmin.id)).toMatchObject({ teachers: "Per Lärare", students: 0 });
    await expect(listAllGroups(teacher, {}, handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a course that is not on the study path, next to the field", async () => {
    const r = await run(createGroupDef, { ...groupInput, name: "Fel", studyPath: 1, course: "D" }, teacher);
    expect(r).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys(r.fieldErrors!)).toEqual(["course"]);
  });
});

describe("enrolment", () => {
  it("finds people by name or birth date and tells the teacher nothing more", async () => {
    const g = await newGroup("Sökgrupp", 2, "B");
    const p = await someoneWithoutSfi();
    const byName = await searchStudents(teacher, { groupId: g.id, name: p.lastName.toLowerCase(), birthDate: "" }, handle.db);
    expect(byName.map((c) => c.participantId)).toContain(p.id);
    for (const c of byName) expect(Object.keys(c).sort()).toEqual(["birthDate", "firstName", "lastName", "participantId"]);
    const byBirth = await searchStudents(teacher, { groupId: g.id, name: "", birthDate: p.birthDate }, handle.db);
    expect(byBirth.every((c) => c.birthDate === p.birthDate)).toBe(true);
    // Search input that looks like SQL is only text.
    expect(await searchStudents(teacher, { groupId: g.id, name: "' or 1=1 --", birthDate: "" }, handle.db)).toEqual([]);
    await expect(searchStudents(otherTeacher, { groupId: g.id, name: p.lastName, birthDate: "" }, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(searchStudents(coordinator, { groupId: g.id, name: p.lastName, birthDate: "" }, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    const audited = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "sfi.enrol.search"), eq(s.auditLog.entityId, g.id)));
    expect(audited.length).toBe(3);
  });

  it("puts sfi on the plan: a new ongoing sfi activity, or the planned one started", async () => {
    const g = await newGroup("SV2 B eftermiddag", 2, "B");
    const p = await someoneWithoutSfi();
    await handle.db.delete(s.activities).where(and(eq(s.activities.participantId, p.id), eq(s.activities.type, "sfi")));
    const r = await run<{ activityId: string; activityCreated: boolean }>(enrolDef, { groupId: g.id, participantId: p.id, startDate: "2026-06-01" }, teacher);
    expect(r.ok).toBe(true);
    expect(r.data.activityCreated).toBe(true);
    const [a] = await handle.db.select().from(s.activities).where(eq(s.activities.id, r.data.activityId));
    expect(a).toMatchObject({ type: "sfi", status: "pagaende", startDate: "2026-06-01", provider: "Lärcentrum", hoursPerWeek: "14.0" });
    expect(a.details).toMatchObject({ studyPath: 2, course: "B", groupId: g.id });
    expect((await planHistoryOf(handle.db, p.id))[0]).toMatchObject({
      kind: "activity",
      activityId: a.id,
      changedBy: teacher.id,
      summary: "Ny insats: Sfi hos Lärcentrum, pågående 2026-06-01 – tills vidare (inskriven i sfi-gruppen SV2 B eftermiddag)",
    });

    const again = await run(enrolDef, { groupId: g.id, participantId: p.id, startDate: "2026-06-02" }, teacher);
    expect(again).toMatchObject({ ok: false, code: "invalid", fieldErrors: { participantId: ["Personen är redan inskriven i gruppen."] } });
    const elsewhere = await newGroup("SV2 B annan", 2, "B");
    const other = await run(enrolDef, { groupId: elsewhere.id, participantId: p.id, startDate: "2026-06-02" }, teacher);
    expect(other.fieldErrors!.participantId[0]).toMatch(/inskriven i gruppen SV2 B eftermiddag/);

    const q = await someoneWithoutSfi();
    const [planned] = await handle.db
      .insert(s.activities)
      .values({ municipalityId: q.municipalityId, participantId: q.id, type: "sfi", status: "planerad", startDate: "2026-08-01", plannedStartDate: "2026-08-01" })
      .returning();
    const linked = await run<{ activityId: string; activityCreated: boolean }>(enrolDef, { groupId: g.id, participantId: q.id, startDate: "2026-06-10" }, teacher);
    expect(linked.data).toMatchObject({ activityId: planned.id, activityCreated: false });
    const [started] = await handle.db.select().from(s.activities).where(eq(s.activities.id, planned.id));
    expect(started).toMatchObject({ status: "pagaende", startDate: "2026-06-10", version: 2 });
    expect((await planHistoryOf(handle.db, q.id))[0]).toMatchObject({
      version: 2,
      summary: "Sfi: status planerad → pågående; startdatum 2026-08-01 → 2026-06-10; anordnare – → Lärcentrum; timmar per vecka – → 14; skola – → Lärcentrum; studieväg – → 2; kurs – → B (inskriven i sfi-gruppen SV2 B eftermiddag)",
    });
  });

  it("lets no teacher enrol into a group that is not theirs, and writes nothing then", async () => {
    const g = await newGroup("Lenas grupp", 1, "A");
    const p = await someoneWithoutSfi();
    const before = (await handle.db.select().from(s.activities).where(eq(s.activities.participantId, p.id))).length;
    const r = await run(enrolDef, { groupId: g.id, participantId: p.id, startDate: "2026-06-01" }, otherTeacher);
    expect(r.code).toBe("not_found");
    expect((await handle.db.select().from(s.activities).where(eq(s.activities.participantId, p.id))).length).toBe(before);
    expect(await handle.db.select().from(s.sfiEnrolments).where(eq(s.sfiEnrolments.participantId, p.id))).toEqual([]);
  });
});

describe("moving through the courses", () => {
  it("a passed course moves the student to the next course's group; the highest course ends sfi", async () => {
    const b = await newGroup("SV2 B", 2, "B");
    const c = await newGroup("SV2 C", 2, "C", admin, [otherTeacher.id]);
    const p = await someoneWithoutSfi();
    const enrolled = await run<{ activityId: string }>(enrolDef, { groupId: b.id, participantId: p.id, startDate: "2026-01-12" }, teacher);

    const early = await run(completeCourseDef, { groupId: b.id, participantId: p.id, completedDate: "2026-04-30", nextGroupId: c.id }, teacher);
    expect(early).toMatchObject({ ok: false, fieldErrors: { completedDate: ["Registrera först ett godkänt kursbetyg (A–E) i kurs B."] } });
    await run(recordResultDef, { groupId: b.id, participantId: p.id, kind: "kursbetyg", grade: "F", resultDate: "2026-04-20" }, teacher);
    expect((await run(completeCourseDef, { groupId: b.id, participantId: p.id, completedDate: "2026-04-30", nextGroupId: c.id }, teacher)).ok).toBe(false);
    await run(recordResultDef, { groupId: b.id, participantId: p.id, kind: "kursbetyg", grade: "C", resultDate: "2026-04-28" }, teacher);
    const wrongGroup = await run(completeCourseDef, { groupId: b.id, participantId: p.id, completedDate: "2026-04-30", nextGroupId: b.id }, teacher);
    expect(wrongGroup.fieldErrors!.nextGroupId[0]).toBe("Välj en grupp i kurs C, studieväg 2.");

    const moved = await run<{ next: string; nextGroupTaught: boolean }>(completeCourseDef, { groupId: b.id, participantId: p.id, completedDate: "2026-04-30", nextGroupId: c.id }, teacher);
    expect(moved.ok).toBe(true);
    expect(moved.data.next).toBe("C");
    // Per teaches the new group, not Lena: her page stays on the group she teaches.
    expect(moved.data.nextGroupTaught).toBe(false);
    const enrolments = await handle.db.select().from(s.sfiEnrolments).where(eq(s.sfiEnrolments.participantId, p.id));
    expect(enrolments.map((e) => [e.groupId, e.startDate, e.endDate, e.activityId]).sort()).toEqual(
      [[b.id, "2026-01-12", "2026-04-30", enrolled.data.activityId], [c.id, "2026-05-01", null, enrolled.data.activityId]].sort(),
    );
    // The first teacher still sees the history; the new group's teacher now sees the student.
    const seen = await getStudent(teacher, b.id, p.id, "2026-06-01", handle.db);
    expect(seen.active).toBeNull();
    expect(seen.upcoming).toBeNull();
    expect(seen.passed).toEqual([{ course: "B", grade: "C", resultDate: "2026-04-28" }]);
    expect(seen.courses.map((x) => [x.course, x.days, x.to])).toEqual([["B", 109, "2026-04-30"], ["C", 32, null]]);
    const there = await getStudent(otherTeacher, c.id, p.id, "2026-06-01", handle.db);
    expect(there.nextCourse).toBeNull();

    await run(recordResultDef, { groupId: c.id, participantId: p.id, kind: "kursbetyg", grade: "B", resultDate: "2026-06-10" }, otherTeacher);
    const done = await run<{ next: string | null }>(completeCourseDef, { groupId: c.id, participantId: p.id, completedDate: "2026-06-12", nextGroupId: "" }, otherTeacher);
    expect(done.data.next).toBeNull();
    const [a] = await handle.db.select().from(s.activities).where(eq(s.activities.id, enrolled.data.activityId));
    expect(a).toMatchObject({ status: "avslutad", endDate: "2026-06-12" });
    expect(a.details).toMatchObject({ course: "C", groupId: c.id });
    // Each step is in the plan's history, by the teacher who took it.
    expect((await planHistoryOf(handle.db, p.id)).slice(0, 2).map((h) => [h.changedBy, h.summary])).toEqual([
      [otherTeacher.id, "Sfi hos Lärcentrum: status pågående → avslutad; slutdatum – → 2026-06-12; resultat – → Klar med sfi kurs C (kurs C klar)"],
      [teacher.id, "Sfi hos Lärcentrum: kurs B → C (kurs B klar)"],
    ]);
  });

  it("an interruption ends the place and the activity with its reason; a pause keeps both", async () => {
    const g = await newGroup("SV1 A avbrott", 1, "A");
    const p = await someoneWithoutSfi();
    const e = await run<{ activityId: string }>(enrolDef, { groupId: g.id, participantId: p.id, startDate: "2026-02-02" }, teacher);
    const pause = await run(recordBreakDef, { groupId: g.id, participantId: p.id, kind: "uppehall", fromDate: "2026-03-01", toDate: "2026-03-31" }, teacher);
    expect(pause.ok).toBe(true);
    expect((await getStudent(teacher, g.id, p.id, "2026-04-10", handle.db)).active).not.toBeNull();
    // On a pause day the student is listed apart, with no attendance expected.
    const paused = await getGroupDay(teacher, g.id, "2026-03-10", handle.db);
    expect(paused.students.map((x) => x.participantId)).not.toContain(p.id);
    expect(paused.paused.map((x) => [x.participantId, x.until])).toEqual([[p.id, "2026-03-31"]]);
    expect((await getGroupDay(teacher, g.id, "2026-04-01", handle.db)).students.map((x) => x.participantId)).toContain(p.id);
    expect((await run(recordBreakDef, { groupId: g.id, participantId: p.id, kind: "avbrott", reason: "arbete", fromDate: "2026-04-15" }, otherTeacher)).code).toBe("not_found");
    const stop = await run(recordBreakDef, { groupId: g.id, participantId: p.id, kind: "avbrott", reason: "arbete", fromDate: "2026-04-15" }, teacher);
    expect(stop.ok).toBe(true);
    const [a] = await handle.db.select().from(s.activities).where(eq(s.activities.id, e.data.activityId));
    expect(a).toMatchObject({ status: "avbruten", endDate: "2026-04-14", interruptReason: "arbete" });
    expect((await planHistoryOf(handle.db, p.id))[0]).toMatchObject({ version: a.version, summary: "Sfi hos Lärcentrum: status pågående → avbruten; slutdatum – → 2026-04-14; skäl till avbrott – → arbete (avbrott i sfi)" });
    const [ended] = await handle.db.select().from(s.sfiEnrolments).where(eq(s.sfiEnrolments.activityId, e.data.activityId));
    expect(ended.endDate).toBe("2026-04-14");
    const student = await getStudent(teacher, g.id, p.id, "2026-05-01", handle.db);
    expect(student.active).toBeNull();
    expect(student.breaks.map((b) => [b.kind, b.reason, b.fromDate, b.toDate])).toEqual([
      ["avbrott", "arbete", "2026-04-15", null],
      ["uppehall", null, "2026-03-01", "2026-03-31"],
    ]);
    // After the interruption nothing more is written for the student in that group.
    expect((await run(recordBreakDef, { groupId: g.id, participantId: p.id, kind: "uppehall", fromDate: "2026-05-01", toDate: "2026-05-10" }, teacher)).code).toBe("not_found");
  });

  it("shows a student only to the group's teachers, and only a student who was in the group", async () => {
    const g = await newGroup("SV3 D", 3, "D");
    const p = await someoneWithoutSfi();
    await expect(getStudent(teacher, g.id, p.id, TODAY, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await run(enrolDef, { groupId: g.id, participantId: p.id, startDate: "2026-06-01" }, teacher);
    expect((await getStudent(teacher, g.id, p.id, TODAY, handle.db)).student.participantId).toBe(p.id);
    for (const who of [otherTeacher, coordinator, admin]) await expect(getStudent(who, g.id, p.id, TODAY, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getStudent(teacher, g.id, "not-a-uuid", TODAY, handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses a completion dated before the passing grade, naming the grade's date", async () => {
    const a = await newGroup("SV1 A betyg senare", 1, "A");
    const p = await someoneWithoutSfi();
    await run(enrolDef, { groupId: a.id, participantId: p.id, startDate: "2026-02-02" }, teacher);
    await run(recordResultDef, { groupId: a.id, participantId: p.id, kind: "kursbetyg", grade: "D", resultDate: "2026-05-20" }, teacher);
    const r = await run(completeCourseDef, { groupId: a.id, participantId: p.id, completedDate: "2026-05-15", nextGroupId: "" }, teacher);
    expect(r).toMatchObject({
      ok: false,
      fieldErrors: { completedDate: ["Det godkända kursbetyget i kurs A är daterat 2026-05-20, efter 2026-05-15. Kursen kan bli klar tidigast 2026-05-20."] },
    });
    expect((await run(completeCourseDef, { groupId: a.id, participantId: p.id, completedDate: "2026-05-20", nextGroupId: "" }, teacher)).ok).toBe(true);
  });

  it("a course completed today: the old group shows it ended, the new one the place from tomorrow, once", async () => {
    const b = await newGroup("SV2 B i dag", 2, "B");
    const c = await newGroup("SV2 C i morgon", 2, "C");
    const p = await someoneWithoutSfi();
    await run(enrolDef, { groupId: b.id, participantId: p.id, startDate: "2026-03-02" }, teacher);
    await run(recordResultDef, { groupId: b.id, participantId: p.id, kind: "kursbetyg", grade: "C", resultDate: "2026-06-29" }, teacher);
    const moved = await run<{ nextGroupId: string; nextGroupTaught: boolean }>(completeCourseDef, { groupId: b.id, participantId: p.id, completedDate: TODAY, nextGroupId: c.id }, teacher);
    expect(moved.data).toMatchObject({ nextGroupId: c.id, nextGroupTaught: true });

    // The new group's page of the student: enrolled from tomorrow, not "no longer enrolled".
    const there = await getStudent(teacher, c.id, p.id, TODAY, handle.db);
    expect(there.active).toBeNull();
    expect(there.upcoming).toEqual({ startDate: "2026-07-01" });
    // The completed course has ended (today), it is not ongoing.
    expect(there.courses.map((x) => [x.course, x.from, x.to])).toEqual([["B", "2026-03-02", TODAY]]);
    expect(there.passed.map((x) => x.course)).toEqual(["B"]);
    const here = await getStudent(teacher, b.id, p.id, TODAY, handle.db);
    expect(here.active).toEqual({ startDate: "2026-03-02", endDate: TODAY });
    expect(here.upcoming).toBeNull();

    // The new group lists the student as starting soon until the first day, then as a student.
    const today = await getGroupDay(teacher, c.id, TODAY, handle.db);
    expect(today.students.map((x) => x.participantId)).not.toContain(p.id);
    expect(today.upcoming.map((x) => [x.participantId, x.startDate])).toEqual([[p.id, "2026-07-01"]]);
    const tomorrow = await getGroupDay(teacher, c.id, "2026-07-01", handle.db);
    expect(tomorrow.students.map((x) => x.participantId)).toContain(p.id);
    expect(tomorrow.upcoming).toEqual([]);
    const read = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "sfi.group.read"), eq(s.auditLog.entityId, c.id)));
    expect(read[0].details).toMatchObject({ lessonDate: TODAY, participantIds: [p.id] });

    // A second click does not move the student twice.
    const again = await run(completeCourseDef, { groupId: b.id, participantId: p.id, completedDate: TODAY, nextGroupId: c.id }, teacher);
    expect(again).toMatchObject({ ok: false, fieldErrors: { completedDate: [`Kursen är redan avslutad den ${TODAY}, och eleven har en plats från 2026-07-01.`] } });
    expect((await handle.db.select().from(s.sfiEnrolments).where(eq(s.sfiEnrolments.participantId, p.id))).length).toBe(2);

    // An interruption before the place starts leaves neither a place to come nor a student to list.
    expect((await run(recordBreakDef, { groupId: c.id, participantId: p.id, kind: "avbrott", reason: "flytt", fromDate: "2026-07-01" }, teacher)).ok).toBe(true);
    expect((await getStudent(teacher, c.id, p.id, TODAY, handle.db)).upcoming).toBeNull();
    expect((await getGroupDay(teacher, c.id, TODAY, handle.db)).upcoming).toEqual([]);
  });

  it("the group lists count the students whose place starts later apart", async () => {
    const g = await newGroup("SV1 A snart", 1, "A");
    const p = await someoneWithoutSfi();
    await run(enrolDef, { groupId: g.id, participantId: p.id, startDate: addDays(todayIso(), 10) }, teacher);
    expect((await listMyGroups(teacher, handle.db)).find((x) => x.id === g.id)).toMatchObject({ students: 0, startingSoon: 1 });
  });
});
