// Consent on a real database: requireConsent refuses without a valid consent (none, not yet
// given, expired, withdrawn, another employer) and finds one that is valid on the day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { searchNameOf } from "@/lib/participants/search";
import { ConsentRequiredError, consentStatus, listConsents, recordConsent, requireConsent, withdrawConsent } from "./index";
import { recordConsentSchema } from "./schema";
import { afPlanSummary } from "@/lib/privacy/af-summary";
import { eq } from "drizzle-orm";

let handle: DbHandle;
let coordinator: Actor;
let otherUnit: Actor;
let participantId: string;
const allow = () => {};

beforeAll(async () => {
  handle = await createTestDb();
  const [m] = await handle.db.insert(s.municipalities).values({ code: "9201", name: "K" }).returning();
  const [u1] = await handle.db.insert(s.units).values({ municipalityId: m.id, name: "A" }).returning();
  const [u2] = await handle.db.insert(s.units).values({ municipalityId: m.id, name: "B" }).returning();
  const [c1] = await handle.db.insert(s.users).values({ municipalityId: m.id, unitId: u1.id, email: "c1@x.se", name: "C1", role: "coordinator" }).returning();
  const [c2] = await handle.db.insert(s.users).values({ municipalityId: m.id, unitId: u2.id, email: "c2@x.se", name: "C2", role: "coordinator" }).returning();
  coordinator = { id: c1.id, role: "coordinator", municipalityId: m.id, unitId: u1.id };
  otherUnit = { id: c2.id, role: "coordinator", municipalityId: m.id, unitId: u2.id };
  const [p] = await handle.db
    .insert(s.participants)
    .values({ municipalityId: m.id, unitId: u1.id, firstName: "Amal", lastName: "Said", searchName: searchNameOf("Amal", "Said"), birthDate: "1991-01-01", gender: "K", receptionDate: "2025-01-10" })
    .returning();
  participantId = p.id;
});
afterAll(async () => {
  await handle?.close();
});

const consent = (over: Record<string, string>) =>
  recordConsentSchema.parse({ participantId, actor: "arbetsformedlingen", actorName: "", scope: "Planens mål och insatser", method: "skriftligt", givenOn: "2026-01-15", validUntil: "", ...over });

describe("requireConsent", () => {
  it("refuses with a clear message when there is no consent", async () => {
    const err = await requireConsent(handle.db, participantId, "arbetsformedlingen", "2026-02-01").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConsentRequiredError);
    expect((err as Error).message).toContain("inget giltigt samtycke");
    expect((err as Error).message).toContain("Arbetsförmedlingen");
  });
  it("accepts a valid consent from the day it was given, until it expires", async () => {
    await handle.db.transaction((tx) => recordConsent(tx, coordinator, consent({ validUntil: "2026-06-30" }), allow));
    await expect(requireConsent(handle.db, participantId, "arbetsformedlingen", "2026-01-14")).rejects.toBeInstanceOf(ConsentRequiredError);
    await expect(requireConsent(handle.db, participantId, "arbetsformedlingen", "2026-01-15")).resolves.toMatchObject({ actor: "arbetsformedlingen" });
    await expect(requireConsent(handle.db, participantId, "arbetsformedlingen", "2026-06-30")).resolves.toBeTruthy();
    await expect(requireConsent(handle.db, participantId, "arbetsformedlingen", "2026-07-01")).rejects.toBeInstanceOf(ConsentRequiredError);
    // Consent to one actor says nothing about another.
    await expect(requireConsent(handle.db, participantId, "region_halsa", "2026-02-01")).rejects.toBeInstanceOf(ConsentRequiredError);
  });
  it("a withdrawal ends the consent from that day", async () => {
    const c = await handle.db.transaction((tx) => recordConsent(tx, coordinator, consent({ actor: "vuxenutbildning" }), allow));
    await handle.db.transaction((tx) => withdrawConsent(tx, coordinator, { id: c.id, version: 1, withdrawnOn: "2026-03-01" }, allow));
    await expect(requireConsent(handle.db, participantId, "vuxenutbildning", "2026-02-28")).resolves.toBeTruthy();
    await expect(requireConsent(handle.db, participantId, "vuxenutbildning", "2026-03-01")).rejects.toBeInstanceOf(ConsentRequiredError);
    expect(consentStatus({ validUntil: null, withdrawnOn: "2026-03-01" }, "2026-03-01")).toBe("withdrawn");
  });
  it("an employer consent names the employer", async () => {
    expect(() => consent({ actor: "arbetsgivare" })).toThrow();
    await handle.db.transaction((tx) => recordConsent(tx, coordinator, consent({ actor: "arbetsgivare", actorName: "Bageriet AB" }), allow));
    await expect(requireConsent(handle.db, participantId, "arbetsgivare", "2026-02-01", "bageriet ab")).resolves.toBeTruthy();
    await expect(requireConsent(handle.db, participantId, "arbetsgivare", "2026-02-01", "Annat AB")).rejects.toBeInstanceOf(ConsentRequiredError);
  });
  it("another unit's coordinator can neither list nor record", async () => {
    await expect(listConsents(otherUnit, participantId, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(handle.db.transaction((tx) => recordConsent(tx, otherUnit, consent({}), allow))).rejects.toBeInstanceOf(NotFoundError);
    expect((await listConsents(coordinator, participantId, handle.db)).length).toBe(3);
  });
  it("the plan summary for Arbetsförmedlingen needs a valid consent and is audited", async () => {
    await expect(afPlanSummary(coordinator, participantId, "2026-08-01", handle.db)).rejects.toBeInstanceOf(ConsentRequiredError);
    await expect(afPlanSummary(otherUnit, participantId, "2026-02-01", handle.db)).rejects.toBeInstanceOf(NotFoundError);
    const text = await afPlanSummary(coordinator, participantId, "2026-02-01", handle.db);
    expect(text).toContain("Amal Said");
    expect(text).toContain("Planens mål och insatser");
    const audit = await handle.db.select().from(s.auditLog).where(eq(s.auditLog.action, "handover.af_plan_summary"));
    expect(audit).toHaveLength(1);
    expect(audit[0].participantId).toBe(participantId);
  });
});

describe("recordConsentSchema", () => {
  it("says that a consent cannot end before the day it was given, next to its end date", () => {
    const input = { participantId: "00000000-0000-4000-8000-000000000000", actor: "arbetsformedlingen", actorName: "", scope: "Planens mål", method: "skriftligt", givenOn: "2026-01-15" };
    const early = recordConsentSchema.safeParse({ ...input, validUntil: "2026-01-14" });
    expect(early.success).toBe(false);
    expect(early.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["validUntil", "before_given"]]);
    expect(recordConsentSchema.safeParse({ ...input, validUntil: "2026-01-15" }).success).toBe(true);
  });
});
