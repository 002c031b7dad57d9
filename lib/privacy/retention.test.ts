// Gallring on a real database: only closed cases past the retention period are anonymised; the
// preview changes nothing; figures the dashboard needs stay; audit entries stay and still verify.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { writeAudit } from "@/lib/audit/commands";
import { verifyAuditChain } from "@/lib/audit/verify";
import { searchNameOf } from "@/lib/participants/search";
import { findDueCases, runGallring } from "./retention";

let handle: DbHandle;
let oldCase: string;
let recentCase: string;
let openCase: string;
let m: string;

async function participant(over: Partial<typeof s.participants.$inferInsert>) {
  const [p] = await handle.db
    .insert(s.participants)
    .values({ municipalityId: m, firstName: "Sara", lastName: "Haile", searchName: searchNameOf("Sara", "Haile"), birthDate: "1988-07-14", gender: "K", receptionDate: "2019-01-01", personnummer: null, phone: "0701234567", email: "sara@example.se", address: "Storgatan 1", ...over })
    .returning();
  return p.id;
}

beforeAll(async () => {
  handle = await createTestDb();
  const [mu] = await handle.db.insert(s.municipalities).values({ code: "9401", name: "K" }).returning();
  m = mu.id;
  oldCase = await participant({ closedAt: "2021-05-01", programmeEnd: "2021-03-01", personnummer: "198807149999", externalId: "X1" });
  recentCase = await participant({ closedAt: "2025-05-01" });
  openCase = await participant({});
  await handle.db.insert(s.activities).values([
    { municipalityId: m, participantId: oldCase, type: "praktik", status: "avslutad", startDate: "2020-01-01", endDate: "2021-04-30", resultNote: "Bra omdöme från handledaren" },
    // An old open case with an old activity is not closed, so it stays.
    { municipalityId: m, participantId: openCase, type: "sfi", status: "avslutad", startDate: "2019-02-01", endDate: "2019-06-01" },
  ]);
  await handle.db.insert(s.followups).values({ municipalityId: m, participantId: oldCase, type: "uppfoljning", status: "genomford", dueDate: "2021-04-01", heldDate: "2021-04-02", notes: "Privat anteckning", attendees: "Sara, handledare" });
  await handle.db.insert(s.outcomes).values({ municipalityId: m, participantId: oldCase, kind: "dag90", status: "arbete", recordedDate: "2021-06-01" });
  await handle.db.insert(s.consents).values({ municipalityId: m, participantId: oldCase, actor: "arbetsformedlingen", scope: "Plan", method: "skriftligt", givenOn: "2020-01-01" });
  await handle.db.insert(s.loginAttempts).values([
    { email: "x@x.se", ip: "1.2.3.4", success: false, at: new Date("2025-01-01T00:00:00Z") },
    { email: "y@x.se", ip: "1.2.3.4", success: true, at: new Date("2026-05-30T00:00:00Z") },
  ]);
  await writeAudit(handle.db, { id: null, municipalityId: m }, { action: "participant.read", entityType: "participant", participantId: oldCase });
});
afterAll(async () => {
  await handle?.close();
});

describe("gallring", () => {
  it("finds closed cases whose last activity is more than three years old", async () => {
    const due = await findDueCases(handle.db, { asOf: "2026-06-01" });
    expect(due.map((d) => d.id)).toEqual([oldCase]);
    expect(due[0].lastActivity).toBe("2021-05-01");
    // Due once the last activity is more than three years back: from 2024-05-02.
    expect(await findDueCases(handle.db, { asOf: "2024-05-01" })).toEqual([]);
    expect((await findDueCases(handle.db, { asOf: "2024-05-02" })).map((d) => d.id)).toEqual([oldCase]);
  });
  it("the preview changes nothing", async () => {
    const r = await runGallring(handle.db, { asOf: "2026-06-01", dryRun: true });
    expect(r.cases).toHaveLength(1);
    expect(r.loginAttemptsDeleted).toBe(1);
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.id, oldCase));
    expect(p.erasedAt).toBeNull();
    expect(await handle.db.$count(s.loginAttempts)).toBe(2);
  });
  it("anonymises: personal fields, notes and consents go; figures stay; audited; chain intact", async () => {
    const before = await handle.db.$count(s.auditLog);
    await runGallring(handle.db, { asOf: "2026-06-01", dryRun: false });
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.id, oldCase));
    expect(p).toMatchObject({ personnummer: null, externalId: null, firstName: "Anonymiserad", lastName: "", phone: null, email: null, address: null, gender: "K", birthDate: "1988-01-01", closedAt: "2021-05-01", programmeEnd: "2021-03-01" });
    expect(p.erasedAt).not.toBeNull();
    const [a] = await handle.db.select().from(s.activities).where(eq(s.activities.participantId, oldCase));
    expect(a).toMatchObject({ type: "praktik", startDate: "2020-01-01", endDate: "2021-04-30", resultNote: null });
    const [f] = await handle.db.select().from(s.followups).where(eq(s.followups.participantId, oldCase));
    expect(f).toMatchObject({ notes: null, attendees: null, heldDate: "2021-04-02" });
    expect(await handle.db.$count(s.outcomes, eq(s.outcomes.participantId, oldCase))).toBe(1);
    expect(await handle.db.$count(s.consents, eq(s.consents.participantId, oldCase))).toBe(0);
    const [untouched] = await handle.db.select().from(s.participants).where(eq(s.participants.id, recentCase));
    expect(untouched.firstName).toBe("Sara");
    expect(await handle.db.$count(s.loginAttempts)).toBe(1);
    const erase = await handle.db.select().from(s.auditLog).where(eq(s.auditLog.action, "participant.erase"));
    expect(erase.map((e) => e.participantId)).toEqual([oldCase]);
    expect(await handle.db.$count(s.auditLog)).toBe(before + 1);
    expect((await verifyAuditChain(handle.db)).ok).toBe(true);
    // Run again: nothing left to do.
    expect((await runGallring(handle.db, { asOf: "2026-06-01", dryRun: true })).cases).toEqual([]);
  });
});
