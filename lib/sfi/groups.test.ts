// The admin's overview of sfi groups a page at a time on a real database: pages in the order of
// studieväg, course and name, the count over the whole filtered list, search by the group's or a
// teacher's name (wildcards taken literally), teachers and students of the page's groups, archived
// groups and other municipalities left out, and nobody but an admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { listAllGroups, listMyGroups } from "./queries";

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
