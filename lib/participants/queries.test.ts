// Scoping on a real database: a coordinator's participant queries never return another unit's
// (or municipality's) people, and every read is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getParticipant, listParticipants } from "./queries";
import { scopedParticipantRow } from "./scope";
import { sql } from "drizzle-orm";
import { searchNameOf } from "./search";

let handle: DbHandle;
let coordinatorA: Actor;
let coordinatorB: Actor;
let otherMunicipalityParticipantId: string;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemo(handle.db, { today: "2026-06-30" });
  const coordinators = await handle.db.select().from(s.users).where(eq(s.users.role, "coordinator"));
  const toActor = (u: (typeof coordinators)[number]): Actor => ({ id: u.id, role: u.role, municipalityId: u.municipalityId, unitId: u.unitId });
  coordinatorA = toActor(coordinators.find((u) => u.email.startsWith("anna"))!);
  coordinatorB = toActor(coordinators.find((u) => u.email.startsWith("samira"))!);
  // A second municipality whose unit has the same shape.
  const [m2] = await handle.db.insert(s.municipalities).values({ code: "1287", name: "Trelleborg" }).returning();
  const [u2] = await handle.db.insert(s.units).values({ municipalityId: m2.id, name: "AME" }).returning();
  const [p2] = await handle.db
    .insert(s.participants)
    .values({ municipalityId: m2.id, unitId: u2.id, firstName: "Hiba", lastName: "Osman", searchName: searchNameOf("Hiba", "Osman"), birthDate: "1990-01-01", gender: "K", receptionDate: "2025-01-01" })
    .returning();
  otherMunicipalityParticipantId = p2.id;
});
afterAll(async () => {
  await handle?.close();
});

describe("listParticipants", () => {
  it("returns only the coordinator's own unit", async () => {
    const { rows, total } = await listParticipants(coordinatorA, { pageSize: 200 }, handle.db);
    expect(total).toBeGreaterThan(0);
    const ids = rows.map((r) => r.id);
    const units = await handle.db.select({ id: s.participants.id, unitId: s.participants.unitId }).from(s.participants);
    const unitOf = new Map(units.map((u) => [u.id, u.unitId]));
    for (const id of ids) expect(unitOf.get(id)).toBe(coordinatorA.unitId);
    expect(ids).not.toContain(otherMunicipalityParticipantId);
    const { rows: rowsB } = await listParticipants(coordinatorB, { pageSize: 200 }, handle.db);
    const overlap = rowsB.filter((r) => ids.includes(r.id));
    expect(overlap).toEqual([]);
  });
  it("lists the coordinator's own participants first", async () => {
    const { rows } = await listParticipants(coordinatorA, { pageSize: 200 }, handle.db);
    const firstOther = rows.findIndex((r) => r.coordinatorId !== coordinatorA.id);
    const lastMine = rows.map((r) => r.coordinatorId === coordinatorA.id).lastIndexOf(true);
    expect(lastMine).toBeLessThan(firstOther);
  });
  it("pages through one order (mine first, then by last name, first name), each row naming its coordinator", async () => {
    const all = await listParticipants(coordinatorA, { pageSize: 200 }, handle.db);
    const paged = [];
    for (let page = 1; page <= Math.ceil(all.total / 7); page++) paged.push(...(await listParticipants(coordinatorA, { pageSize: 7, page }, handle.db)).rows);
    expect(paged.map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    const key = (r: (typeof all.rows)[number]) => [r.coordinatorId === coordinatorA.id ? 0 : 1, r.lastName, r.firstName, r.id] as const;
    for (let i = 1; i < all.rows.length; i++) {
      const [a, b] = [key(all.rows[i - 1]), key(all.rows[i])];
      expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && (a[2] < b[2] || (a[2] === b[2] && a[3] < b[3])))))).toBe(true);
    }
    const names = new Map((await handle.db.select({ id: s.users.id, name: s.users.name }).from(s.users)).map((u) => [u.id, u.name]));
    for (const r of all.rows) expect(r.coordinatorName).toBe(r.coordinatorId ? names.get(r.coordinatorId) : null);
    expect(all.rows.some((r) => r.coordinatorId === coordinatorA.id && r.coordinatorName !== null)).toBe(true);
  });
  it("shows each row's ongoing activities and next planned follow-up, as of the day", async () => {
    const today = "2026-06-30";
    const { rows } = await listParticipants(coordinatorA, { pageSize: 200, today }, handle.db);
    expect(rows.some((r) => r.current.length > 0)).toBe(true);
    expect(rows.some((r) => r.nextFollowup !== null)).toBe(true);
    const acts = await handle.db.select().from(s.activities);
    const fus = await handle.db.select().from(s.followups);
    for (const r of rows) {
      const ongoing = acts.filter((a) => a.participantId === r.id && a.status === "pagaende" && a.startDate <= today && (a.endDate === null || a.endDate >= today));
      // Each type once, the earliest begun first.
      const first = new Map<string, string>();
      for (const a of ongoing) if (!first.has(a.type) || a.startDate < first.get(a.type)!) first.set(a.type, a.startDate);
      expect(r.current).toEqual([...first].sort(([ta, a], [tb, b]) => a.localeCompare(b) || (ta < tb ? -1 : ta > tb ? 1 : 0)).map(([t]) => t));
      const planned = fus.filter((f) => f.participantId === r.id && f.status === "planerad").map((f) => f.dueDate).sort();
      expect(r.nextFollowup).toBe(planned[0] ?? null);
    }
  });
  it("sorts by time since reception or by the programme's end when asked", async () => {
    const byReception = (await listParticipants(coordinatorA, { pageSize: 50, sort: "reception" }, handle.db)).rows.map((r) => r.receptionDate);
    expect(byReception).toEqual([...byReception].sort());
    const byEnd = (await listParticipants(coordinatorA, { pageSize: 200, sort: "end" }, handle.db)).rows.map((r) => r.programmeEnd);
    const ends = byEnd.filter((e): e is string => e !== null);
    expect(ends).toEqual([...ends].sort());
    expect(byEnd.slice(ends.length).every((e) => e === null)).toBe(true);
  });
  it("finds names regardless of case and accents", async () => {
    const [p] = await listParticipants(coordinatorA, { pageSize: 1 }, handle.db).then((r) => r.rows);
    const shouted = p.lastName.toUpperCase();
    const { rows } = await listParticipants(coordinatorA, { q: shouted }, handle.db);
    expect(rows.map((r) => r.id)).toContain(p.id);
  });
  it("treats SQL-shaped input as text", async () => {
    const { rows } = await listParticipants(coordinatorA, { q: "' or 1=1 --" }, handle.db);
    expect(rows).toEqual([]);
  });

  it("gives each combination of filters its own statement: a search, then the whole list again", async () => {
    const all = await listParticipants(coordinatorA, { pageSize: 200 }, handle.db);
    const [p] = all.rows;
    const found = await listParticipants(coordinatorA, { q: p.lastName, pageSize: 200 }, handle.db);
    expect(found.rows.map((r) => r.id)).toContain(p.id);
    expect(found.total).toBeLessThan(all.total);
    const byTrack = await listParticipants(coordinatorA, { q: p.lastName, track: p.track, pageSize: 200 }, handle.db);
    expect(byTrack.rows.every((r) => r.track === p.track)).toBe(true);
    const again = await listParticipants(coordinatorA, { pageSize: 200 }, handle.db);
    expect(again.total).toBe(all.total);
    expect(again.rows.map((r) => r.id)).toEqual(all.rows.map((r) => r.id));
    // The same statements with another coordinator's values: their own unit, not the first one's.
    const other = await listParticipants(coordinatorB, { q: p.lastName, pageSize: 200 }, handle.db);
    expect(other.rows.map((r) => r.id)).not.toContain(p.id);
  });
  it("gives other roles nothing", async () => {
    for (const role of ["sfi_teacher", "manager", "admin"] as const) {
      const { rows, total } = await listParticipants({ ...coordinatorA, role }, {}, handle.db);
      expect(rows).toEqual([]);
      expect(total).toBe(0);
    }
  });
});

describe("getParticipant", () => {
  it("reads one of the unit's participants and audits the read", async () => {
    const { rows } = await listParticipants(coordinatorA, { pageSize: 1 }, handle.db);
    const p = await getParticipant(coordinatorA, rows[0].id, handle.db);
    expect(p.id).toBe(rows[0].id);
    const audit = await handle.db.select().from(s.auditLog).where(eq(s.auditLog.participantId, p.id));
    expect(audit.some((a) => a.action === "participant.read" && a.userId === coordinatorA.id)).toBe(true);
  });
  it("answers not found for another unit's or municipality's participant", async () => {
    const { rows } = await listParticipants(coordinatorB, { pageSize: 1 }, handle.db);
    await expect(getParticipant(coordinatorA, rows[0].id, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getParticipant(coordinatorA, otherMunicipalityParticipantId, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getParticipant(coordinatorA, "not-a-uuid", handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("scopedParticipantRow", () => {
  it("gives a participant's row only within the actor's scope, one statement for every person and actor", async () => {
    const select = () => sql`${s.participants.lastName} as "lastName", ${sql.placeholder("word")}::text as "word"`;
    const { rows: mine } = await listParticipants(coordinatorA, { pageSize: 3 }, handle.db);
    expect(mine.length).toBe(3);
    for (const p of mine) {
      expect(await scopedParticipantRow(handle.db, coordinatorA, "test_scoped", select, p.id, { word: p.id })).toEqual({ lastName: p.lastName, word: p.id });
      // Another unit's coordinator, a manager, and another municipality's person: nothing.
      expect(await scopedParticipantRow(handle.db, coordinatorB, "test_scoped", select, p.id, { word: "x" })).toBeUndefined();
      expect(await scopedParticipantRow(handle.db, { ...coordinatorA, role: "manager" }, "test_scoped", select, p.id, { word: "x" })).toBeUndefined();
    }
    expect(await scopedParticipantRow(handle.db, coordinatorA, "test_scoped", select, otherMunicipalityParticipantId, { word: "x" })).toBeUndefined();
  });
});

