// Keys and constraints of migration 0013: time-ordered activity ids, and an activity's
// municipality held equal to its participant's by the database itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDb } from "./testing";
import type { DbHandle } from "./client";
import * as s from "./schema";

let handle: DbHandle;
let m1: string;
let m2: string;
let participantId: string;
beforeAll(async () => {
  handle = await createTestDb();
  const [a, b] = await handle.db.insert(s.municipalities).values([{ code: "9101", name: "Ettby" }, { code: "9102", name: "Tvåby" }]).returning();
  m1 = a.id;
  m2 = b.id;
  const [p] = await handle.db
    .insert(s.participants)
    .values({ municipalityId: m1, personnummer: "199001012382", firstName: "Amal", lastName: "Haddad", searchName: "amal haddad", birthDate: "1990-01-01", gender: "K", receptionDate: "2025-09-01" })
    .returning();
  participantId = p.id;
});
afterAll(async () => {
  await handle?.close();
});

const rowsOf = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

describe(`keys (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("uuid_v7() gives version 7 UUIDs that begin with the time in milliseconds and sort in the order they were made", async () => {
    const before = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [r] = rowsOf<{ id: string }>(await handle.db.execute(sql`select uuid_v7()::text as id`));
      ids.push(r.id);
      await new Promise((done) => setTimeout(done, 3));
    }
    const after = Date.now();
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const ms = parseInt(id.replace(/-/g, "").slice(0, 12), 16);
      expect(ms).toBeGreaterThanOrEqual(before);
      expect(ms).toBeLessThanOrEqual(after);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(3);
  });

  it("a new activity gets a version 7 id", async () => {
    const [a] = await handle.db.insert(s.activities).values({ municipalityId: m1, participantId, type: "sfi", status: "pagaende", startDate: "2026-01-12" }).returning();
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  });

  it("an activity in another municipality than its participant's is refused", async () => {
    await expect(handle.db.insert(s.activities).values({ municipalityId: m2, participantId, type: "praktik", status: "planerad", startDate: "2026-02-02" })).rejects.toThrow();
    const stored = await handle.db.select({ m: s.activities.municipalityId }).from(s.activities).where(eq(s.activities.participantId, participantId));
    expect(stored.map((r) => r.m)).toEqual([m1]);
  });

  it("a participant's activities go with the participant", async () => {
    await handle.db.delete(s.participants).where(eq(s.participants.id, participantId));
    expect(await handle.db.select().from(s.activities).where(eq(s.activities.participantId, participantId))).toEqual([]);
  });
});
