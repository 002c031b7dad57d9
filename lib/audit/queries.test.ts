// The audit view: admins only, own municipality only, filters as text, CSV that a spreadsheet won't run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { writeAudit } from "./commands";
import { listAuditEntries, parseAuditFilter, toCsv } from "./queries";

let handle: DbHandle;
let admin: Actor;
let otherAdmin: Actor;
const P1 = "11111111-1111-4111-8111-111111111111";

beforeAll(async () => {
  handle = await createTestDb();
  const [m1] = await handle.db.insert(s.municipalities).values({ code: "9001", name: "Ett" }).returning();
  const [m2] = await handle.db.insert(s.municipalities).values({ code: "9002", name: "Två" }).returning();
  const [a1] = await handle.db.insert(s.users).values({ municipalityId: m1.id, email: "a1@x.se", name: "A1", role: "admin" }).returning();
  const [a2] = await handle.db.insert(s.users).values({ municipalityId: m2.id, email: "a2@x.se", name: "A2", role: "admin" }).returning();
  admin = { id: a1.id, role: "admin", municipalityId: m1.id, unitId: null };
  otherAdmin = { id: a2.id, role: "admin", municipalityId: m2.id, unitId: null };
  await writeAudit(handle.db, { id: a1.id, municipalityId: m1.id }, [
    { action: "participant.read", entityType: "participant", entityId: P1, participantId: P1 },
    { action: "participant.update", entityType: "participant", entityId: P1, participantId: P1 },
    { action: "user.create", entityType: "user", entityId: a1.id },
  ]);
  await writeAudit(handle.db, { id: a2.id, municipalityId: m2.id }, { action: "participant.read", entityType: "participant" });
});
afterAll(async () => {
  await handle?.close();
});

describe("listAuditEntries", () => {
  it("shows only the admin's own municipality, newest first", async () => {
    const { rows, total } = await listAuditEntries(admin, parseAuditFilter({}), handle.db);
    expect(total).toBe(3);
    expect(rows.map((r) => r.action)).toEqual(["user.create", "participant.update", "participant.read"]);
    expect((await listAuditEntries(otherAdmin, parseAuditFilter({}), handle.db)).total).toBe(1);
  });
  it("filters by participant, action prefix and user", async () => {
    expect((await listAuditEntries(admin, parseAuditFilter({ participantId: P1 }), handle.db)).total).toBe(2);
    expect((await listAuditEntries(admin, parseAuditFilter({ action: "participant." }), handle.db)).total).toBe(2);
    expect((await listAuditEntries(admin, parseAuditFilter({ userId: otherAdmin.id }), handle.db)).total).toBe(0);
  });
  it("treats wildcards and SQL-shaped input as text", async () => {
    for (const action of ["%", "_", "' or 1=1 --", "participant.%"]) {
      expect((await listAuditEntries(admin, parseAuditFilter({ action }), handle.db)).total).toBe(0);
    }
  });
  it("ignores malformed ids and dates instead of failing", () => {
    expect(parseAuditFilter({ participantId: "'; drop table x", from: "yesterday", page: "-3" })).toEqual({ page: 1 });
  });
  it("is not found for anyone without audit:read", async () => {
    const coordinator: Actor = { ...admin, role: "coordinator", unitId: null };
    await expect(listAuditEntries(coordinator, parseAuditFilter({}), handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("toCsv", () => {
  it("quotes separators and defuses formulas", () => {
    expect(toCsv(["a", "b"], [["x,y", '=HYPERLINK("evil")'], [null, 3]])).toBe('a,b\r\n"x,y","\'=HYPERLINK(""evil"")"\r\n,3\r\n');
  });
});
