// Register extracts: found by exact personnummer or external id within the admin's municipality,
// holding all the person's data (here: participant, activity, consent, audit), and audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { searchNameOf } from "@/lib/participants/search";
import { luhnCheckDigit } from "@/lib/validation/personnummer";
import { writeAudit } from "@/lib/audit/commands";
import { buildRegisterExtract, findParticipantForExtract, summariseAuditEntries } from "./extract";

let handle: DbHandle;
let admin: Actor;
let otherAdmin: Actor;
let participantId: string;
let coordinatorId: string;
let strangerId: string;
const nine = "900101912";
const PNR = `19${nine}${luhnCheckDigit(nine)}`;

beforeAll(async () => {
  handle = await createTestDb();
  const [m1] = await handle.db.insert(s.municipalities).values({ code: "9301", name: "Ett" }).returning();
  const [m2] = await handle.db.insert(s.municipalities).values({ code: "9302", name: "Två" }).returning();
  const [a1] = await handle.db.insert(s.users).values({ municipalityId: m1.id, email: "a@x.se", name: "A", role: "admin" }).returning();
  const [a2] = await handle.db.insert(s.users).values({ municipalityId: m2.id, email: "b@x.se", name: "B", role: "admin" }).returning();
  admin = { id: a1.id, role: "admin", municipalityId: m1.id, unitId: null };
  otherAdmin = { id: a2.id, role: "admin", municipalityId: m2.id, unitId: null };
  const [unit] = await handle.db.insert(s.units).values({ municipalityId: m1.id, name: "Centrum" }).returning();
  const [coord] = await handle.db.insert(s.users).values({ municipalityId: m1.id, unitId: unit.id, email: "k@x.se", name: "Karin Koordinator", role: "coordinator" }).returning();
  coordinatorId = coord.id;
  // Another municipality's user, referred to by mistake: not named in this municipality's extract.
  strangerId = a2.id;
  const [employer] = await handle.db.insert(s.employers).values({ municipalityId: m1.id, orgNr: "556677-8899", name: "Bageriet AB" }).returning();
  const [p] = await handle.db
    .insert(s.participants)
    .values({ municipalityId: m1.id, unitId: unit.id, coordinatorId: coord.id, personnummer: PNR, externalId: "EXT-1", firstName: "Yusuf", lastName: "Ali", searchName: searchNameOf("Yusuf", "Ali"), birthDate: "1990-01-01", gender: "M", receptionDate: "2025-01-01" })
    .returning();
  participantId = p.id;
  const [act] = await handle.db
    .insert(s.activities)
    .values({ municipalityId: m1.id, participantId, type: "praktik", status: "pagaende", startDate: "2025-03-01", employerId: employer.id, responsibleUserId: coord.id, importKey: "praktik|2025-03-01", details: { type: "praktik", employerId: employer.id, supervisor: "Eva" } })
    .returning();
  await handle.db.insert(s.followups).values({ municipalityId: m1.id, participantId, activityId: act.id, type: "uppfoljning", status: "planerad", dueDate: "2025-04-01", responsibleUserId: a2.id });
  await handle.db.insert(s.consents).values({ municipalityId: m1.id, participantId, actor: "arbetsformedlingen", scope: "Plan", method: "skriftligt", givenOn: "2025-02-01", recordedBy: coord.id });
});
afterAll(async () => {
  await handle?.close();
});

describe("register extract", () => {
  it("finds the person by exact personnummer (with or without dash) or external id, in the own municipality only", async () => {
    expect(await findParticipantForExtract(admin, { personnummer: PNR }, handle.db)).toBe(participantId);
    expect(await findParticipantForExtract(admin, { personnummer: `${PNR.slice(0, 8)}-${PNR.slice(8)}` }, handle.db)).toBe(participantId);
    expect(await findParticipantForExtract(admin, { externalId: "EXT-1" }, handle.db)).toBe(participantId);
    expect(await findParticipantForExtract(admin, { externalId: "EXT-" }, handle.db)).toBeNull();
    expect(await findParticipantForExtract(admin, { externalId: "' or 1=1 --" }, handle.db)).toBeNull();
    expect(await findParticipantForExtract(otherAdmin, { personnummer: PNR }, handle.db)).toBeNull();
    // Or by the person's id in the system (as the audit log and gallring show it), in the own municipality only.
    expect(await findParticipantForExtract(admin, { externalId: participantId.toUpperCase() }, handle.db)).toBe(participantId);
    expect(await findParticipantForExtract(otherAdmin, { externalId: participantId }, handle.db)).toBeNull();
    expect(await findParticipantForExtract(admin, {}, handle.db)).toBeNull();
  });
  it("holds all the person's data and is audited", async () => {
    const x = await buildRegisterExtract(admin, participantId, handle.db);
    expect(x.participant.personnummer).toBe(PNR);
    expect(x.activities).toHaveLength(1);
    expect(x.consents).toHaveLength(1);
    const audit = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "participant.extract"), eq(s.auditLog.participantId, participantId)));
    expect(audit).toHaveLength(1);
    // The next extract lists the previous one among the audit entries about the person, and the
    // lists that showed them (a caseload page: their id among the page's).
    await writeAudit(handle.db, { id: admin.id, municipalityId: admin.municipalityId }, { action: "participant.list", entityType: "participant", details: { ids: [participantId], query: "name" } });
    await writeAudit(handle.db, { id: admin.id, municipalityId: admin.municipalityId }, { action: "participant.list", entityType: "participant", details: { ids: [], query: "name" } });
    const again = await buildRegisterExtract(admin, participantId, handle.db);
    expect(again.auditEntries.map((e) => e.action)).toEqual(["participant.extract", "participant.list"]);
  });
  it("names the records the data refers to, within the municipality only", async () => {
    const x = await buildRegisterExtract(admin, participantId, handle.db);
    expect(x.names.municipalities).toEqual({ [admin.municipalityId]: "Ett" });
    expect(Object.values(x.names.units)).toEqual(["Centrum"]);
    expect(x.names.users[coordinatorId]).toBe("Karin Koordinator");
    expect(Object.values(x.names.employers)).toEqual(["Bageriet AB"]);
    expect(x.names.users[strangerId]).toBeUndefined();
  });
  it("is not found for another municipality's admin or for a coordinator", async () => {
    await expect(buildRegisterExtract(otherAdmin, participantId, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(buildRegisterExtract({ ...admin, role: "coordinator" }, participantId, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    await expect(findParticipantForExtract({ ...admin, role: "manager" }, { personnummer: PNR }, handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("summariseAuditEntries", () => {
  it("gives one row per user and action: how often, first and last", () => {
    const at = (d: string) => new Date(`${d}T10:00:00Z`);
    const rows = summariseAuditEntries([
      { at: at("2026-03-02"), userId: "u1", userName: "Anna", action: "participant.list" },
      { at: at("2026-01-05"), userId: "u1", userName: "Anna", action: "participant.list" },
      { at: at("2026-02-01"), userId: "u1", userName: "Anna", action: "participant.read" },
      { at: at("2026-04-01"), userId: "u2", userName: "Bo", action: "participant.list" },
      { at: at("2026-01-20"), userId: "u1", userName: "Anna", action: "participant.list" },
    ]);
    expect(rows).toEqual([
      { userId: "u1", userName: "Anna", action: "participant.list", count: 3, first: at("2026-01-05"), last: at("2026-03-02") },
      { userId: "u1", userName: "Anna", action: "participant.read", count: 1, first: at("2026-02-01"), last: at("2026-02-01") },
      { userId: "u2", userName: "Bo", action: "participant.list", count: 1, first: at("2026-04-01"), last: at("2026-04-01") },
    ]);
    expect(summariseAuditEntries([])).toEqual([]);
  });
});
