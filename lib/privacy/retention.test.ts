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
import { countDueCases, findDueCases, previewGallring, runGallring } from "./retention";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { and, sql } from "drizzle-orm";

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

async function adminOf(municipalityId: string, email: string, role: "admin" | "coordinator" | "manager" = "admin"): Promise<Actor> {
  const [u] = await handle.db.insert(s.users).values({ municipalityId, email, name: email, role }).returning();
  return { id: u.id, role, municipalityId, unitId: null };
}

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

describe("the preview, a page at a time", () => {
  it("counts every due case of the municipality and shows a page of them, the oldest first", async () => {
    const [other] = await handle.db.insert(s.municipalities).values({ code: "9402", name: "L" }).returning();
    const inM = async (closedAt: string) => participant({ municipalityId: other.id, closedAt });
    const due: { id: string; year: number }[] = [];
    for (const year of [2022, 2018, 2020, 2019, 2021]) due.push({ id: await inM(`${year}-01-01`), year });
    due.sort((a, b) => a.year - b.year);
    // Closed long ago, but followed up last year: not due.
    const followedUp = await inM("2018-06-01");
    await handle.db.insert(s.followups).values({ municipalityId: other.id, participantId: followedUp, type: "uppfoljning", status: "genomford", dueDate: "2024-01-01", heldDate: "2024-01-02" });
    const asOf = "2026-06-01";
    const otherAdmin = await adminOf(other.id, "l-admin@x.se");
    expect(await countDueCases(handle.db, { asOf, municipalityId: other.id })).toBe(5);
    const first = await previewGallring(otherAdmin, { asOf, pageSize: 2 }, handle.db);
    expect(first).toMatchObject({ total: 5, page: 1, pages: 3, pageSize: 2 });
    expect(first.cases.map((c) => c.id)).toEqual(due.slice(0, 2).map((d) => d.id));
    expect(first.cases[0]).toMatchObject({ id: due[0].id, municipalityId: other.id, lastActivity: "2018-01-01" });
    expect((await previewGallring(otherAdmin, { asOf, pageSize: 2, page: 3 }, handle.db)).cases.map((c) => c.id)).toEqual([due[4].id]);
    // A page past the last (cases were anonymised meanwhile) shows the last.
    expect((await previewGallring(otherAdmin, { asOf, pageSize: 2, page: 40 }, handle.db)).page).toBe(3);
    // The whole list, for the command and the run, is the same cases in the same order; another municipality's are not in it.
    expect((await findDueCases(handle.db, { asOf, municipalityId: other.id })).map((c) => c.id)).toEqual(due.map((d) => d.id));
    expect((await findDueCases(handle.db, { asOf, municipalityId: m })).some((c) => due.some((d) => d.id === c.id))).toBe(false);
    // The cutoff is the day: the case closed 2022-01-01 is due from 2025-01-02.
    expect(await countDueCases(handle.db, { asOf: "2025-01-01", municipalityId: other.id })).toBe(4);
    expect(await countDueCases(handle.db, { asOf: "2025-01-02", municipalityId: other.id })).toBe(5);
  });
});

describe("the preview says whose cases they are", () => {
  it("names each case's person, external id, unit, coordinator, closing day and last activity, and audits the page as a list read", async () => {
    const [mu] = await handle.db.insert(s.municipalities).values({ code: "9403", name: "M" }).returning();
    const [unit] = await handle.db.insert(s.units).values({ municipalityId: mu.id, name: "Centrum" }).returning();
    const [coord] = await handle.db.insert(s.users).values({ municipalityId: mu.id, unitId: unit.id, email: "k@m.se", name: "Karin Koordinator", role: "coordinator" }).returning();
    const closed = await participant({ municipalityId: mu.id, unitId: unit.id, coordinatorId: coord.id, externalId: "EXT-9", firstName: "Hana", lastName: "Ali", closedAt: "2020-02-01", programmeEnd: "2020-01-15" });
    // Due because the programme ended long ago, without a closing day, unit or coordinator.
    const ended = await participant({ municipalityId: mu.id, firstName: "Omar", lastName: "Nur", programmeEnd: "2021-03-01" });
    const admin = await adminOf(mu.id, "admin@m.se");
    const asOf = "2026-06-01";
    const preview = await previewGallring(admin, { asOf }, handle.db);
    expect(preview.total).toBe(2);
    expect(preview.cases).toEqual([
      { id: closed, municipalityId: mu.id, lastActivity: "2020-02-01", externalId: "EXT-9", firstName: "Hana", lastName: "Ali", closedAt: "2020-02-01", programmeEnd: "2020-01-15", unitName: "Centrum", coordinatorName: "Karin Koordinator" },
      { id: ended, municipalityId: mu.id, lastActivity: "2021-03-01", externalId: null, firstName: "Omar", lastName: "Nur", closedAt: null, programmeEnd: "2021-03-01", unitName: null, coordinatorName: null },
    ]);
    // The same cases as the run takes, in the same order.
    expect((await findDueCases(handle.db, { asOf, municipalityId: mu.id })).map((c) => c.id)).toEqual([closed, ended]);
    const reads = await handle.db
      .select()
      .from(s.auditLog)
      .where(and(eq(s.auditLog.action, "participant.list"), eq(s.auditLog.userId, admin.id)));
    expect(reads.map((r) => r.details)).toEqual([{ ids: [closed, ended], source: "gallring" }]);
    // Found by the person, as the audit log's participant filter and the register extract find list reads.
    const byPerson = await handle.db.select().from(s.auditLog).where(sql`${s.auditLog.details} -> 'ids' @> ${JSON.stringify([ended])}::jsonb`);
    expect(byPerson).toHaveLength(1);
  });

  it("gives another municipality's admin only their own cases, and other roles nothing", async () => {
    const [mu] = await handle.db.insert(s.municipalities).values({ code: "9404", name: "N" }).returning();
    const stranger = await adminOf(mu.id, "admin@n.se");
    const shown = await previewGallring(stranger, { asOf: "2026-06-01" }, handle.db);
    expect(shown).toMatchObject({ total: 0, cases: [] });
    expect(await handle.db.$count(s.auditLog, eq(s.auditLog.userId, stranger.id))).toBe(0);
    for (const role of ["coordinator", "manager"] as const) {
      const someone = await adminOf(m, `${role}@k.se`, role);
      await expect(previewGallring(someone, { asOf: "2026-06-01" }, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
