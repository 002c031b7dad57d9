// The admin's list of users a page at a time: bounds, count, search by name or e-mail address
// (wildcards as text), only the admin's own municipality, admins only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { describeGroupTeachers, listGroupTeachers, listUsers, USERS_PAGE_SIZE } from "./queries";

let handle: DbHandle;
let admin: Actor;
let otherAdmin: Actor;
const PEOPLE = 120;

beforeAll(async () => {
  handle = await createTestDb();
  const [m1] = await handle.db.insert(s.municipalities).values({ code: "9201", name: "Ett" }).returning();
  const [m2] = await handle.db.insert(s.municipalities).values({ code: "9202", name: "Två" }).returning();
  const [a1] = await handle.db.insert(s.users).values({ municipalityId: m1.id, email: "admin1@ett.se", name: "Admin Ett", role: "admin" }).returning();
  const [a2] = await handle.db.insert(s.users).values({ municipalityId: m2.id, email: "admin2@tva.se", name: "Admin Två", role: "admin" }).returning();
  admin = { id: a1.id, role: "admin", municipalityId: m1.id, unitId: null };
  otherAdmin = { id: a2.id, role: "admin", municipalityId: m2.id, unitId: null };
  const n = (i: number) => String(i).padStart(3, "0");
  await handle.db.insert(s.users).values([
    ...Array.from({ length: PEOPLE }, (_, i) => ({ municipalityId: m1.id, email: `p${n(i)}@ett.se`, name: `Person ${n(i)}`, role: "coordinator" as const })),
    { municipalityId: m1.id, email: "hundra@ett.se", name: "Hundra % Procent", role: "manager" },
    { municipalityId: m1.id, email: "ada_under@ett.se", name: "Ada Understreck", role: "manager" },
    { municipalityId: m1.id, email: "back@ett.se", name: "Back\\Slash", role: "manager" },
    // Another municipality's people, some with the same names: never in the first admin's list.
    { municipalityId: m2.id, email: "p000@tva.se", name: "Person 000", role: "coordinator" },
    { municipalityId: m2.id, email: "annan@tva.se", name: "Annan Kommun", role: "coordinator" },
  ]);
});
afterAll(async () => {
  await handle?.close();
});

const OWN = PEOPLE + 4; // the people, the three with odd names and the admin

describe("listUsers", () => {
  it("comes a page at a time, by name, with a count of the whole list", async () => {
    const first = await listUsers(admin, {}, handle.db);
    expect(first).toMatchObject({ total: OWN, page: 1, pages: Math.ceil(OWN / USERS_PAGE_SIZE), pageSize: USERS_PAGE_SIZE });
    expect(first.rows).toHaveLength(USERS_PAGE_SIZE);
    expect(first.rows.slice(0, 3).map((u) => u.name)).toEqual(["Ada Understreck", "Admin Ett", "Back\\Slash"]);
    const names = first.rows.map((u) => u.name);
    expect(names).toEqual([...names].sort());
    const last = await listUsers(admin, { page: 3 }, handle.db);
    expect(last.rows).toHaveLength(OWN - 2 * USERS_PAGE_SIZE);
    const second = await listUsers(admin, { page: 2 }, handle.db);
    const seen = new Set([...first.rows, ...second.rows, ...last.rows].map((u) => u.id));
    expect(seen.size).toBe(OWN);
  });
  it("orders equal names by id", async () => {
    const [m] = await handle.db.insert(s.municipalities).values({ code: "9203", name: "Tre" }).returning();
    const same = await handle.db
      .insert(s.users)
      .values(["a", "b", "c"].map((x) => ({ municipalityId: m.id, email: `${x}@tre.se`, name: "Samma Namn", role: "manager" as const })))
      .returning();
    const { rows } = await listUsers({ id: same[0].id, role: "admin", municipalityId: m.id, unitId: null }, {}, handle.db);
    expect(rows.map((u) => u.id)).toEqual(same.map((u) => u.id).sort());
  });
  it("shows the last page past the end and the first for nonsense", async () => {
    expect((await listUsers(admin, { page: 99 }, handle.db)).page).toBe(3);
    expect((await listUsers(admin, { page: Number.POSITIVE_INFINITY }, handle.db)).page).toBe(3);
    for (const page of [0, -4, Number.NaN, Number("abc")]) expect((await listUsers(admin, { page }, handle.db)).page).toBe(1);
    expect((await listUsers(admin, { page: 2.7 }, handle.db)).page).toBe(2);
    const small = await listUsers(admin, { pageSize: 10, page: 13 }, handle.db);
    expect(small).toMatchObject({ page: 13, pages: 13, pageSize: 10 });
    expect(small.rows).toHaveLength(4);
    expect((await listUsers(admin, { pageSize: 0 }, handle.db)).pageSize).toBe(USERS_PAGE_SIZE);
  });
  it("searches names and e-mail addresses, in any case, trimmed", async () => {
    const byName = await listUsers(admin, { q: "  PERSON 01 " }, handle.db);
    expect(byName.total).toBe(10);
    expect(byName.rows.map((u) => u.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Person 01${i}`));
    const byEmail = await listUsers(admin, { q: "P042@ETT" }, handle.db);
    expect(byEmail.rows.map((u) => u.email)).toEqual(["p042@ett.se"]);
    expect((await listUsers(admin, { q: "   " }, handle.db)).total).toBe(OWN);
  });
  it("takes %, _ and \\ as the letters they are", async () => {
    expect((await listUsers(admin, { q: "%" }, handle.db)).rows.map((u) => u.name)).toEqual(["Hundra % Procent"]);
    expect((await listUsers(admin, { q: "_" }, handle.db)).rows.map((u) => u.name)).toEqual(["Ada Understreck"]);
    expect((await listUsers(admin, { q: "\\" }, handle.db)).rows.map((u) => u.name)).toEqual(["Back\\Slash"]);
    expect((await listUsers(admin, { q: "person%0" }, handle.db)).total).toBe(0);
  });
  it("answers overlong or SQL-shaped text with no match, not an error", async () => {
    for (const q of ["x".repeat(500), "' or 1=1 --", "p0".repeat(300)]) {
      expect(await listUsers(admin, { q, page: 5 }, handle.db)).toMatchObject({ rows: [], total: 0, page: 1, pages: 1 });
    }
  });
  it("never shows another municipality's users", async () => {
    const own = await listUsers(admin, { q: "person 000" }, handle.db);
    expect(own.rows.map((u) => u.email)).toEqual(["p000@ett.se"]);
    expect((await listUsers(admin, { q: "tva.se" }, handle.db)).total).toBe(0);
    expect((await listUsers(admin, { q: "annan" }, handle.db)).total).toBe(0);
    const other = await listUsers(otherAdmin, {}, handle.db);
    expect(other.rows.map((u) => u.email)).toEqual(["admin2@tva.se", "annan@tva.se", "p000@tva.se"]);
  });
  it("is not found for anyone without user:manage", async () => {
    for (const role of ["coordinator", "manager", "sfi_teacher"] as const) {
      await expect(listUsers({ ...admin, role }, {}, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe("listGroupTeachers", () => {
  it("gives each group's teachers by name with whether the account is active, one municipality only", async () => {
    const schedule = { days: [1, 3], start: "08:30", end: "12:00", hours: 3.5 };
    const [t1, t2] = await handle.db
      .insert(s.users)
      .values([
        { municipalityId: admin.municipalityId, email: "bo@ett.se", name: "Bo Lärare", role: "sfi_teacher", active: false },
        { municipalityId: admin.municipalityId, email: "alva@ett.se", name: "Alva Lärare", role: "sfi_teacher" },
      ])
      .returning();
    const [g1, g2, g3] = await handle.db
      .insert(s.sfiGroups)
      .values([
        { municipalityId: admin.municipalityId, name: "C1", school: "Skolan", studyPath: 2, course: "C", schedule },
        { municipalityId: admin.municipalityId, name: "C2", school: "Skolan", studyPath: 2, course: "C", schedule },
        { municipalityId: admin.municipalityId, name: "C3", school: "Skolan", studyPath: 2, course: "C", schedule },
      ])
      .returning();
    await handle.db.insert(s.sfiGroupTeachers).values([
      { groupId: g1.id, userId: t1.id },
      { groupId: g1.id, userId: t2.id },
      { groupId: g2.id, userId: t2.id },
    ]);
    const teachers = await listGroupTeachers(admin, [g1.id, g2.id, g3.id], handle.db);
    expect(teachers.get(g1.id)).toEqual([
      { name: "Alva Lärare", active: true },
      { name: "Bo Lärare", active: false },
    ]);
    expect(describeGroupTeachers(teachers.get(g1.id), "(inaktiv)")).toBe("Alva Lärare, Bo Lärare (inaktiv)");
    expect(describeGroupTeachers(teachers.get(g2.id), "(inaktiv)")).toBe("Alva Lärare");
    expect(describeGroupTeachers(teachers.get(g3.id), "(inaktiv)")).toBe("");
    expect((await listGroupTeachers(otherAdmin, [g1.id], handle.db)).size).toBe(0);
    expect((await listGroupTeachers(admin, [], handle.db)).size).toBe(0);
    await expect(listGroupTeachers({ ...admin, role: "coordinator" }, [g1.id], handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
});
