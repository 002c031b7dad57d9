// "Avsluta gruppen" and "Öppna gruppen igen" on a real database: a teacher of the group and an admin
// of its municipality may close and reopen it; another teacher, another municipality and a
// coordinator are told it is not there; a group is not closed while a student's place goes on
// (the count in words); a stale page is a conflict; a closed group takes no writes, is listed apart
// (a page at a time, the teacher's own and the municipality's only) and lists who has been in it;
// every close and reopen is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction, type ActionResult } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { addDays, isoDateOf, todayIso } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";
import { recordResultDef, saveAttendanceDef } from "./commands";
import { closeGroupDef, enrolDef, recordBreakDef, reopenGroupDef } from "./enrolment";
import { getGroupDay, getGroupForEdit, getStudent, listAllGroups, listMyClosedGroups, listMyGroups } from "./queries";

let handle: DbHandle;
let lena: SessionUser;
let omar: SessionUser;
let admin: SessionUser;
let coordinator: SessionUser;
let otherAdmin: SessionUser;
let otherTeacher: SessionUser;
const schedule = { days: [1, 2, 3, 4, 5], start: "08:30", end: "12:00", hours: 3.5 };
const today = todayIso();

const asUser = (u: typeof s.users.$inferSelect): SessionUser => ({ id: u.id, name: u.name, email: u.email, role: u.role, municipalityId: u.municipalityId, unitId: u.unitId });
type Result = ActionResult<unknown> & { formError?: string; current?: unknown };
const close = (input: unknown, user: SessionUser) => executeAction(closeGroupDef, input, user, handle.db) as Promise<Result>;
const reopen = (input: unknown, user: SessionUser) => executeAction(reopenGroupDef, input, user, handle.db) as Promise<Result>;

beforeAll(async () => {
  handle = await createTestDb();
  const [m1] = await handle.db.insert(s.municipalities).values({ code: "9321", name: "Ett" }).returning();
  const [m2] = await handle.db.insert(s.municipalities).values({ code: "9322", name: "Två" }).returning();
  const [unit] = await handle.db.insert(s.units).values({ municipalityId: m1.id, name: "Centrum" }).returning();
  const rows = await handle.db
    .insert(s.users)
    .values([
      { municipalityId: m1.id, email: "lena@ett.se", name: "Lena Lärare", role: "sfi_teacher" },
      { municipalityId: m1.id, email: "omar@ett.se", name: "Omar Lärare", role: "sfi_teacher" },
      { municipalityId: m1.id, email: "admin@ett.se", name: "Admin Ett", role: "admin" },
      { municipalityId: m1.id, email: "anna@ett.se", name: "Anna Koordinator", role: "coordinator", unitId: unit.id },
      { municipalityId: m2.id, email: "admin@tva.se", name: "Admin Två", role: "admin" },
      { municipalityId: m2.id, email: "tina@tva.se", name: "Tina Lärare", role: "sfi_teacher" },
    ])
    .returning();
  [lena, omar, admin, coordinator, otherAdmin, otherTeacher] = rows.map(asUser);
});
afterAll(async () => {
  await handle?.close();
});

/** A new group of municipality 1 taught by `teachers`. */
async function group(teachers: SessionUser[], name = "Grupp") {
  const [g] = await handle.db.insert(s.sfiGroups).values({ municipalityId: lena.municipalityId, name, school: "Lärcentrum", studyPath: 2, course: "B", schedule }).returning();
  await handle.db.insert(s.sfiGroupTeachers).values(teachers.map((t) => ({ groupId: g.id, userId: t.id })));
  return g;
}

let people = 0;
/** A participant of municipality 1. */
async function person(extra: Partial<typeof s.participants.$inferInsert> = {}) {
  const firstName = `Elev${++people}`;
  const [p] = await handle.db
    .insert(s.participants)
    .values({ municipalityId: lena.municipalityId, firstName, lastName: "Test", searchName: `${firstName.toLowerCase()} test`, birthDate: "1990-01-01", gender: "K", receptionDate: "2025-01-01", ...extra })
    .returning();
  return p;
}

const stateOf = async (id: string) => (await handle.db.select().from(s.sfiGroups).where(eq(s.sfiGroups.id, id)))[0];

describe("Avsluta gruppen", () => {
  it("lets a teacher of the group close it: read but not written, listed apart, audited", async () => {
    const g = await group([lena, omar], "Kväll B");
    const p = await person();
    // A student whose course was completed today: the place ends today, which does not keep the group open.
    await handle.db.insert(s.sfiEnrolments).values({ groupId: g.id, participantId: p.id, startDate: addDays(today, -60), endDate: today });
    expect(await close({ id: g.id, version: 1 }, lena)).toMatchObject({ ok: true });
    const closed = await stateOf(g.id);
    expect(closed.archivedAt).not.toBeNull();
    expect(closed.version).toBe(2);
    const [entry] = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "sfi.group.close"), eq(s.auditLog.entityId, g.id)));
    expect(entry).toMatchObject({ userId: lena.id, entityType: "sfi_group", details: { version: 2 } });

    // The open list leaves it out; the closed list has it, with the day, for both its teachers.
    expect((await listMyGroups(lena, handle.db)).map((x) => x.id)).not.toContain(g.id);
    for (const teacher of [lena, omar]) {
      const list = await listMyClosedGroups(teacher, {}, handle.db);
      expect(list.rows.find((x) => x.id === g.id)).toMatchObject({ name: "Kväll B", closedAt: closed.archivedAt });
    }
    // The page reads: the day it was closed and everyone who has been in the group.
    const day = await getGroupDay(lena, g.id, today, handle.db);
    expect(day.closedOn).toBe(isoDateOf(closed.archivedAt!));
    expect(day.former.map((f) => [f.participantId, f.endDate])).toEqual([[p.id, today]]);
    expect((await getStudent(lena, g.id, p.id, today, handle.db)).group.archivedAt).not.toBeNull();

    // Nothing is written to it: attendance, results, enrolment, a pause.
    const refused = { ok: false, code: "invalid", formError: "Gruppen är avslutad och tar inte emot ändringar." };
    expect(await executeAction(saveAttendanceDef, { groupId: g.id, lessonDate: today, students: [{ participantId: p.id, presence: "present" }] }, lena, handle.db)).toMatchObject(refused);
    expect(await executeAction(recordResultDef, { groupId: g.id, participantId: p.id, kind: "kursbetyg", grade: "C", resultDate: today }, lena, handle.db)).toMatchObject(refused);
    expect(await executeAction(enrolDef, { groupId: g.id, participantId: (await person()).id, startDate: today }, lena, handle.db)).toMatchObject(refused);
    expect(await executeAction(recordBreakDef, { groupId: g.id, participantId: p.id, kind: "uppehall", fromDate: today, toDate: addDays(today, 5) }, lena, handle.db)).toMatchObject(refused);
    expect(await handle.db.select().from(s.sfiAttendance).where(eq(s.sfiAttendance.groupId, g.id))).toEqual([]);
  });

  it("lets an admin of the municipality close a group, and nobody else", async () => {
    const g = await group([lena]);
    for (const user of [omar, otherAdmin, otherTeacher, coordinator]) {
      expect(await close({ id: g.id, version: 1 }, user)).toMatchObject({ ok: false, code: "not_found" });
      expect(await reopen({ id: g.id, version: 1 }, user)).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await stateOf(g.id)).toMatchObject({ archivedAt: null, version: 1 });
    expect(await close({ id: g.id, version: 1 }, admin)).toMatchObject({ ok: true });
    expect((await stateOf(g.id)).archivedAt).not.toBeNull();
    // Nobody else's closed list has it; a guessed id is not found.
    expect((await listMyClosedGroups(omar, {}, handle.db)).rows.map((x) => x.id)).not.toContain(g.id);
    expect((await listMyClosedGroups(otherTeacher, {}, handle.db)).total).toBe(0);
    expect((await listAllGroups(otherAdmin, { closed: true }, handle.db)).total).toBe(0);
    expect((await listAllGroups(admin, { closed: true }, handle.db)).rows.map((x) => x.id)).toContain(g.id);
    expect((await listAllGroups(admin, {}, handle.db)).rows.map((x) => x.id)).not.toContain(g.id);
    await expect(listMyClosedGroups(coordinator, {}, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getGroupDay(omar, g.id, today, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    expect(await close({ id: "00000000-0000-4000-8000-000000000000", version: 1 }, lena)).toMatchObject({ ok: false, code: "not_found" });
  });

  it("is refused while students are still enrolled, saying how many and what to do", async () => {
    const g = await group([lena]);
    const [a, b, c, d, gone] = [await person(), await person(), await person(), await person(), await person({ deletedAt: new Date() })];
    await handle.db.insert(s.sfiEnrolments).values([
      // In the group now, and one whose avbrott from next week is known already: both still enrolled.
      { groupId: g.id, participantId: a.id, startDate: addDays(today, -30) },
      { groupId: g.id, participantId: b.id, startDate: addDays(today, -30), endDate: addDays(today, 6) },
      // Moved on from the previous course, starting tomorrow.
      { groupId: g.id, participantId: c.id, startDate: addDays(today, 1) },
      // A place interrupted before it began, and a deleted person's: neither keeps the group open.
      { groupId: g.id, participantId: d.id, startDate: addDays(today, 10), endDate: addDays(today, 9) },
      { groupId: g.id, participantId: gone.id, startDate: addDays(today, -30) },
    ]);
    const message = "Gruppen kan avslutas när ingen elev är inskriven längre: 3 elever är fortfarande inskrivna (varav 1 börjar senare). Registrera först att kursen är klar eller ett avbrott för var och en.";
    expect(await close({ id: g.id, version: 1 }, lena)).toMatchObject({ ok: false, code: "invalid", formError: message });
    // The pages say the same before anyone tries: the counts only, for the admin too.
    expect((await getGroupDay(lena, g.id, today, handle.db)).remaining).toEqual({ active: 2, upcoming: 1 });
    expect((await getGroupForEdit(admin, g.id, handle.db)).remaining).toEqual({ active: 2, upcoming: 1 });
    expect(await stateOf(g.id)).toMatchObject({ archivedAt: null, version: 1 });

    await handle.db.update(s.sfiEnrolments).set({ endDate: today }).where(and(eq(s.sfiEnrolments.groupId, g.id), eq(s.sfiEnrolments.participantId, a.id)));
    await handle.db.update(s.sfiEnrolments).set({ endDate: addDays(today, -1) }).where(and(eq(s.sfiEnrolments.groupId, g.id), eq(s.sfiEnrolments.participantId, b.id)));
    expect((await close({ id: g.id, version: 1 }, lena)).formError).toBe(
      "Gruppen kan avslutas när ingen elev är inskriven längre: 1 elev är fortfarande inskriven (varav 1 börjar senare). Registrera först att kursen är klar eller ett avbrott för var och en.",
    );
    await handle.db.update(s.sfiEnrolments).set({ endDate: today }).where(and(eq(s.sfiEnrolments.groupId, g.id), eq(s.sfiEnrolments.participantId, c.id)));
    expect(await close({ id: g.id, version: 1 }, lena)).toMatchObject({ ok: true });
  });

  it("refuses a page opened on an older version as a conflict, with the group as it is now", async () => {
    const g = await group([lena, omar]);
    expect((await close({ id: g.id, version: 1 }, omar)).ok).toBe(true);
    const stale = await close({ id: g.id, version: 1 }, lena);
    expect(stale).toMatchObject({ ok: false, code: "conflict", current: { id: g.id, version: 2, closedOn: today } });
    // With the version it has now, it says the group is closed already.
    expect(await close({ id: g.id, version: 2 }, lena)).toMatchObject({ ok: false, code: "invalid", formError: `Gruppen är redan avslutad (${today}).` });
    expect(await reopen({ id: g.id, version: 1 }, lena)).toMatchObject({ ok: false, code: "conflict" });
    expect((await stateOf(g.id)).version).toBe(2);
    expect(await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "sfi.group.close"), eq(s.auditLog.entityId, g.id)))).toHaveLength(1);
  });
});

describe("Öppna gruppen igen", () => {
  it("lets a teacher or an admin open a closed group again, audited with the day it had been closed", async () => {
    const g = await group([lena]);
    await close({ id: g.id, version: 1 }, lena);
    expect(await reopen({ id: g.id, version: 2 }, lena)).toMatchObject({ ok: true });
    expect(await stateOf(g.id)).toMatchObject({ archivedAt: null, version: 3 });
    expect((await listMyGroups(lena, handle.db)).map((x) => x.id)).toContain(g.id);
    expect((await listMyClosedGroups(lena, {}, handle.db)).rows.map((x) => x.id)).not.toContain(g.id);
    const [entry] = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "sfi.group.reopen"), eq(s.auditLog.entityId, g.id)));
    expect(entry).toMatchObject({ userId: lena.id, entityType: "sfi_group", details: { version: 3, closedAt: today } });
    // Open again, it takes writes; an open group cannot be reopened.
    expect(await reopen({ id: g.id, version: 3 }, lena)).toMatchObject({ ok: false, code: "invalid", formError: "Gruppen är inte avslutad." });
    await close({ id: g.id, version: 3 }, admin);
    expect(await reopen({ id: g.id, version: 4 }, admin)).toMatchObject({ ok: true });
    expect((await getGroupForEdit(lena, g.id, handle.db)).closedOn).toBeNull();
  });

  it("lists a teacher's closed groups a page at a time, the most recently closed first", async () => {
    const [m] = await handle.db.insert(s.municipalities).values({ code: "9323", name: "Tre" }).returning();
    const [u] = await handle.db.insert(s.users).values({ municipalityId: m.id, email: "sara@tre.se", name: "Sara Lärare", role: "sfi_teacher" }).returning();
    const sara = asUser(u);
    const made = await handle.db
      .insert(s.sfiGroups)
      .values(Array.from({ length: 55 }, (_, i) => ({ municipalityId: m.id, name: `G ${String(i).padStart(2, "0")}`, school: "Skolan", studyPath: 1, course: "A", schedule, archivedAt: new Date(Date.UTC(2026, 0, 1 + i)) })))
      .returning();
    await handle.db.insert(s.sfiGroupTeachers).values(made.map((g) => ({ groupId: g.id, userId: sara.id })));
    const first = await listMyClosedGroups(sara, {}, handle.db);
    expect(first).toMatchObject({ total: 55, page: 1, pages: 2, pageSize: 50 });
    expect(first.rows.slice(0, 2).map((g) => g.name)).toEqual(["G 54", "G 53"]);
    const second = await listMyClosedGroups(sara, { page: 2 }, handle.db);
    expect(second.rows.map((g) => g.name)).toEqual(["G 04", "G 03", "G 02", "G 01", "G 00"]);
    expect(await listMyGroups(sara, handle.db)).toEqual([]);
  });
});
