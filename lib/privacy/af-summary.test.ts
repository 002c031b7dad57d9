// The summary for Arbetsförmedlingen follows the consent's scope exactly: the plan and sfi
// attendance when those are named, the health examination only when the scope names it, nothing
// when it names none of them; codes in words; audited with the consent and the parts handed over;
// nobody outside the participant's unit gets anything.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { ConsentRequiredError, ConsentScopeError } from "@/lib/consent";
import { NotFoundError } from "@/lib/errors";
import { searchNameOf } from "@/lib/participants/search";
import { afPlanSummary } from "./af-summary";

const AS_OF = "2026-11-20";
let handle: DbHandle;
let m: string;
let coordinator: Actor;
let otherUnit: Actor;
let otherMunicipality: Actor;
let admin: Actor;
let participantId: string;

async function consent(scope: string, givenOn: string) {
  await handle.db.insert(s.consents).values({ municipalityId: m, participantId, actor: "arbetsformedlingen", scope, method: "skriftligt", givenOn });
}

async function handovers() {
  return handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "handover.af_plan_summary"), eq(s.auditLog.participantId, participantId)));
}

beforeAll(async () => {
  handle = await createTestDb();
  const [mu] = await handle.db.insert(s.municipalities).values({ code: "9211", name: "K" }).returning();
  const [mu2] = await handle.db.insert(s.municipalities).values({ code: "9212", name: "L" }).returning();
  m = mu.id;
  const [u1] = await handle.db.insert(s.units).values({ municipalityId: m, name: "A" }).returning();
  const [u2] = await handle.db.insert(s.units).values({ municipalityId: m, name: "B" }).returning();
  const [u3] = await handle.db.insert(s.units).values({ municipalityId: mu2.id, name: "C" }).returning();
  const user = async (municipalityId: string, unitId: string | null, email: string, role: "coordinator" | "admin"): Promise<Actor> => {
    const [u] = await handle.db.insert(s.users).values({ municipalityId, unitId, email, name: email, role }).returning();
    return { id: u.id, role, municipalityId, unitId };
  };
  coordinator = await user(m, u1.id, "c1@x.se", "coordinator");
  otherUnit = await user(m, u2.id, "c2@x.se", "coordinator");
  otherMunicipality = await user(mu2.id, u3.id, "c3@x.se", "coordinator");
  admin = await user(m, null, "a@x.se", "admin");
  const [p] = await handle.db
    .insert(s.participants)
    .values({ municipalityId: m, unitId: u1.id, firstName: "Amal", lastName: "Said", searchName: searchNameOf("Amal", "Said"), birthDate: "1991-01-01", gender: "K", receptionDate: "2026-08-01", programmeStart: "2026-08-31" })
    .returning();
  participantId = p.id;
  await handle.db.insert(s.plans).values({ participantId, goalType: "arbete", goalOccupation: "Undersköterska" });
  await handle.db.insert(s.activities).values([
    { municipalityId: m, participantId, type: "sfi", status: "pagaende", startDate: "2026-09-01" },
    { municipalityId: m, participantId, type: "praktik", status: "planerad", startDate: "2026-12-01", endDate: "2027-01-31", provider: "Äldreboendet" },
    { municipalityId: m, participantId, type: "halsoundersokning", status: "avslutad", startDate: "2026-09-02", details: { type: "halsoundersokning", healthStatus: "genomford", offeredDate: "2026-09-02", doneDate: "2026-09-20" } },
  ]);
  // Sfi this term: three of four lessons in the last four weeks attended in full.
  const [g] = await handle.db.insert(s.sfiGroups).values({ municipalityId: m, name: "B-gruppen", school: "Lärcentrum", studyPath: 2, course: "B", schedule: { days: [1, 2, 3, 4], start: "08:30", end: "11:30", hours: 3 } }).returning();
  await handle.db.insert(s.sfiEnrolments).values({ groupId: g.id, participantId, startDate: "2026-09-01" });
  await handle.db.insert(s.sfiAttendance).values(
    [
      ["2026-11-02", 3],
      ["2026-11-09", 3],
      ["2026-11-16", 0],
      ["2026-11-19", 3],
      // Before the four weeks: not counted.
      ["2026-10-01", 0],
    ].map(([lessonDate, attended]) => ({ groupId: g.id, participantId, lessonDate: String(lessonDate), scheduledHours: "3", attendedHours: String(attended) })),
  );
});
afterAll(async () => {
  await handle?.close();
});

describe("the summary for Arbetsförmedlingen", () => {
  it("is refused without a valid consent, and to anyone outside the participant's unit", async () => {
    await expect(afPlanSummary(coordinator, participantId, AS_OF, handle.db)).rejects.toBeInstanceOf(ConsentRequiredError);
    await consent("Planen och närvaro i sfi", "2026-09-01");
    for (const actor of [otherUnit, otherMunicipality, admin, { ...coordinator, role: "manager" as const }, { ...coordinator, role: "sfi_teacher" as const }]) {
      await expect(afPlanSummary(actor, participantId, AS_OF, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await handovers()).toHaveLength(0);
  });

  it("holds the plan and the sfi attendance the scope names, in words, and no health examination", async () => {
    const r = await afPlanSummary(coordinator, participantId, AS_OF, handle.db);
    expect(r.parts).toEqual(["goal", "activities", "sfiAttendance"]);
    const lines = r.text.split("\n");
    expect(lines).toContain("Deltagare: Amal Said, född 1991-01-01");
    expect(lines).toContain("Etableringsprogrammet: startdatum 2026-08-31");
    expect(r.text).toContain("Mål:\n  Arbete: Undersköterska");
    expect(lines).toContain("  Sfi, pågående, från 2026-09-01");
    expect(lines).toContain("  Praktik, planerad, 2026-12-01 – 2027-01-31, anordnare: Äldreboendet");
    expect(lines).toContain("Närvaro i sfi de senaste fyra veckorna (2026-10-24 – 2026-11-20):");
    expect(lines).toContain("  75 % av den schemalagda tiden.");
    expect(lines).toContain("Lämnas ut med deltagarens samtycke (skriftligt, 2026-09-01): Planen och närvaro i sfi");
    // Codes never, health data not at all.
    expect(r.text).not.toMatch(/pagaende|planerad\)|avslutad\)|\(planerad|arbete:/);
    expect(r.text).not.toMatch(/[Hh]älso|genomförd|2026-09-20/);
    const [entry] = await handovers();
    expect(entry.details).toMatchObject({ consentId: r.consent.id, activities: 2, parts: ["goal", "activities", "sfiAttendance"] });
  });

  it("holds the health examination, and only what else is named, when a newer consent says so", async () => {
    await consent("Planens mål och hälsoundersökningen", "2026-10-01");
    const r = await afPlanSummary(coordinator, participantId, AS_OF, handle.db);
    expect(r.parts).toEqual(["goal", "health"]);
    expect(r.text).toContain("Hälsoundersökning:\n  Genomförd (erbjuden 2026-09-02, genomförd 2026-09-20)");
    expect(r.text).toContain("Mål:");
    expect(r.text).not.toContain("Insatser:");
    expect(r.text).not.toContain("Praktik");
    expect(r.text).not.toContain("Närvaro i sfi");
  });

  it("says when the programme ends, and when it has not started", async () => {
    await handle.db.update(s.participants).set({ programmeEnd: "2028-08-30" }).where(eq(s.participants.id, participantId));
    expect((await afPlanSummary(coordinator, participantId, AS_OF, handle.db)).text).toContain("Etableringsprogrammet: startdatum 2026-08-31, slutdatum 2028-08-30");
    await handle.db.update(s.participants).set({ programmeStart: null, programmeEnd: null }).where(eq(s.participants.id, participantId));
    expect((await afPlanSummary(coordinator, participantId, AS_OF, handle.db)).text).toContain("Etableringsprogrammet: inte startat");
  });

  it("is refused, and nothing handed over, when the consent names none of its parts", async () => {
    const before = (await handovers()).length;
    await consent("Allt utom hälsa", "2026-11-01");
    const err = await afPlanSummary(coordinator, participantId, AS_OF, handle.db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConsentScopeError);
    expect((err as ConsentScopeError).scope).toBe("Allt utom hälsa");
    expect(await handovers()).toHaveLength(before);
  });
});
