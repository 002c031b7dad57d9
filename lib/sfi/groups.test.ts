// The admin's overview of sfi groups a page at a time on a real database: pages in the order of
// studieväg, course and name, the count over the whole filtered list, search by the group's or a
// teacher's name (wildcards taken literally), teachers and students of the page's groups, archived
// groups and other municipalities left out, and nobody but an admin. And the new group's teacher
// search: 30 at most, by name or e-mail, the own municipality's active teachers only; and the
// student page's groups of the next course: 20 at most, the teacher's and the school's first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { listAllGroups, listMyGroups, NEXT_GROUP_LIMIT, searchNextGroups, searchSfiTeachers, TEACHER_CHOICE_LIMIT } from "./queries";

let handle: DbHandle;
let admin: Actor;
let teacher: Actor;
let otherAdmin: Actor;
const schedule = { days: [1, 3], start: "08:30", end: "12:00", hours: 3.5 };

beforeAll(async () => {
  handle = await createTestDb();
  const [m1] = await handle.db.insert(s.municipalities).values({ code: "9301", name: "Ett" }).returning();
  const [m2] = await handle.db.insert(s.municipalities).values({ code: "9302", name: "Två" }).returning();
  const [a1, t1, t2, a2] = await handle.db
    .insert(s.users)
    .values([
      { municipalityId: m1.id, email: "admin@ett.se", name: "Admin Ett", role: "admin" },
      { municipalityId: m1.id, email: "lena@ett.se", name: "Lena Lärare", role: "sfi_teacher" },
      { municipalityId: m1.id, email: "omar@ett.se", name: "Omar Lärare", role: "sfi_teacher" },
      { municipalityId: m2.id, email: "admin@tva.se", name: "Admin Två", role: "admin" },
    ])
    .returning();
  admin = { id: a1.id, role: "admin", municipalityId: m1.id, unitId: null };
  teacher = { id: t1.id, role: "sfi_teacher", municipalityId: m1.id, unitId: null };
  otherAdmin = { id: a2.id, role: "admin", municipalityId: m2.id, unitId: null };
  // 110 groups of studieväg 2 course B "Grupp 000" … "Grupp 109", and three of studieväg 1 course A
  // that come first; one archived; one of the neighbour's.
  const groups = [
    ...Array.from({ length: 110 }, (_, i) => ({ municipalityId: m1.id, name: `Grupp ${String(i).padStart(3, "0")}`, school: "Lärcentrum", studyPath: 2, course: "B", schedule })),
    { municipalityId: m1.id, name: "Dag 50% distans", school: "Komvux", studyPath: 1, course: "A", schedule },
    { municipalityId: m1.id, name: "Kväll 500", school: "Komvux", studyPath: 1, course: "A", schedule },
    { municipalityId: m1.id, name: "Kväll 500", school: "Komvux", studyPath: 1, course: "A", schedule },
    { municipalityId: m1.id, name: "Grupp arkiverad", school: "Lärcentrum", studyPath: 1, course: "A", schedule, archivedAt: new Date() },
    { municipalityId: m2.id, name: "Grupp 000", school: "Grannskolan", studyPath: 1, course: "A", schedule },
  ];
  const made = await handle.db.insert(s.sfiGroups).values(groups).returning();
  const group = (name: string) => made.find((g) => g.name === name && g.municipalityId === m1.id)!;
  // Lena teaches Grupp 060 (page 2) with Omar, and Grupp 005; Omar alone Grupp 107.
  await handle.db.insert(s.sfiGroupTeachers).values([
    { groupId: group("Grupp 060").id, userId: t1.id },
    { groupId: group("Grupp 060").id, userId: t2.id },
    { groupId: group("Grupp 005").id, userId: t1.id },
    { groupId: group("Grupp 107").id, userId: t2.id },
  ]);
  // Two students in Grupp 060 today, one who left.
  const people = await handle.db
    .insert(s.participants)
    .values(["Ali", "Bo", "Cem"].map((firstName) => ({ municipalityId: m1.id, firstName, lastName: "Elev", searchName: `${firstName.toLowerCase()} elev`, birthDate: "1990-01-01", gender: "K" as const, receptionDate: "2026-01-01" })))
    .returning();
  await handle.db.insert(s.sfiEnrolments).values(people.map((p, i) => ({ groupId: group("Grupp 060").id, participantId: p.id, startDate: "2020-01-01", endDate: i === 2 ? "2020-01-31" : null })));
});
afterAll(async () => {
  await handle?.close();
});

describe("listAllGroups", () => {
  it("comes 50 a page by studieväg, course and name, with the count over the whole list", async () => {
    const first = await listAllGroups(admin, {}, handle.db);
    expect(first).toMatchObject({ total: 113, page: 1, pages: 3, pageSize: 50 });
    expect(first.rows.slice(0, 4).map((g) => g.name)).toEqual(["Dag 50% distans", "Kväll 500", "Kväll 500", "Grupp 000"]);
    const pages = [first, await listAllGroups(admin, { page: 2 }, handle.db), await listAllGroups(admin, { page: 3 }, handle.db)];
    expect(pages[2].rows.map((g) => g.name)).toEqual(Array.from({ length: 13 }, (_, i) => `Grupp ${String(97 + i).padStart(3, "0")}`));
    expect(new Set(pages.flatMap((p) => p.rows.map((g) => g.id))).size).toBe(113);
    expect(pages.flatMap((p) => p.rows.map((g) => g.name))).not.toContain("Grupp arkiverad");
    // Two of the same name, in a fixed order: a page never repeats nor skips one of them.
    const twins = first.rows.slice(1, 3).map((g) => g.id);
    expect(twins).toEqual([...twins].sort());
  });

  it("shows the last page for one past it and the first for nonsense", async () => {
    expect(await listAllGroups(admin, { page: 1000 }, handle.db)).toMatchObject({ page: 3, pages: 3 });
    for (const page of [0, -3, NaN]) expect((await listAllGroups(admin, { page }, handle.db)).rows[0].name).toBe("Dag 50% distans");
  });

  it("gives the page's groups their teachers and today's students", async () => {
    const page2 = await listAllGroups(admin, { page: 2 }, handle.db);
    expect(page2.rows.find((g) => g.name === "Grupp 060")).toMatchObject({ teachers: "Lena Lärare, Omar Lärare", students: 2 });
    expect(page2.rows.find((g) => g.name === "Grupp 061")).toMatchObject({ teachers: "", students: 0 });
  });

  it("finds by the group's or a teacher's name, % and _ literally", async () => {
    expect((await listAllGroups(admin, { q: " grupp 10 " }, handle.db)).rows.map((g) => g.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Grupp 10${i}`));
    expect((await listAllGroups(admin, { q: "lena" }, handle.db)).rows.map((g) => g.name)).toEqual(["Grupp 005", "Grupp 060"]);
    expect((await listAllGroups(admin, { q: "Omar" }, handle.db)).total).toBe(2);
    expect((await listAllGroups(admin, { q: "50%" }, handle.db)).rows.map((g) => g.name)).toEqual(["Dag 50% distans"]);
    expect((await listAllGroups(admin, { q: "Kväll 5_0" }, handle.db)).total).toBe(0);
    expect(await listAllGroups(admin, { q: "x".repeat(500) }, handle.db)).toMatchObject({ rows: [], total: 0, page: 1, pages: 1 });
  });

  it("shows only the admin's municipality, and to nobody but an admin", async () => {
    expect(await listAllGroups(otherAdmin, {}, handle.db)).toMatchObject({ total: 1, rows: [{ name: "Grupp 000", school: "Grannskolan" }] });
    await expect(listAllGroups(teacher, {}, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    // The teacher's own list is unchanged: their groups, all of them.
    expect((await listMyGroups(teacher, handle.db)).map((g) => g.name)).toEqual(["Grupp 005", "Grupp 060"]);
  });
});

describe("searchSfiTeachers (the new group's teacher choice)", () => {
  let coordinator: Actor;
  beforeAll(async () => {
    // 40 more active teachers ("Kollega 00" … "Kollega 39", none teaching a group above), one
    // inactive, a coordinator of the same municipality, a teacher of the neighbour's.
    const [m1, m2] = [admin.municipalityId, otherAdmin.municipalityId];
    const made = await handle.db
      .insert(s.users)
      .values([
        ...Array.from({ length: 40 }, (_, i) => ({ municipalityId: m1, email: `kollega${i}@ett.se`, name: `Kollega ${String(i).padStart(2, "0")}`, role: "sfi_teacher" as const })),
        { municipalityId: m1, email: "slutat@ett.se", name: "Kollega Slutat", role: "sfi_teacher" as const, active: false },
        { municipalityId: m1, email: "koordinator@ett.se", name: "Kollega Koordinator", role: "coordinator" as const },
        { municipalityId: m2, email: "kollega@tva.se", name: "Kollega Grannen", role: "sfi_teacher" as const },
      ])
      .returning();
    const c = made.find((u) => u.role === "coordinator")!;
    coordinator = { id: c.id, role: "coordinator", municipalityId: m1, unitId: null };
  });

  it("gives the first 30 by name and how many there are, the user left out", async () => {
    const all = await searchSfiTeachers(admin, "", handle.db);
    expect(all.total).toBe(42);
    expect(all.rows).toHaveLength(TEACHER_CHOICE_LIMIT);
    expect(all.rows.slice(0, 2)).toEqual([expect.objectContaining({ name: "Kollega 00", email: "kollega0@ett.se" }), expect.objectContaining({ name: "Kollega 01" })]);
    // A teacher always teaches what they create: they are not offered themselves.
    const mine = await searchSfiTeachers(teacher, undefined, handle.db);
    expect(mine.total).toBe(41);
    expect((await searchSfiTeachers(teacher, "lena", handle.db)).total).toBe(0);
  });

  it("finds by name or e-mail address anywhere, % and _ literally, active teachers only", async () => {
    expect((await searchSfiTeachers(admin, " omar ", handle.db)).rows.map((u) => u.name)).toEqual(["Omar Lärare"]);
    expect((await searchSfiTeachers(admin, "LLEGA 3", handle.db)).rows.map((u) => u.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Kollega 3${i}`));
    expect((await searchSfiTeachers(admin, "lena@ett", handle.db)).rows.map((u) => u.name)).toEqual(["Lena Lärare"]);
    expect((await searchSfiTeachers(admin, "kollega_", handle.db)).total).toBe(0);
    expect((await searchSfiTeachers(admin, "%", handle.db)).total).toBe(0);
    expect((await searchSfiTeachers(admin, "slutat", handle.db)).total).toBe(0);
    expect((await searchSfiTeachers(admin, 42, handle.db)).total).toBe(42);
  });

  it("shows only the own municipality's, and to nobody who may not make groups", async () => {
    expect((await searchSfiTeachers(otherAdmin, "", handle.db)).rows.map((u) => u.name)).toEqual(["Kollega Grannen"]);
    expect((await searchSfiTeachers(admin, "grannen", handle.db)).total).toBe(0);
    await expect(searchSfiTeachers(coordinator, "", handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("searchNextGroups (a student's group of the next course)", () => {
  const groupNamed = async (name: string, municipalityId = admin.municipalityId) =>
    (await handle.db.select().from(s.sfiGroups)).find((g) => g.name === name && g.municipalityId === municipalityId)!;
  beforeAll(async () => {
    // Studieväg 2 course C, the course after Grupp 060's: 24 at Komvux ("C 00" … "C 23"), two at
    // Lärcentrum (Grupp 060's school), one taught by Lena at Komvux, one archived, one of studieväg 3,
    // one of the neighbour's.
    const c = (name: string, school: string, extra: Partial<typeof s.sfiGroups.$inferInsert> = {}) => ({ municipalityId: admin.municipalityId, name, school, studyPath: 2, course: "C", schedule, ...extra });
    const made = await handle.db
      .insert(s.sfiGroups)
      .values([
        ...Array.from({ length: 24 }, (_, i) => c(`C ${String(i).padStart(2, "0")}`, "Komvux")),
        c("C Lärcentrum kväll", "Lärcentrum"),
        c("C Lärcentrum dag 50%", "Lärcentrum"),
        c("C Lenas", "Komvux"),
        c("C arkiverad", "Lärcentrum", { archivedAt: new Date() }),
        c("C studieväg 3", "Lärcentrum", { studyPath: 3 }),
        c("C grannen", "Lärcentrum", { municipalityId: otherAdmin.municipalityId }),
      ])
      .returning();
    await handle.db.insert(s.sfiGroupTeachers).values({ groupId: made.find((g) => g.name === "C Lenas")!.id, userId: teacher.id });
  });

  it("offers the teacher's own groups first, then the same school's, then by name: 20 of them and how many", async () => {
    const from = await groupNamed("Grupp 060");
    const r = await searchNextGroups(teacher, from.id, "", handle.db);
    expect(r.total).toBe(27);
    expect(r.rows).toHaveLength(NEXT_GROUP_LIMIT);
    expect(r.rows.slice(0, 4)).toEqual([
      { id: expect.any(String), name: "C Lenas (Komvux)", mine: true },
      { id: expect.any(String), name: "C Lärcentrum dag 50% (Lärcentrum)", mine: false },
      { id: expect.any(String), name: "C Lärcentrum kväll (Lärcentrum)", mine: false },
      { id: expect.any(String), name: "C 00 (Komvux)", mine: false },
    ]);
  });

  it("finds by the group's name or school, % and _ literally", async () => {
    const from = await groupNamed("Grupp 060");
    expect((await searchNextGroups(teacher, from.id, " lärcentrum ", handle.db)).rows.map((g) => g.name)).toEqual(["C Lärcentrum dag 50% (Lärcentrum)", "C Lärcentrum kväll (Lärcentrum)"]);
    expect((await searchNextGroups(teacher, from.id, "c 1", handle.db)).total).toBe(10);
    expect((await searchNextGroups(teacher, from.id, "50%", handle.db)).total).toBe(1);
    expect((await searchNextGroups(teacher, from.id, "C _0", handle.db)).total).toBe(0);
    expect((await searchNextGroups(teacher, from.id, "grannen", handle.db)).total).toBe(0);
  });

  it("gives nothing after the last course, and nothing to whoever does not teach the group", async () => {
    // C is the last course of studieväg 2.
    expect(await searchNextGroups(teacher, (await groupNamed("C Lenas")).id, "", handle.db)).toEqual({ rows: [], total: 0 });
    expect(await searchNextGroups(teacher, (await groupNamed("C Lenas")).id, "C", handle.db)).toEqual({ rows: [], total: 0 });
    await expect(searchNextGroups(teacher, (await groupNamed("Grupp 107")).id, "", handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(searchNextGroups(otherAdmin, (await groupNamed("Grupp 060")).id, "", handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(searchNextGroups(teacher, "not-a-group", "", handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(searchNextGroups(teacher, 42, "", handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
});
