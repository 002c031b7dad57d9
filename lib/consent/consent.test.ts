// Consent on a real database: requireConsent refuses without a valid consent (none, not yet
// given, expired, withdrawn, another employer) and finds one that is valid on the day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { searchNameOf } from "@/lib/participants/search";
import { CONSENT_ACTOR_NAMES, ConsentRequiredError, consentStatus, listConsents, recordConsent, requireConsent, withdrawConsent, withdrawConsentAction } from "./index";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { recordConsentSchema, withdrawConsentSchema } from "./schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { addDays, todayIso } from "@/lib/dates";
import { afPlanSummary } from "@/lib/privacy/af-summary";
import { and, eq } from "drizzle-orm";

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
    const { text } = await afPlanSummary(coordinator, participantId, "2026-02-01", handle.db);
    expect(text).toContain("Amal Said");
    expect(text).toContain("Planens mål och insatser");
    const audit = await handle.db.select().from(s.auditLog).where(eq(s.auditLog.action, "handover.af_plan_summary"));
    expect(audit).toHaveLength(1);
    expect(audit[0].participantId).toBe(participantId);
  });
});

describe("the actors' names", () => {
  it("are the same in the Swedish catalogue as in the refusal, and every actor has one in English", () => {
    expect(privacyMessages.sv.consent.actors).toEqual(CONSENT_ACTOR_NAMES);
    expect(Object.keys(privacyMessages.en.consent.actors).sort()).toEqual(Object.keys(CONSENT_ACTOR_NAMES).sort());
    // The refusal the page shows in Swedish is the error's own message.
    const err = new ConsentRequiredError("region_halsa");
    expect(`${privacyMessages.sv.consent.refused} ${privacyMessages.sv.consent.actors.region_halsa}.`).toBe(err.message);
  });
});

describe("withdrawing a consent", () => {
  const user = (a: Actor): SessionUser => ({ ...a, name: "N", email: "n@x.se" });
  const today = todayIso();
  let id: string;
  const withdraw = (actor: Actor, input: Record<string, unknown>) => executeAction(withdrawConsentAction, input, user(actor), handle.db);

  beforeAll(async () => {
    const given = addDays(today, -30);
    const c = await handle.db.transaction((tx) => recordConsent(tx, coordinator, consent({ actor: "region_halsa", givenOn: given, validUntil: "" }), allow));
    id = c.id;
  });

  it("takes a day that has been, and says so next to the date for one to come or one that is no date", () => {
    const future = withdrawConsentSchema.safeParse({ id: participantId, version: 1, withdrawnOn: addDays(today, 1) });
    expect(future.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["withdrawnOn", "future"]]);
    const noDate = withdrawConsentSchema.safeParse({ id: participantId, version: 1, withdrawnOn: "2026-02-30" });
    expect(noDate.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["withdrawnOn", "date"]]);
    expect(withdrawConsentSchema.safeParse({ id: participantId, version: 1, withdrawnOn: today }).success).toBe(true);
  });

  it("is refused for a day in the future or before the consent was given, and changes nothing", async () => {
    const future = await withdraw(coordinator, { id, version: 1, withdrawnOn: addDays(today, 1) });
    expect(future).toMatchObject({ ok: false, code: "invalid", fieldErrors: { withdrawnOn: ["future"] } });
    const early = await withdraw(coordinator, { id, version: 1, withdrawnOn: addDays(today, -31) });
    expect(early).toMatchObject({ ok: false, code: "invalid", fieldErrors: { withdrawnOn: ["before_given"] } });
    const [c] = await handle.db.select().from(s.consents).where(eq(s.consents.id, id));
    expect(c).toMatchObject({ withdrawnOn: null, version: 1 });
  });

  it("gives another unit, another municipality and other roles nothing", async () => {
    const [m2] = await handle.db.insert(s.municipalities).values({ code: "9202", name: "L" }).returning();
    const [u3] = await handle.db.insert(s.units).values({ municipalityId: m2.id, name: "C" }).returning();
    const elsewhere: Actor = { ...coordinator, municipalityId: m2.id, unitId: u3.id };
    for (const actor of [otherUnit, elsewhere, { ...coordinator, role: "admin" as const }, { ...coordinator, role: "manager" as const }]) {
      expect(await withdraw(actor, { id, version: 1, withdrawnOn: today })).toMatchObject({ ok: false, code: "not_found" });
    }
    const [c] = await handle.db.select().from(s.consents).where(eq(s.consents.id, id));
    expect(c.withdrawnOn).toBeNull();
  });

  it("records the day given, once, against the version the page showed, and audits it", async () => {
    const day = addDays(today, -3);
    const r = await withdraw(coordinator, { id, version: 1, withdrawnOn: day });
    expect(r).toMatchObject({ ok: true, data: { id, withdrawnOn: day } });
    const [c] = await handle.db.select().from(s.consents).where(eq(s.consents.id, id));
    expect(c).toMatchObject({ withdrawnOn: day, withdrawnBy: coordinator.id, version: 2 });
    const [entry] = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "consent.withdraw"), eq(s.auditLog.entityId, id)));
    expect(entry.details).toEqual({ actor: "region_halsa", withdrawnOn: day });
    // A stale page, or a second press: shown the consent as it is now, nothing overwritten.
    expect(await withdraw(coordinator, { id, version: 1, withdrawnOn: today })).toMatchObject({ ok: false, code: "conflict" });
    expect(await withdraw(coordinator, { id, version: 2, withdrawnOn: today })).toMatchObject({ ok: false, code: "conflict" });
    const [again] = await handle.db.select().from(s.consents).where(eq(s.consents.id, id));
    expect(again).toMatchObject({ withdrawnOn: day, version: 2 });
  });
});

describe("recordConsentSchema", () => {
  it("says which field is missing or wrong, by field, and takes no day of consent to come", () => {
    const input = { participantId: "00000000-0000-4000-8000-000000000000", actor: "arbetsgivare", actorName: "", scope: " ", method: "skriftligt", givenOn: addDays(todayIso(), 1), validUntil: "" };
    const r = recordConsentSchema.safeParse(input);
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message]).sort()).toEqual([
      ["actorName", "required"],
      ["givenOn", "future"],
      ["scope", "required"],
    ]);
    expect(recordConsentSchema.safeParse({ ...input, actorName: "Bageriet AB", scope: "Planen", givenOn: todayIso() }).success).toBe(true);
    // Every code the schema gives has words next to its field, in both languages.
    for (const [field, code] of [["actorName", "required"], ["scope", "required"], ["givenOn", "date"], ["givenOn", "future"], ["validUntil", "date"], ["validUntil", "before_given"], ["withdrawnOn", "date"], ["withdrawnOn", "future"], ["withdrawnOn", "before_given"]]) {
      expect(privacyMessages.sv.consent.errors[field]?.[code], `${field} ${code}`).toBeTruthy();
      expect(privacyMessages.en.consent.errors[field]?.[code], `${field} ${code}`).toBeTruthy();
    }
    expect(Object.values(privacyMessages.sv.consent.errors).flatMap((e) => Object.values(e))).not.toContain("Fyll i fältet.");
  });

  it("says that a consent cannot end before the day it was given, next to its end date", () => {
    const input = { participantId: "00000000-0000-4000-8000-000000000000", actor: "arbetsformedlingen", actorName: "", scope: "Planens mål", method: "skriftligt", givenOn: "2026-01-15" };
    const early = recordConsentSchema.safeParse({ ...input, validUntil: "2026-01-14" });
    expect(early.success).toBe(false);
    expect(early.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["validUntil", "before_given"]]);
    expect(recordConsentSchema.safeParse({ ...input, validUntil: "2026-01-15" }).success).toBe(true);
  });
});
