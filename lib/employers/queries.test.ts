// The employers list a page at a time on a real database: pages in name order, the count over the
// whole filtered list, search by name and organisationsnummer (wildcards taken literally), the
// open openings of each employer on a page, and only the user's municipality.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { EMPLOYER_CHOICE_LIMIT, getEmployerOption, listEmployers, searchEmployerChoices } from "./queries";

let handle: DbHandle;
let coordinator: Actor;
let manager: Actor;
let teacher: Actor;
let other: Actor;
let otherCoordinator: Actor;
const orgNr = (i: number) => `55${String(i).padStart(4, "0")}-${String(1000 + i)}`;

beforeAll(async () => {
  handle = await createTestDb();
  const [m1] = await handle.db.insert(s.municipalities).values({ code: "9201", name: "Ett" }).returning();
  const [m2] = await handle.db.insert(s.municipalities).values({ code: "9202", name: "Två" }).returning();
  const [u] = await handle.db.insert(s.units).values({ municipalityId: m1.id, name: "Centrum" }).returning();
  const actor = (role: Actor["role"], municipalityId: string, unitId: string | null = null): Actor => ({ id: crypto.randomUUID(), role, municipalityId, unitId });
  coordinator = actor("coordinator", m1.id, u.id);
  manager = actor("manager", m1.id);
  teacher = actor("sfi_teacher", m1.id);
  other = actor("admin", m2.id);
  otherCoordinator = actor("coordinator", m2.id);
  // 120 employers "Företag 000" … "Företag 119", two with wildcards in the name, two with the same name.
  const rows = Array.from({ length: 120 }, (_, i) => ({ municipalityId: m1.id, orgNr: orgNr(i), name: `Företag ${String(i).padStart(3, "0")}` }));
  rows.push({ municipalityId: m1.id, orgNr: "556677-8899", name: "Rabatt 100% AB" }, { municipalityId: m1.id, orgNr: "556677-0001", name: "Rabattboden 10 AB" });
  rows.push({ municipalityId: m1.id, orgNr: "556677-0002", name: "Tvilling AB" }, { municipalityId: m1.id, orgNr: "556677-0003", name: "Tvilling AB" });
  // The neighbour's employer shares a name and an organisationsnummer with one of ours.
  rows.push({ municipalityId: m2.id, orgNr: "556677-8899", name: "Företag 000" });
  const made = await handle.db.insert(s.employers).values(rows).returning();
  const byName = (name: string, m = m1.id) => made.find((e) => e.name === name && e.municipalityId === m)!;
  const opening = (e: (typeof made)[number], closed = false) => ({ municipalityId: e.municipalityId, employerId: e.id, type: "praktik" as const, occupation: "Kock", closedAt: closed ? new Date() : null });
  // Företag 051 (page 2) has two open and one closed; the neighbour's Företag 000 has one.
  await handle.db.insert(s.openings).values([opening(byName("Företag 051")), opening(byName("Företag 051")), opening(byName("Företag 051"), true), opening(byName("Företag 000", m2.id))]);
});
afterAll(async () => {
  await handle?.close();
});

describe("listEmployers", () => {
  it("comes 50 a page in name order, with the count over the whole list", async () => {
    const first = await listEmployers(coordinator, {}, handle.db);
    expect(first).toMatchObject({ total: 124, page: 1, pages: 3, pageSize: 50 });
    expect(first.rows).toHaveLength(50);
    expect(first.rows[0].name).toBe("Företag 000");
    const third = await listEmployers(coordinator, { page: 3 }, handle.db);
    expect(third.rows.map((e) => e.name)).toEqual([...Array.from({ length: 20 }, (_, i) => `Företag ${100 + i}`), "Rabatt 100% AB", "Rabattboden 10 AB", "Tvilling AB", "Tvilling AB"]);
    // Pages follow each other without a gap or a repeat, also between two of the same name.
    const all = [first, await listEmployers(coordinator, { page: 2 }, handle.db), third].flatMap((p) => p.rows.map((e) => e.id));
    expect(new Set(all).size).toBe(124);
    const twins = third.rows.slice(-2).map((e) => e.id);
    expect(twins).toEqual([...twins].sort());
  });

  it("shows the last page for one past it and the first for nonsense", async () => {
    expect(await listEmployers(coordinator, { page: 40 }, handle.db)).toMatchObject({ page: 3, pages: 3 });
    for (const page of [0, -1, NaN]) expect((await listEmployers(coordinator, { page }, handle.db)).rows[0].name).toBe("Företag 000");
    expect(await listEmployers(coordinator, { page: 2, pageSize: 10 }, handle.db)).toMatchObject({ page: 2, pages: 13, pageSize: 10 });
  });

  it("counts each employer's open openings on the page, not closed ones nor the neighbour's", async () => {
    const page2 = await listEmployers(coordinator, { page: 2 }, handle.db);
    expect(page2.rows.find((e) => e.name === "Företag 051")?.openings).toBe(2);
    expect(page2.rows.filter((e) => e.openings > 0)).toHaveLength(1);
    expect((await listEmployers(coordinator, { q: "Företag 000" }, handle.db)).rows[0].openings).toBe(0);
  });

  it("finds by a part of the name, case-insensitively, and counts the matches", async () => {
    const r = await listEmployers(coordinator, { q: "  företag 11 " }, handle.db);
    expect(r).toMatchObject({ total: 10, pages: 1 });
    expect(r.rows.map((e) => e.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Företag ${110 + i}`));
    expect(await listEmployers(coordinator, { q: "Ingen sådan" }, handle.db)).toMatchObject({ rows: [], total: 0, page: 1, pages: 1 });
  });

  it("takes % and _ literally", async () => {
    expect((await listEmployers(coordinator, { q: "100%" }, handle.db)).rows.map((e) => e.name)).toEqual(["Rabatt 100% AB"]);
    expect((await listEmployers(coordinator, { q: "Rabatt 10_" }, handle.db)).total).toBe(0);
    expect((await listEmployers(coordinator, { q: "%" }, handle.db)).total).toBe(1);
    expect((await listEmployers(coordinator, { q: "\\" }, handle.db)).total).toBe(0);
  });

  it("finds by organisationsnummer with or without the dash, whole or a part", async () => {
    for (const q of ["556677-8899", "5566778899", " 5566778899 ", "6677-88", "778899"]) {
      const r = await listEmployers(coordinator, { q }, handle.db);
      expect(r.rows.map((e) => e.name), q).toEqual(["Rabatt 100% AB"]);
    }
    expect((await listEmployers(coordinator, { q: "556677" }, handle.db)).total).toBe(4);
  });

  it("a long or odd search is an empty answer, not an error", async () => {
    expect(await listEmployers(coordinator, { q: "x".repeat(500) }, handle.db)).toMatchObject({ rows: [], total: 0 });
    expect(await listEmployers(coordinator, { q: "'; drop table employers; --" }, handle.db)).toMatchObject({ total: 0 });
    expect((await listEmployers(coordinator, { q: "   " }, handle.db)).total).toBe(124);
  });

  it("shows only the user's municipality", async () => {
    const theirs = await listEmployers(other, {}, handle.db);
    expect(theirs).toMatchObject({ total: 1, rows: [{ name: "Företag 000", openings: 1 }] });
    expect((await listEmployers(coordinator, { q: "556677-8899" }, handle.db)).total).toBe(1);
    expect((await listEmployers(manager, {}, handle.db)).total).toBe(124);
  });

  it("shows nothing to a role without access to employers", async () => {
    expect(await listEmployers(teacher, {}, handle.db)).toMatchObject({ rows: [], total: 0, page: 1, pages: 1 });
  });
});

describe("searchEmployerChoices (the activity form's employer search)", () => {
  it("gives at most 20 matches in name order, with how many match in all", async () => {
    const r = await searchEmployerChoices(coordinator, "företag", handle.db);
    expect(EMPLOYER_CHOICE_LIMIT).toBe(20);
    expect(r.total).toBe(120);
    expect(r.rows.map((e) => e.name)).toEqual(Array.from({ length: 20 }, (_, i) => `Företag ${String(i).padStart(3, "0")}`));
    expect((await searchEmployerChoices(coordinator, "Företag 11", handle.db)).rows).toHaveLength(10);
  });

  it("finds by organisationsnummer with or without the dash", async () => {
    for (const q of ["556677-8899", "5566778899", "6677-88"]) {
      const r = await searchEmployerChoices(coordinator, q, handle.db);
      expect(r, q).toMatchObject({ total: 1, rows: [{ name: "Rabatt 100% AB", orgNr: "556677-8899" }] });
    }
  });

  it("searches only the user's own municipality", async () => {
    // The neighbour has "Företag 000" with our Rabatt's organisationsnummer: neither way is it ours.
    const ours = await searchEmployerChoices(coordinator, "Företag 000", handle.db);
    const theirs = await searchEmployerChoices(otherCoordinator, "Företag 000", handle.db);
    expect(ours.rows.map((e) => e.name)).toEqual(["Företag 000"]);
    expect(theirs.total).toBe(1);
    expect(theirs.rows[0].id).not.toBe(ours.rows[0].id);
    expect(await searchEmployerChoices(otherCoordinator, "Rabatt", handle.db)).toEqual({ rows: [], total: 0 });
    expect((await searchEmployerChoices(otherCoordinator, "5566778899", handle.db)).rows.map((e) => e.name)).toEqual(["Företag 000"]);
  });

  it("searches nothing under two characters, and bad input is an empty answer", async () => {
    for (const q of ["", "F", "  F  ", undefined, null, 42, { q: "Företag" }, ["Företag"]]) {
      expect(await searchEmployerChoices(coordinator, q, handle.db), JSON.stringify(q)).toEqual({ rows: [], total: 0 });
    }
    expect(await searchEmployerChoices(coordinator, "x".repeat(5000), handle.db)).toEqual({ rows: [], total: 0 });
    expect((await searchEmployerChoices(coordinator, "%_", handle.db)).total).toBe(0);
  });

  it("is refused without the activity form's permission (plan:write), even with employer:read", async () => {
    for (const who of [manager, teacher, other]) await expect(searchEmployerChoices(who, "Företag", handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getEmployerOption", () => {
  it("names an employer of the own municipality, and nothing else", async () => {
    const [ours] = (await searchEmployerChoices(coordinator, "Rabatt 100", handle.db)).rows;
    expect(await getEmployerOption(coordinator, ours.id, handle.db)).toEqual(ours);
    expect(await getEmployerOption(otherCoordinator, ours.id, handle.db)).toBeNull();
    expect(await getEmployerOption(manager, ours.id, handle.db)).toBeNull();
    for (const id of [null, undefined, "", "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) expect(await getEmployerOption(coordinator, id, handle.db)).toBeNull();
  });
});
