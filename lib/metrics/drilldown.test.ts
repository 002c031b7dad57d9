// Drill-down: the people behind a figure, for a coordinator's own unit only; counts agree.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { completeness } from "./extra";
import { idle } from "./indicators";
import { peopleBehind } from "./drilldown";

let handle: DbHandle;
let coordinator: Actor;
let manager: Actor;
const AS_OF = "2026-06-30";

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

describe("peopleBehind", () => {
  it("lists exactly the people a coordinator's unit figure counts", async () => {
    const f = { municipalityId: coordinator.municipalityId, asOf: AS_OF, unitId: coordinator.unitId! };
    const c = await completeness(handle.db, f);
    expect((await peopleBehind(coordinator, "exitsWithoutOutcome", f, 500, handle.db)).length).toBe(c.exitsWithoutOutcome);
    expect((await peopleBehind(coordinator, "withoutEducationLevel", f, 500, handle.db)).length).toBe(c.withoutEducationLevel);
    expect((await peopleBehind(coordinator, "idle", f, 500, handle.db)).length).toBe((await idle(handle.db, f)).idle);
  });
  it("never leaves the coordinator's unit, whatever the filter says", async () => {
    const all = await peopleBehind(coordinator, "withoutEducationLevel", { municipalityId: coordinator.municipalityId, asOf: AS_OF }, 500, handle.db);
    const units = await handle.db.select({ id: s.participants.id, unitId: s.participants.unitId }).from(s.participants).where(eq(s.participants.municipalityId, coordinator.municipalityId));
    const unitOf = new Map(units.map((x) => [x.id, x.unitId]));
    for (const p of all) expect(unitOf.get(p.id)).toBe(coordinator.unitId);
  });
  it("gives a manager no names", async () => {
    expect(await peopleBehind(manager, "withoutEducationLevel", { municipalityId: manager.municipalityId, asOf: AS_OF }, 500, handle.db)).toEqual([]);
  });
});
