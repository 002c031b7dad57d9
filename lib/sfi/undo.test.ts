// "Ångra" of a course completion or an avbrott on a real database: the group's teacher puts the
// student's place back exactly as it was (its last day, the sfi activity on the plan, the avbrott's
// row, the next course's place), in one transaction with its own audit entries; nobody else can;
// a stale page is a conflict; and it is refused when later records depend on the ending (the next
// course's place used or changed, a later place, the plan changed since) or the group is closed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction, type ActionResult } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { addDays, todayIso } from "@/lib/dates";
import { planHistoryOf } from "@/lib/plans/testing";
import { recordResultDef, saveAttendanceDef } from "./commands";
import { closeGroupDef, completeCourseDef, enrolDef, recordBreakDef, undoAvbrottDef, undoCourseCompletionDef } from "./enrolment";
import { getGroupDay, getStudent } from "./queries";

let handle: DbHandle;
let lena: SessionUser;
let omar: SessionUser;
let admin: SessionUser;
let coordinator: SessionUser;
let otherTeacher: SessionUser;
const schedule = { days: [1, 2, 3, 4, 5], start: "08:30", end: "12:00", hours: 3.5 };
const today = todayIso();
const start = addDays(today, -100);

const asUser = (u: typeof s.users.$inferSelect): SessionUser => ({ id: u.id, name: u.name, email: u.email, role: u.role, municipalityId: u.municipalityId, unitId: u.unitId });
type Result = ActionResult<unknown> & { formError?: string };
const run = (def: Parameters<typeof executeAction>[0], input: unknown, user: SessionUser) => executeAction(def, input, user, handle.db) as Promise<Result>;

beforeAll(async () => {
  handle = await createTestDb();
  const [m1] = await handle.db.insert(s.municipalities).values({ code: "9331", name: "Ett" }).returning();
  const [m2] = await handle.db.insert(s.municipalities).values({ code: "9332", name: "Två" }).returning();
  const [unit] = await handle.db.insert(s.units).values({ municipalityId: m1.id, name: "Centrum" }).returning();
  const rows = await handle.db
    .insert(s.users)
    .values([
      { municipalityId: m1.id, email: "lena@ett.se", name: "Lena Lärare", role: "sfi_teacher" },
      { municipalityId: m1.id, email: "omar@ett.se", name: "Omar Lärare", role: "sfi_teacher" },
      { municipalityId: m1.id, email: "admin@ett.se", name: "Admin Ett", role: "admin" },
      { municipalityId: m1.id, email: "anna@ett.se", name: "Anna Koordinator", role: "coordinator", unitId: unit.id },
      { municipalityId: m2.id, email: "tina@tva.se", name: "Tina Lärare", role: "sfi_teacher" },
    ])
    .returning();
  [lena, omar, admin, coordinator, otherTeacher] = rows.map(asUser);
});
afterAll(async () => {
  await handle?.close();
});

let groups = 0;
async function group(course: string, teachers: SessionUser[] = [lena], studyPath = 2) {
  const [g] = await handle.db.insert(s.sfiGroups).values({ municipalityId: lena.municipalityId, name: `Grupp ${++groups} ${course}`, school: "Lärcentrum", studyPath, course, schedule }).returning();
  await handle.db.insert(s.sfiGroupTeachers).values(teachers.map((t) => ({ groupId: g.id, userId: t.id })));
  return g;
}

let people = 0;
/** A participant of municipality 1 enrolled in `g` from `start`, with a passing grade when `grade`. */
async function student(g: typeof s.sfiGroups.$inferSelect, grade?: string) {
  const firstName = `Elev${++people}`;
  const [p] = await handle.db
    .insert(s.participants)
    .values({ municipalityId: lena.municipalityId, firstName, lastName: "Test", searchName: `${firstName.toLowerCase()} test`, birthDate: "1990-01-01", gender: "M", receptionDate: "2025-01-01" })
    .returning();
  expect((await run(enrolDef, { groupId: g.id, participantId: p.id, startDate: start }, lena)).ok).toBe(true);
  if (grade) expect((await run(recordResultDef, { groupId: g.id, participantId: p.id, kind: "kursbetyg", grade, resultDate: addDays(today, -10) }, lena)).ok).toBe(true);
  return p;
}

const placeOf = async (groupId: string, participantId: string) =>
  (await handle.db.select().from(s.sfiEnrolments).where(and(eq(s.sfiEnrolments.groupId, groupId), eq(s.sfiEnrolments.participantId, participantId))))[0];
const activityOf = async (id: string) => (await handle.db.select().from(s.activities).where(eq(s.activities.id, id)))[0];
/** The undo's input as the student's page gives it. */
async function undoInput(groupId: string, participantId: string, user = lena) {
  const page = await getStudent(user, groupId, participantId, today, handle.db);
  expect(page.undo).not.toBeNull();
  return { groupId, participantId, enrolmentId: page.undo!.enrolmentId, version: page.undo!.version };
}

describe("Ångra an avbrott", () => {
  it("puts the place, the plan and the breaks back as they were, audited", async () => {
    const g = await group("B");
    const p = await student(g);
    const before = await placeOf(g.id, p.id);
    const activityBefore = await activityOf(before.activityId!);
    expect((await run(recordBreakDef, { groupId: g.id, participantId: p.id, kind: "avbrott", reason: "arbete", fromDate: addDays(today, -3) }, lena)).ok).toBe(true);
    const page = await getStudent(lena, g.id, p.id, today, handle.db);
    expect(page.active).toBeNull();
    expect(page.undo).toMatchObject({ kind: "avbrott", endDate: addDays(today, -4), blocker: null, nextPlace: null, version: 2 });
    expect((await activityOf(before.activityId!)).status).toBe("avbruten");

    expect(await run(undoAvbrottDef, await undoInput(g.id, p.id), lena)).toMatchObject({ ok: true });
    const place = await placeOf(g.id, p.id);
    expect(place).toMatchObject({ endDate: null, ending: null, version: 3 });
    const activity = await activityOf(before.activityId!);
    expect(activity).toMatchObject({ status: activityBefore.status, endDate: activityBefore.endDate, interruptReason: null, version: activityBefore.version + 2 });
    expect(await handle.db.select().from(s.sfiBreaks).where(eq(s.sfiBreaks.participantId, p.id))).toEqual([]);
    const after = await getStudent(lena, g.id, p.id, today, handle.db);
    expect(after.active).toEqual({ startDate: start, endDate: null });
    expect(after.undo).toBeNull();
    expect(after.breaks).toEqual([]);
    // The plan's history says so, by the teacher.
    expect((await planHistoryOf(handle.db, p.id))[0]).toMatchObject({ changedBy: lena.id, summary: expect.stringContaining("status avbruten → pågående") });
    expect((await planHistoryOf(handle.db, p.id))[0].summary).toMatch(/\(ångrat avbrott i sfi\)$/);
    const entries = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.participantId, p.id), eq(s.auditLog.userId, lena.id)));
    const undo = entries.find((e) => e.action === "sfi.avbrott.undo");
    expect(undo).toMatchObject({ entityType: "sfi_break", details: { groupId: g.id, reason: "arbete", endDate: addDays(today, -4) } });
    expect(entries.find((e) => e.action === "activity.update" && (e.details as { by?: string }).by === "sfi.avbrott.undo")).toMatchObject({ entityId: activity.id });
    // The student is in the group's list again.
    expect((await getGroupDay(lena, g.id, today, handle.db)).students.map((x) => x.participantId)).toContain(p.id);
  });

  it("is for the group's own teachers only; everyone else gets nothing and changes nothing", async () => {
    const g = await group("B");
    const p = await student(g);
    await run(recordBreakDef, { groupId: g.id, participantId: p.id, kind: "avbrott", reason: "flytt", fromDate: today }, lena);
    const input = await undoInput(g.id, p.id);
    for (const user of [omar, otherTeacher, admin, coordinator]) {
      expect(await run(undoAvbrottDef, input, user)).toMatchObject({ ok: false, code: "not_found" });
      await expect(getStudent(user, g.id, p.id, today, handle.db)).rejects.toThrow();
    }
    // Another student's place, or one of another group, is not found either.
    const other = await student(g);
    expect(await run(undoAvbrottDef, { ...input, participantId: other.id }, lena)).toMatchObject({ ok: false, code: "not_found" });
    expect((await placeOf(g.id, p.id)).ending).toMatchObject({ kind: "avbrott" });
    expect(await handle.db.select().from(s.auditLog).where(eq(s.auditLog.action, "sfi.avbrott.undo"))).toHaveLength(1);
  });

  it("refuses a page opened before the place changed, and a closed group", async () => {
    const g = await group("B");
    const p = await student(g);
    await run(recordBreakDef, { groupId: g.id, participantId: p.id, kind: "avbrott", reason: "arbete", fromDate: today }, lena);
    const stale = await undoInput(g.id, p.id);
    expect((await run(undoAvbrottDef, stale, lena)).ok).toBe(true);
    // Undone already (and recorded again since): the old page is a conflict, not a second undo.
    expect(await run(undoAvbrottDef, stale, lena)).toMatchObject({ ok: false, code: "conflict" });
    await run(recordBreakDef, { groupId: g.id, participantId: p.id, kind: "avbrott", reason: "sjukdom", fromDate: today }, lena);
    expect(await run(undoAvbrottDef, stale, lena)).toMatchObject({ ok: false, code: "conflict" });
    // Not a completion: nothing of that kind to undo.
    expect(await run(undoCourseCompletionDef, await undoInput(g.id, p.id), lena)).toMatchObject({
      ok: false,
      formError: "Det finns inget avslut eller avbrott att ångra för eleven i gruppen.",
    });
    // A closed group is opened again first.
    expect((await run(closeGroupDef, { id: g.id, version: 1 }, lena)).ok).toBe(true);
    expect(await run(undoAvbrottDef, await undoInput(g.id, p.id), lena)).toMatchObject({ ok: false, formError: "Gruppen är avslutad och tar inte emot ändringar." });
    expect((await placeOf(g.id, p.id)).ending).toMatchObject({ kind: "avbrott" });
  });

  it("is refused once the plan's sfi activity was changed after it, or the student has a later place", async () => {
    const g = await group("B");
    const p = await student(g);
    const { activityId } = await placeOf(g.id, p.id);
    await run(recordBreakDef, { groupId: g.id, participantId: p.id, kind: "avbrott", reason: "arbete", fromDate: addDays(today, -20) }, lena);
    // The coordinator corrects the activity afterwards: undoing would overwrite it.
    await handle.db.update(s.activities).set({ hoursPerWeek: "10", version: sql`${s.activities.version} + 1` }).where(eq(s.activities.id, activityId!));
    const planMessage = "Det går inte längre att ångra: sfi på elevens plan har ändrats sedan dess, och den ändringen skulle skrivas över. Elevens koordinator kan rätta planen.";
    expect((await getStudent(lena, g.id, p.id, today, handle.db)).undo?.blocker).toEqual({ code: "plan" });
    expect(await run(undoAvbrottDef, await undoInput(g.id, p.id), lena)).toMatchObject({ ok: false, code: "invalid", formError: planMessage });

    const q = await student(g);
    await run(recordBreakDef, { groupId: g.id, participantId: q.id, kind: "avbrott", reason: "studier", fromDate: addDays(today, -20) }, lena);
    const elsewhere = await group("B", [omar]);
    const [later] = await handle.db.insert(s.sfiEnrolments).values({ groupId: elsewhere.id, participantId: q.id, startDate: addDays(today, -10) }).returning();
    expect(await run(undoAvbrottDef, await undoInput(g.id, q.id), lena)).toMatchObject({
      ok: false,
      formError: `Det går inte längre att ångra: eleven har en senare plats i gruppen ${elsewhere.name} (från ${later.startDate}).`,
    });
    expect((await placeOf(g.id, q.id)).endDate).toBe(addDays(today, -21));
    expect(await handle.db.select().from(s.sfiBreaks).where(eq(s.sfiBreaks.participantId, q.id))).toHaveLength(1);
  });
});

describe("Ångra a completed course", () => {
  it("puts the place back in the group and removes the next course's upcoming place", async () => {
    const b = await group("B");
    const c = await group("C", [omar]);
    const p = await student(b, "C");
    const place = await placeOf(b.id, p.id);
    const activityBefore = await activityOf(place.activityId!);
    expect((await run(completeCourseDef, { groupId: b.id, participantId: p.id, completedDate: today, nextGroupId: c.id }, lena)).ok).toBe(true);
    expect((await getGroupDay(omar, c.id, today, handle.db)).upcoming.map((x) => x.participantId)).toEqual([p.id]);
    const page = await getStudent(lena, b.id, p.id, today, handle.db);
    expect(page.undo).toMatchObject({ kind: "klar", endDate: today, blocker: null, nextPlace: { groupId: c.id, groupName: c.name, startDate: addDays(today, 1) } });

    expect(await run(undoCourseCompletionDef, await undoInput(b.id, p.id), lena)).toMatchObject({ ok: true });
    expect(await placeOf(b.id, p.id)).toMatchObject({ endDate: null, ending: null, version: 3 });
    expect(await placeOf(c.id, p.id)).toBeUndefined();
    expect((await getGroupDay(omar, c.id, today, handle.db)).upcoming).toEqual([]);
    const activity = await activityOf(place.activityId!);
    expect(activity.details).toEqual(activityBefore.details);
    expect(activity).toMatchObject({ status: "pagaende", endDate: null });
    expect((await planHistoryOf(handle.db, p.id))[0].summary).toBe("Sfi hos Lärcentrum: kurs C → B (ångrat att kursen är klar)");
    const [entry] = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "sfi.course.complete.undo"), eq(s.auditLog.participantId, p.id)));
    expect(entry).toMatchObject({ userId: lena.id, entityType: "sfi_enrolment", entityId: place.id, details: { groupId: b.id, endDate: today, nextGroupId: c.id } });
    // The grade stays; the course can be completed again.
    expect((await run(completeCourseDef, { groupId: b.id, participantId: p.id, completedDate: today, nextGroupId: c.id }, lena)).ok).toBe(true);
  });

  it("of the last course puts sfi on the plan back to ongoing", async () => {
    const c = await group("C");
    const p = await student(c, "B");
    const place = await placeOf(c.id, p.id);
    await run(completeCourseDef, { groupId: c.id, participantId: p.id, completedDate: addDays(today, -2), nextGroupId: "" }, lena);
    expect(await activityOf(place.activityId!)).toMatchObject({ status: "avslutad", endDate: addDays(today, -2), resultNote: "Klar med sfi kurs C" });
    expect((await run(undoCourseCompletionDef, await undoInput(c.id, p.id), lena)).ok).toBe(true);
    expect(await activityOf(place.activityId!)).toMatchObject({ status: "pagaende", endDate: null, resultNote: null });
    expect((await getStudent(lena, c.id, p.id, today, handle.db)).active).toEqual({ startDate: start, endDate: null });
  });

  it("is refused once anything is recorded on the next course's place, or it changed", async () => {
    const b = await group("B");
    const c = await group("C", [omar]);
    const p = await student(b, "D");
    await run(completeCourseDef, { groupId: b.id, participantId: p.id, completedDate: addDays(today, -5), nextGroupId: c.id }, lena);
    // The new group's teacher takes attendance: the place is in use.
    expect((await run(saveAttendanceDef, { groupId: c.id, lessonDate: addDays(today, -2), students: [{ participantId: p.id, presence: "present" }] }, omar)).ok).toBe(true);
    const used = `Det går inte längre att ångra: eleven har redan närvaro, resultat, uppehåll eller avbrott registrerat i gruppen ${c.name}.`;
    expect((await getStudent(lena, b.id, p.id, today, handle.db)).undo?.blocker).toEqual({ code: "nextRecorded", group: c.name });
    expect(await run(undoCourseCompletionDef, await undoInput(b.id, p.id), lena)).toMatchObject({ ok: false, code: "invalid", formError: used });
    expect(await placeOf(c.id, p.id)).toBeDefined();

    const q = await student(b, "E");
    await run(completeCourseDef, { groupId: b.id, participantId: q.id, completedDate: today, nextGroupId: c.id }, lena);
    await run(recordBreakDef, { groupId: c.id, participantId: q.id, kind: "avbrott", reason: "flytt", fromDate: addDays(today, 1) }, omar);
    expect(await run(undoCourseCompletionDef, await undoInput(b.id, q.id), lena)).toMatchObject({
      ok: false,
      formError: `Det går inte längre att ångra: platsen i gruppen ${c.name} från ${addDays(today, 1)} har ändrats sedan dess (ett avbrott eller en avslutad kurs).`,
    });
    expect((await placeOf(b.id, q.id)).endDate).toBe(today);
  });

  it("of a completion an avbrott replaced comes back in turn: each undo puts back the state before it", async () => {
    const c = await group("C");
    const p = await student(c, "A");
    const place = await placeOf(c.id, p.id);
    await run(completeCourseDef, { groupId: c.id, participantId: p.id, completedDate: addDays(today, -2), nextGroupId: "" }, lena);
    // A back-dated avbrott within the completed course replaces the completion.
    expect((await run(recordBreakDef, { groupId: c.id, participantId: p.id, kind: "avbrott", reason: "arbete", fromDate: addDays(today, -7) }, lena)).ok).toBe(true);
    expect(await activityOf(place.activityId!)).toMatchObject({ status: "avbruten", interruptReason: "arbete" });
    expect((await run(undoAvbrottDef, await undoInput(c.id, p.id), lena)).ok).toBe(true);
    expect(await placeOf(c.id, p.id)).toMatchObject({ endDate: addDays(today, -2), ending: { kind: "klar" } });
    expect(await activityOf(place.activityId!)).toMatchObject({ status: "avslutad", endDate: addDays(today, -2), interruptReason: null, resultNote: "Klar med sfi kurs C" });
    expect((await run(undoCourseCompletionDef, await undoInput(c.id, p.id), lena)).ok).toBe(true);
    expect(await placeOf(c.id, p.id)).toMatchObject({ endDate: null, ending: null });
    expect(await activityOf(place.activityId!)).toMatchObject({ status: "pagaende", endDate: null, resultNote: null });
  });
});
