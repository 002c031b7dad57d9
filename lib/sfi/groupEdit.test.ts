// "Ändra gruppen" on a real database: a teacher of the group and an admin may edit it; another
// teacher and another municipality's admin are told it is not there; a save over a newer version
// is a conflict that returns the saved values; at least one active teacher remains; a removed
// teacher loses the group (its day, its writes, the edit form); every edit is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction, type ActionResult } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { enrolDef, updateGroupDef, type GroupUpdated } from "./enrolment";
import { getGroupDay, getGroupForEdit, listMyGroups, type GroupFormValues } from "./queries";

let handle: DbHandle;
let lena: SessionUser;
let omar: SessionUser;
let per: SessionUser;
let gone: SessionUser;
let admin: SessionUser;
let otherAdmin: SessionUser;
let otherTeacher: SessionUser;
const schedule = { days: [1, 3], start: "08:30", end: "12:00", hours: 3.5 };

const asUser = (u: typeof s.users.$inferSelect): SessionUser => ({ id: u.id, name: u.name, email: u.email, role: u.role, municipalityId: u.municipalityId, unitId: null });
const run = (input: unknown, user: SessionUser) => executeAction(updateGroupDef, input, user, handle.db) as Promise<ActionResult<GroupUpdated>>;

beforeAll(async () => {
  handle = await createTestDb();
  const [m1] = await handle.db.insert(s.municipalities).values({ code: "9311", name: "Ett" }).returning();
  const [m2] = await handle.db.insert(s.municipalities).values({ code: "9312", name: "Två" }).returning();
  const rows = await handle.db
    .insert(s.users)
    .values([
      { municipalityId: m1.id, email: "lena@ett.se", name: "Lena Lärare", role: "sfi_teacher" },
      { municipalityId: m1.id, email: "omar@ett.se", name: "Omar Lärare", role: "sfi_teacher" },
      { municipalityId: m1.id, email: "per@ett.se", name: "Per Lärare", role: "sfi_teacher" },
      { municipalityId: m1.id, email: "gone@ett.se", name: "Greta Slutat", role: "sfi_teacher", active: false },
      { municipalityId: m1.id, email: "admin@ett.se", name: "Admin Ett", role: "admin" },
      { municipalityId: m2.id, email: "admin@tva.se", name: "Admin Två", role: "admin" },
      { municipalityId: m2.id, email: "tina@tva.se", name: "Tina Lärare", role: "sfi_teacher" },
    ])
    .returning();
  [lena, omar, per, gone, admin, otherAdmin, otherTeacher] = rows.map(asUser);
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

/** The edit form's values as the page gives them, with some changed. */
async function edit(groupId: string, user: SessionUser, change: Partial<GroupFormValues> = {}) {
  const { values } = await getGroupForEdit(user, groupId, handle.db);
  return { ...values, ...change };
}

describe("Ändra gruppen", () => {
  it("lets a teacher of the group change its name, schedule and hours and add a co-teacher", async () => {
    const g = await group([lena]);
    const r = await run(await edit(g.id, lena, { name: "Kväll B", days: ["2", "4"], start: "17:00", end: "20:00", hours: "3", teacherIds: [lena.id, omar.id] }), lena);
    expect(r.ok).toBe(true);
    const [saved] = await handle.db.select().from(s.sfiGroups).where(eq(s.sfiGroups.id, g.id));
    expect(saved).toMatchObject({ name: "Kväll B", version: 2, schedule: { days: [2, 4], start: "17:00", end: "20:00", hours: 3 } });
    expect((await getGroupForEdit(omar, g.id, handle.db)).values.teacherIds.sort()).toEqual([lena.id, omar.id].sort());
    // The co-teacher now has the group among theirs.
    expect((await listMyGroups(omar, handle.db)).map((x) => x.id)).toContain(g.id);
  });

  it("lets an admin of the municipality edit a group, and replace a teacher who has left", async () => {
    const g = await group([gone]);
    const r = await run(await edit(g.id, admin, { school: "Komvux", teacherIds: [per.id] }), admin);
    expect(r.ok).toBe(true);
    const teachers = await handle.db.select().from(s.sfiGroupTeachers).where(eq(s.sfiGroupTeachers.groupId, g.id));
    expect(teachers.map((t) => t.userId)).toEqual([per.id]);
    // The new teacher can take attendance: the group's day opens for them.
    await expect(getGroupDay(per, g.id, "2026-06-01", handle.db)).resolves.toBeTruthy();
  });

  it("refuses another teacher of the municipality and another municipality, as not found", async () => {
    const g = await group([lena]);
    const values = await edit(g.id, lena, { name: "Ändrad" });
    for (const user of [omar, otherAdmin, otherTeacher]) {
      const r = await run(values, user);
      expect(r).toMatchObject({ ok: false, code: "not_found" });
      await expect(getGroupForEdit(user, g.id, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    }
    const [saved] = await handle.db.select().from(s.sfiGroups).where(eq(s.sfiGroups.id, g.id));
    expect(saved).toMatchObject({ name: "Grupp", version: 1 });
  });

  it("returns the saved version on a conflict and keeps it", async () => {
    const g = await group([lena, omar]);
    const lenasForm = await edit(g.id, lena, { hours: "3" });
    expect((await run(await edit(g.id, omar, { name: "Omars namn" }), omar)).ok).toBe(true);
    const r = await run(lenasForm, lena);
    expect(r).toMatchObject({ ok: false, code: "conflict" });
    const current = (r as { current: GroupFormValues }).current;
    expect(current).toMatchObject({ name: "Omars namn", version: 2, hours: "3.5" });
    expect(current.teachers.map((t) => t.name)).toEqual(["Lena Lärare", "Omar Lärare"]);
    const [saved] = await handle.db.select().from(s.sfiGroups).where(eq(s.sfiGroups.id, g.id));
    expect(saved).toMatchObject({ name: "Omars namn", version: 2, schedule });
    // Re-applied on the saved version, it goes through.
    expect((await run({ ...current, hours: "3" }, lena)).ok).toBe(true);
  });

  it("keeps at least one active teacher", async () => {
    const g = await group([lena, gone]);
    const none = await run(await edit(g.id, lena, { teacherIds: [] }), lena);
    expect(none).toMatchObject({ ok: false, code: "invalid" });
    expect((none as { fieldErrors: Record<string, string[]> }).fieldErrors.teacherIds).toEqual(["Gruppen behöver minst en lärare."]);
    const onlyGone = await run(await edit(g.id, lena, { teacherIds: [gone.id] }), lena);
    expect((onlyGone as { fieldErrors: Record<string, string[]> }).fieldErrors.teacherIds).toEqual(["Gruppen behöver minst en aktiv lärare."]);
    // Nobody who is not an active sfi teacher of the municipality is added.
    for (const outsider of [admin.id, otherTeacher.id]) {
      const r = await run(await edit(g.id, lena, { teacherIds: [lena.id, outsider] }), lena);
      expect((r as { fieldErrors: Record<string, string[]> }).fieldErrors.teacherIds).toEqual(["Välj lärare bland kommunens sfi-lärare."]);
    }
    const teachers = await handle.db.select().from(s.sfiGroupTeachers).where(eq(s.sfiGroupTeachers.groupId, g.id));
    expect(teachers).toHaveLength(2);
  });

  it("takes the group from a teacher who is removed from it", async () => {
    const g = await group([lena, omar]);
    await expect(getGroupDay(omar, g.id, "2026-06-01", handle.db)).resolves.toBeTruthy();
    expect((await run(await edit(g.id, lena, { teacherIds: [lena.id] }), lena)).ok).toBe(true);
    await expect(getGroupDay(omar, g.id, "2026-06-01", handle.db)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMyGroups(omar, handle.db)).map((x) => x.id)).not.toContain(g.id);
    await expect(getGroupForEdit(omar, g.id, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    const enrol = await executeAction(enrolDef, { groupId: g.id, participantId: "00000000-0000-4000-8000-000000000001", startDate: "2026-06-01" }, omar, handle.db);
    expect(enrol).toMatchObject({ ok: false, code: "not_found" });
    const again = await run(await edit(g.id, lena, { name: "Tillbaka" }), omar);
    expect(again).toMatchObject({ ok: false, code: "not_found" });
  });

  it("audits the edit with the fields changed and the teachers added and removed", async () => {
    const g = await group([lena, omar]);
    expect((await run(await edit(g.id, admin, { name: "Ny", days: ["1", "3", "5"], teacherIds: [lena.id, per.id] }), admin)).ok).toBe(true);
    const [entry] = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "sfi.group.update"), eq(s.auditLog.entityId, g.id)));
    expect(entry).toMatchObject({ userId: admin.id, entityType: "sfi_group" });
    expect(entry.details).toEqual({ changed: ["name", "days", "teacherIds"], version: 2, teachersAdded: [per.id], teachersRemoved: [omar.id] });
  });

  it("refuses an archived group and an end before the start", async () => {
    const g = await group([lena]);
    const badTimes = await run(await edit(g.id, lena, { start: "12:00", end: "08:00" }), lena);
    expect((badTimes as { fieldErrors: Record<string, string[]> }).fieldErrors.end).toEqual(["Sluttiden måste vara efter starttiden."]);
    const values = await edit(g.id, lena, { name: "Sent" });
    await handle.db.update(s.sfiGroups).set({ archivedAt: new Date() }).where(eq(s.sfiGroups.id, g.id));
    expect(await run(values, lena)).toMatchObject({ ok: false, code: "invalid", formError: "Gruppen är avslutad och tar inte emot ändringar." });
  });
});
