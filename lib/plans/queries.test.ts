// The plan is read within the coordinator's unit only, and the read is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, ne } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { seedDemo } from "@/db/seed";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getPlan, getPlanContact, getPlanFormOptions } from "./queries";

let handle: DbHandle;
let anna: Actor;
let samira: Actor;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemo(handle.db, { today: "2026-06-30" });
  const users = await handle.db.select().from(s.users);
  const as = (prefix: string): Actor => {
    const u = users.find((x) => x.email.startsWith(prefix))!;
    return { id: u.id, role: u.role, municipalityId: u.municipalityId, unitId: u.unitId };
  };
  anna = as("anna");
  samira = as("samira");
});
afterAll(async () => {
  await handle?.close();
});

describe("getPlan", () => {
  it("gives the coordinator of the unit the plan and activities, audited", async () => {
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.unitId, anna.unitId!)).limit(1);
    const r = await getPlan(anna, p.id, handle.db);
    expect(r.plan?.participantId).toBe(p.id);
    expect(r.activities.length).toBeGreaterThan(0);
    const audit = await handle.db.select().from(s.auditLog).where(eq(s.auditLog.action, "plan.read"));
    expect(audit.some((a) => a.participantId === p.id)).toBe(true);
  });
  it("answers not found to another unit and to a guessed id", async () => {
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.unitId, anna.unitId!)).limit(1);
    await expect(getPlan(samira, p.id, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPlan(anna, "00000000-0000-4000-8000-000000000000", handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getPlan({ ...anna, role: "manager" }, p.id, handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("getPlanContact", () => {
  it("names the responsible coordinator and their e-mail, within the unit only, and nobody for a deactivated account", async () => {
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.coordinatorId, anna.id)).limit(1);
    const [u] = await handle.db.select().from(s.users).where(eq(s.users.id, anna.id));
    expect(await getPlanContact(anna, p.id, handle.db)).toEqual({ name: u.name, email: u.email });
    expect(await getPlanContact(samira, p.id, handle.db)).toBeNull();
    await expect(getPlanContact(anna, "x", handle.db)).rejects.toBeInstanceOf(NotFoundError);
    const [nobody] = await handle.db.select().from(s.participants).where(and(eq(s.participants.unitId, anna.unitId!), ne(s.participants.id, p.id))).limit(1);
    await handle.db.update(s.participants).set({ coordinatorId: null }).where(eq(s.participants.id, nobody.id));
    expect(await getPlanContact(anna, nobody.id, handle.db)).toBeNull();
    await handle.db.update(s.users).set({ active: false }).where(eq(s.users.id, anna.id));
    try {
      expect(await getPlanContact(anna, p.id, handle.db)).toBeNull();
    } finally {
      await handle.db.update(s.users).set({ active: true }).where(eq(s.users.id, anna.id));
    }
  });
});

describe("getPlanFormOptions", () => {
  it("sends the unit's coordinators, the directory's actors and only the activity's current employer, not every employer", async () => {
    const [employer] = await handle.db.select().from(s.employers).where(eq(s.employers.municipalityId, anna.municipalityId)).limit(1);
    const fresh = await getPlanFormOptions(anna, null, handle.db);
    expect(fresh.employer).toBeNull();
    expect(Object.keys(fresh).sort()).toEqual(["employer", "people", "providers"]);
    expect(fresh.providers.map((p) => p.name)).toContain("Lärcentrum Demokommunen");
    expect(fresh.people.some((p) => p.id === anna.id)).toBe(true);
    expect((await getPlanFormOptions(anna, employer.id, handle.db)).employer).toEqual({ id: employer.id, name: employer.name, orgNr: employer.orgNr });
    expect((await getPlanFormOptions(anna, "00000000-0000-4000-8000-000000000000", handle.db)).employer).toBeNull();
  });
});
