// The audit view: admins only, own municipality only, filters as text, CSV that a spreadsheet won't
// run, in the page's words and without a personnummer.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { Actor } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { writeAudit } from "./commands";
import { formatInstant } from "@/lib/dates";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { auditExportCsv } from "./export";
import { auditLabels } from "./labels";
import { AUDIT_COUNT_MAX, AUDIT_PAGE_SIZE, AUDIT_USERS_SHOWN, describeAuditUserFilter, exportAuditEntries, listAuditEntries, parseAuditFilter, toCsv } from "./queries";

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

/** A database of its own with one municipality's admin, for a test that writes entries of its own. */
async function withOwnAdmin(test: (h: DbHandle, admin: Actor) => Promise<void>): Promise<void> {
  const h = await createTestDb();
  try {
    const [m] = await h.db.insert(s.municipalities).values({ code: "9009", name: "Egen" }).returning();
    const [u] = await h.db.insert(s.users).values({ municipalityId: m.id, email: "own@x.se", name: "Egen", role: "admin" }).returning();
    await test(h, { id: u.id, role: "admin", municipalityId: m.id, unitId: null });
  } finally {
    await h.close();
  }
}

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
  it("takes a known action alone and other text as the start of actions", async () => {
    await withOwnAdmin(async (h, a) => {
      await writeAudit(h.db, a, [
        { action: "sfi.enrol", entityType: "sfi_enrolment" },
        { action: "sfi.enrol.search", entityType: "participant" },
        { action: "sfi.enrol.search", entityType: "participant" },
      ]);
      expect((await listAuditEntries(a, parseAuditFilter({ action: "sfi.enrol" }), h.db)).total).toBe(1);
      expect((await listAuditEntries(a, parseAuditFilter({ action: "sfi.enrol.search" }), h.db)).total).toBe(2);
      expect((await listAuditEntries(a, parseAuditFilter({ action: "sfi." }), h.db)).total).toBe(3);
      expect((await listAuditEntries(a, parseAuditFilter({ action: "sfi.enr" }), h.db)).total).toBe(3);
    });
  });
  it("filters by Swedish days: an entry at 00:30 in Stockholm is of that day, not the one before", async () => {
    await withOwnAdmin(async (h, a) => {
      await writeAudit(h.db, a, { action: "participant.read", entityType: "participant" });
      // 2026-12-07 00:30 in Stockholm (winter time, UTC+1) is 2026-12-06 23:30 UTC.
      // The log is append-only: the test moves its entry as the table's owner, trigger off.
      await h.db.transaction(async (tx) => {
        await tx.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`);
        await tx.update(s.auditLog).set({ at: new Date("2026-12-06T23:30:00Z") });
        await tx.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete`);
      });
      const days = async (from?: string, to?: string) => (await listAuditEntries(a, parseAuditFilter({ from, to }), h.db)).total;
      expect(await days("2026-12-07", "2026-12-07")).toBe(1);
      expect(await days(undefined, "2026-12-06")).toBe(0);
      expect(await days("2026-12-08")).toBe(0);
    });
  });
  it("counts at most AUDIT_COUNT_MAX entries and says there are more", async () => {
    await withOwnAdmin(async (h, a) => {
      const entries = Array.from({ length: 2000 }, () => ({ action: "participant.list", entityType: "participant" }));
      for (let n = 0; n <= AUDIT_COUNT_MAX; n += entries.length) await h.db.transaction((tx) => writeAudit(tx, a, entries));
      const all = await listAuditEntries(a, parseAuditFilter({}), h.db);
      expect(all).toMatchObject({ total: AUDIT_COUNT_MAX, more: true });
      expect(all.rows).toHaveLength(AUDIT_PAGE_SIZE);
      const last = await listAuditEntries(a, parseAuditFilter({ page: String(AUDIT_COUNT_MAX / AUDIT_PAGE_SIZE) }), h.db);
      expect(last.rows).toHaveLength(AUDIT_PAGE_SIZE);
      await writeAudit(h.db, a, { action: "user.create", entityType: "user" });
      expect(await listAuditEntries(a, parseAuditFilter({ action: "user." }), h.db)).toMatchObject({ total: 1, more: false });
    });
  });
  it("treats wildcards and SQL-shaped input as text", async () => {
    for (const action of ["%", "_", "' or 1=1 --", "participant.%"]) {
      expect((await listAuditEntries(admin, parseAuditFilter({ action }), handle.db)).total).toBe(0);
    }
  });
  it("ignores malformed ids and dates instead of failing", () => {
    expect(parseAuditFilter({ participantId: "'; drop table x", from: "yesterday", page: "-3" })).toEqual({ page: 1 });
  });
  it("takes the typed user trimmed, bounded, and blank as no filter", () => {
    expect(parseAuditFilter({ user: "  Anna  " }).user).toBe("Anna");
    expect(parseAuditFilter({ user: "   " }).user).toBeUndefined();
    expect(parseAuditFilter({ user: "x".repeat(500) }).user).toHaveLength(200);
    expect(parseAuditFilter({ user: ["Bo", "Anna"] }).user).toBe("Bo");
  });
  it("is not found for anyone without audit:read", async () => {
    const coordinator: Actor = { ...admin, role: "coordinator", unitId: null };
    await expect(listAuditEntries(coordinator, parseAuditFilter({}), handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
});

// The user filter as typed: a name or e-mail address, resolved to the admin's own municipality's
// users only. Its own two municipalities, so the counts above stay as they are.
describe("the user filter", () => {
  let admin3: Actor;
  let anna: string;
  let bo: string;
  let foreignAnna: string;
  beforeAll(async () => {
    const [m3] = await handle.db.insert(s.municipalities).values({ code: "9003", name: "Tre" }).returning();
    const [m4] = await handle.db.insert(s.municipalities).values({ code: "9004", name: "Fyra" }).returning();
    const made = await handle.db
      .insert(s.users)
      .values([
        { municipalityId: m3.id, email: "admin@tre.se", name: "Admin Tre", role: "admin" },
        { municipalityId: m3.id, email: "anna.berg@tre.se", name: "Anna Berg", role: "coordinator" },
        { municipalityId: m3.id, email: "bo@tre.se", name: "Bo Ek", role: "coordinator" },
        { municipalityId: m4.id, email: "anna@fyra.se", name: "Anna Annan", role: "coordinator" },
      ])
      .returning();
    admin3 = { id: made[0].id, role: "admin", municipalityId: m3.id, unitId: null };
    [anna, bo, foreignAnna] = [made[1].id, made[2].id, made[3].id];
    await writeAudit(handle.db, { id: anna, municipalityId: m3.id }, [
      { action: "participant.read", entityType: "participant" },
      { action: "participant.update", entityType: "participant" },
    ]);
    await writeAudit(handle.db, { id: bo, municipalityId: m3.id }, { action: "participant.read", entityType: "participant" });
    await writeAudit(handle.db, { id: foreignAnna, municipalityId: m4.id }, { action: "participant.read", entityType: "participant" });
    // An entry in this municipality's log by the other municipality's Anna: the log shows it
    // unfiltered, but typing "anna" here resolves to this municipality's Anna only.
    await writeAudit(handle.db, { id: foreignAnna, municipalityId: m3.id }, { action: "user.read", entityType: "user" });
  });
  const users = async (filter: Record<string, string>) => (await listAuditEntries(admin3, parseAuditFilter(filter), handle.db)).rows.map((r) => r.userName);

  it("filters by a typed name or e-mail address, in any case", async () => {
    expect(await users({})).toHaveLength(4);
    expect(await users({ user: "ANNA" })).toEqual(["Anna Berg", "Anna Berg"]);
    expect(await users({ user: " berg " })).toEqual(["Anna Berg", "Anna Berg"]);
    expect(await users({ user: "Bo@TRE.se" })).toEqual(["Bo Ek"]);
    expect(await users({ user: "tre.se" })).toEqual(["Bo Ek", "Anna Berg", "Anna Berg"]);
  });
  it("never matches another municipality's user", async () => {
    expect(await users({ user: "anna annan" })).toEqual([]);
    expect(await users({ user: "fyra.se" })).toEqual([]);
    const who = await describeAuditUserFilter(admin3, parseAuditFilter({ user: "anna" }), handle.db);
    expect(who.matched.map((u) => u.name)).toEqual(["Anna Berg"]);
    expect(await users({ userId: foreignAnna, user: "anna" })).toEqual([]);
  });
  it("still filters by a userId link, together with the typed text", async () => {
    expect(await users({ userId: bo })).toEqual(["Bo Ek"]);
    expect(await users({ userId: bo, user: "anna" })).toEqual([]);
    expect(await users({ userId: anna, user: "anna" })).toEqual(["Anna Berg", "Anna Berg"]);
    const who = await describeAuditUserFilter(admin3, parseAuditFilter({ userId: bo }), handle.db);
    expect(who.picked?.name).toBe("Bo Ek");
    expect((await describeAuditUserFilter(admin3, parseAuditFilter({ userId: foreignAnna }), handle.db)).picked).toBeNull();
  });
  it("takes wildcards as text and says when no user matches", async () => {
    for (const user of ["%", "_", "\\", "x".repeat(500)]) {
      expect(await users({ user })).toEqual([]);
      expect((await describeAuditUserFilter(admin3, parseAuditFilter({ user }), handle.db)).matched).toEqual([]);
    }
  });
  it("names at most a few of the matched users", async () => {
    expect((await describeAuditUserFilter(admin3, parseAuditFilter({ user: "e" }), handle.db)).matched.map((u) => u.name)).toEqual(["Admin Tre", "Anna Berg", "Bo Ek"]);
    await handle.db
      .insert(s.users)
      .values(Array.from({ length: AUDIT_USERS_SHOWN + 2 }, (_, i) => ({ municipalityId: admin3.municipalityId, email: `zeta${i}@tre.se`, name: `Zeta ${String(i).padStart(2, "0")}`, role: "manager" as const })));
    const many = await describeAuditUserFilter(admin3, parseAuditFilter({ user: "ZETA" }), handle.db);
    expect(many.more).toBe(true);
    expect(many.matched.map((u) => u.name)).toEqual(Array.from({ length: AUDIT_USERS_SHOWN }, (_, i) => `Zeta ${String(i).padStart(2, "0")}`));
  });
  it("applies the same filter to the CSV export", async () => {
    const rows = await exportAuditEntries(admin3, parseAuditFilter({ user: "anna" }), handle.db);
    expect(rows.map((r) => [r.userName, r.action])).toEqual([
      ["Anna Berg", "participant.read"],
      ["Anna Berg", "participant.update"],
    ]);
  });
  it("is not found for anyone without audit:read", async () => {
    await expect(describeAuditUserFilter({ ...admin3, role: "manager" }, parseAuditFilter({ user: "anna" }), handle.db)).rejects.toBeInstanceOf(NotFoundError);
  });
});

// The export as the page reads: every column named in words, the action and the kind of record in
// words beside their codes, the details in words (never their JSON), and no personnummer.
describe("the CSV export in words", () => {
  it("has a header of the page's words and writes each entry's action and details as the page does", async () => {
    await withOwnAdmin(async (h, a) => {
      await writeAudit(h.db, a, [
        { action: "participant.update", entityType: "participant", entityId: P1, participantId: P1, details: { changed: ["firstName", "phone"], version: 2 } },
        { action: "followup.reschedule", entityType: "followup", entityId: P1, participantId: P1, details: { from: "2025-10-30", to: "2025-10-13", by: "exit.correct" } },
        { action: "user.create", entityType: "user", entityId: a.id, details: { role: "coordinator", unitId: null } },
      ]);
      await writeAudit(h.db, { id: null, municipalityId: a.municipalityId }, { action: "participant.erase", entityType: "participant", details: { policy: "closed case, 3 years after last activity" } });
      const rows = await exportAuditEntries(a, parseAuditFilter({}), h.db);
      const lines = auditExportCsv(rows, privacyMessages.sv.audit, auditLabels.sv).split("\r\n");
      expect(lines[0]).toBe("Händelsens id,Tidpunkt (svensk tid),Användare,Användarens id,Händelse,Kod,Uppgift,Uppgiftens id,Deltagarens id,Detaljer");
      const [update, moved, created, erased] = rows;
      // The details in the order jsonb keeps them, as the page shows them; an empty one left out.
      expect(lines.slice(1, 5)).toEqual([
        `${update.id},${formatInstant(update.at)},Egen,${a.id},Ändrade deltagarens uppgifter,participant.update,Deltagare,${P1},${P1},"ändrade fält: Förnamn, Telefon; version: 2"`,
        `${moved.id},${formatInstant(moved.at)},Egen,${a.id},Flyttade en uppföljning,followup.reschedule,Uppföljning,${P1},${P1},"till följd av: rättat datum för avslutet; datum: 2025-10-30 → 2025-10-13"`,
        `${created.id},${formatInstant(created.at)},Egen,${a.id},Lade till en användare,user.create,Användare,${a.id},,roll: Etableringskoordinator`,
        `${erased.id},${formatInstant(erased.at)},Systemet,,Gallrade deltagarens uppgifter,participant.erase,Deltagare,,,"regel: avslutat ärende, 3 år efter senaste aktivitet"`,
      ]);
      expect(lines.slice(5)).toEqual([""]);
      // In English for an admin reading in English.
      const en = auditExportCsv(rows, privacyMessages.en.audit, auditLabels.en).split("\r\n");
      expect(en[0]).toBe("Entry id,Time (Swedish time),User,User id,Action,Code,Record,Record id,Participant id,Details");
      expect(en[2]).toContain(",Moved a follow-up,followup.reschedule,Follow-up,");
      expect(en[2]).toContain(',"as part of: a corrected exit date; date: 2025-10-30 → 2025-10-13"');
    });
  });

  it("leaves no personnummer in the file, wherever an entry's free text held one", async () => {
    await withOwnAdmin(async (h, a) => {
      await writeAudit(h.db, a, [
        // A snooze's reason and an uploaded file's name are typed by people.
        { action: "signal.snooze", entityType: "signal", entityId: `outcome_due:${P1}`, participantId: P1, details: { until: "2026-12-20", reason: "Ring om 19811218-9876 på fredag" } },
        { action: "import.start", entityType: "import", details: { files: ["811218-9876.xlsx", "deltagare.csv"] } },
        // A sole trader's organisationsnummer is the owner's personnummer; a company's is not.
        { action: "employer.create", entityType: "employer", details: { orgNr: "8112189876" } },
        { action: "employer.create", entityType: "employer", details: { orgNr: "556036-0793" } },
        // The log's user filter as an admin typed it.
        { action: "audit.export", entityType: "audit_log", details: { filter: { user: "198112189876" }, rows: 3 } },
      ]);
      const csv = auditExportCsv(await exportAuditEntries(a, parseAuditFilter({}), h.db), privacyMessages.sv.audit, auditLabels.sv);
      expect(csv).not.toMatch(/811218.?9876/);
      expect(csv).toContain("anledning: Ring om [personnummer borttaget] på fredag");
      expect(csv).toContain('"filer: [personnummer borttaget].xlsx, deltagare.csv"');
      expect(csv).toContain("organisationsnummer: [personnummer borttaget]");
      expect(csv).toContain("organisationsnummer: 556036-0793");
      expect(csv).toContain('"rader: 3; användare, sökt (urval): [personnummer borttaget]"');
      // The signal's key with the participant's id stays whole.
      expect(csv).toContain(`outcome_due:${P1}`);
      expect(csv).not.toContain("{");
    });
  });
});

describe("toCsv", () => {
  it("quotes separators and defuses formulas", () => {
    expect(toCsv(["a", "b"], [["x,y", '=HYPERLINK("evil")'], [null, 3]])).toBe('a,b\r\n"x,y","\'=HYPERLINK(""evil"")"\r\n,3\r\n');
  });
});

describe("a participant's entries include the lists that showed them", () => {
  const P2 = "22222222-2222-4222-8222-222222222222";
  beforeAll(async () => {
    await writeAudit(handle.db, { id: admin.id, municipalityId: admin.municipalityId }, [
      // A caseload page and a worklist (their ids), an sfi group's lesson (participantIds).
      { action: "participant.list", entityType: "participant", details: { ids: [P2, P1], query: null } },
      { action: "worklist.read", entityType: "participant", details: { source: "worklist", ids: [P2] } },
      { action: "sfi.group.read", entityType: "sfi_group", details: { lessonDate: "2026-12-01", participantIds: [P1] } },
      // An entry of another participant whose details list other ids (a consent list's own ids).
      { action: "consent.list", entityType: "consent", participantId: P2, details: { ids: [P1] } },
    ]);
  });
  it("finds them by the participant filter, and only them", async () => {
    const p1 = await listAuditEntries(admin, parseAuditFilter({ participantId: P1 }), handle.db);
    expect(p1.rows.map((r) => r.action)).toEqual(["sfi.group.read", "participant.list", "participant.update", "participant.read"]);
    const p2 = await listAuditEntries(admin, parseAuditFilter({ participantId: P2 }), handle.db);
    expect(p2.rows.map((r) => r.action)).toEqual(["consent.list", "worklist.read", "participant.list"]);
    expect((await listAuditEntries(admin, parseAuditFilter({ participantId: P2, action: "worklist" }), handle.db)).total).toBe(1);
    expect((await listAuditEntries(otherAdmin, parseAuditFilter({ participantId: P1 }), handle.db)).total).toBe(0);
  });
});
