// Drill-down: the people behind a figure, named when a coordinator opens the list, for their own
// unit only; counts agree; only what is shown is audited as seen.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, ne } from "drizzle-orm";
import { ZodError } from "zod";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { completeness } from "./extra";
import { idle } from "./indicators";
import { peopleBehindDashboard } from "./drilldown";

let handle: DbHandle;
let coordinator: Actor;
let manager: Actor;
const AS_OF = "2026-06-30";
const filter = `asOf=${AS_OF}`;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemo(handle.db, { today: AS_OF });
  const users = await handle.db.select().from(s.users);
  const u = users.find((x) => x.email.startsWith("anna"))!;
  const m = users.find((x) => x.role === "manager")!;
  coordinator = { id: u.id, role: u.role, municipalityId: u.municipalityId, unitId: u.unitId };
  manager = { id: m.id, role: m.role, municipalityId: m.municipalityId, unitId: null };
});
afterAll(async () => {
  await handle?.close();
});

const lastAudit = async () =>
  (await handle.db.select().from(s.auditLog).where(eq(s.auditLog.userId, coordinator.id)).orderBy(desc(s.auditLog.id)).limit(1))[0];

describe("peopleBehindDashboard", () => {
  it("lists exactly the people a coordinator's unit figure counts", async () => {
    const f = { municipalityId: coordinator.municipalityId, asOf: AS_OF, unitId: coordinator.unitId! };
    const c = await completeness(handle.db, f);
    const named = async (which: string) => {
      const r = await peopleBehindDashboard(coordinator, { which, filter }, handle.db);
      expect(r.more).toBe(false);
      return r.people.length;
    };
    expect(c.withoutEducationLevel).toBeGreaterThan(0);
    expect(await named("exitsWithoutOutcome")).toBe(c.exitsWithoutOutcome);
    expect(await named("withoutEducationLevel")).toBe(c.withoutEducationLevel);
    expect(await named("idle")).toBe((await idle(handle.db, f)).idle);
  });
  it("never leaves the coordinator's unit, whatever the filter says", async () => {
    const [other] = await handle.db.select().from(s.units).where(and(eq(s.units.municipalityId, coordinator.municipalityId), ne(s.units.id, coordinator.unitId!)));
    const { people } = await peopleBehindDashboard(coordinator, { which: "withoutEducationLevel", filter: `${filter}&unit=${other.id}` }, handle.db);
    expect(people.length).toBeGreaterThan(0);
    const units = await handle.db.select({ id: s.participants.id, unitId: s.participants.unitId }).from(s.participants).where(eq(s.participants.municipalityId, coordinator.municipalityId));
    const unitOf = new Map(units.map((x) => [x.id, x.unitId]));
    for (const p of people) expect(unitOf.get(p.id)).toBe(coordinator.unitId);
  });
  it("names at most the limit, says there are more, and audits as seen only those named", async () => {
    const all = await peopleBehindDashboard(coordinator, { which: "withoutEducationLevel", filter }, handle.db);
    expect(all.people.length).toBeGreaterThan(1);
    expect((await lastAudit()).details).toEqual({ ids: all.people.map((p) => p.id), source: "dashboard:withoutEducationLevel" });
    const one = await peopleBehindDashboard(coordinator, { which: "withoutEducationLevel", filter }, handle.db, 1);
    expect(one).toEqual({ people: [all.people[0]], more: true });
    expect((await lastAudit()).details).toEqual({ ids: [all.people[0].id], source: "dashboard:withoutEducationLevel" });
  });
  it("refuses a figure it does not know and gives a manager nothing", async () => {
    await expect(peopleBehindDashboard(coordinator, { which: "everyone", filter }, handle.db)).rejects.toThrow(ZodError);
    await expect(peopleBehindDashboard(manager, { which: "withoutEducationLevel", filter }, handle.db)).rejects.toThrow(NotFoundError);
  });
});
