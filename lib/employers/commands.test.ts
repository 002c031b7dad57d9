// Employers on a real database: the organisationsnummer checksum, duplicates refused, openings
// only at the municipality's employers, matching of the unit's participants, and booking that
// puts a planned activity on the plan in one step, within the places and the unit. Editing an
// employer or an opening with a version conflict, closing and reopening an opening.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { addDays, todayIso } from "@/lib/dates";
import { bookOpeningDef, createOpeningDef, employerFormValuesOf, registerEmployerDef, setOpeningStateDef, updateEmployerDef, updateOpeningDef } from "./commands";
import { planHistoryOf } from "@/lib/plans/testing";
import { getEmployer, listEmployers, matchOpening } from "./queries";
import { registerEmployerSchema } from "./schema";

const TODAY = "2026-06-30";
let handle: DbHandle;
let anna: SessionUser;
let samira: SessionUser;
let karin: SessionUser;
let lena: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  const demo = await createDemoTestDb(TODAY);
  handle = demo.handle;
  anna = demo.userBy("anna");
  samira = demo.userBy("samira");
  karin = demo.userBy("karin");
  lena = demo.userBy("lena");
  admin = demo.userBy("admin");
});
afterAll(async () => {
  await handle?.close();
});

const employer = { orgNr: "556677-8899", name: "Bageriet Vete AB", industry: "Livsmedel", contactName: "Eva", address: "Storgatan 1" };

describe("employers", () => {
  it("checks the organisationsnummer's format and checksum", () => {
    const err = (orgNr: string) => {
      const r = registerEmployerSchema.safeParse({ ...employer, orgNr });
      return r.success ? null : r.error.issues.find((i) => i.path[0] === "orgNr")?.message;
    };
    expect(err("5566778899")).toBeNull();
    expect(err("556677-8898")).toMatch(/kontrollsiffran/);
    expect(err("55-66")).toMatch(/NNNNNN-NNNN/);
  });

  it("registers an employer once per municipality, with openings", async () => {
    const r = await executeAction(registerEmployerDef, { ...employer, orgNr: "5566778899" }, anna, handle.db);
    expect(r).toMatchObject({ ok: true, data: { orgNr: "556677-8899", name: "Bageriet Vete AB", municipalityId: anna.municipalityId } });
    expect(await executeAction(registerEmployerDef, employer, samira, handle.db)).toMatchObject({ ok: false, code: "invalid", fieldErrors: { orgNr: ["Arbetsgivaren är redan registrerad."] } });
    if (!r.ok) throw new Error();
    const bad = await executeAction(createOpeningDef, { employerId: r.data.id, type: "praktik", occupation: "Bagare", places: 0, startDate: "2026-08-10", endDate: "2026-08-01" }, anna, handle.db);
    expect(bad).toMatchObject({ ok: false, code: "invalid" });
    expect(Object.keys((bad as { fieldErrors: object }).fieldErrors)).toEqual(expect.arrayContaining(["places"]));
    const o = await executeAction(createOpeningDef, { employerId: r.data.id, type: "praktik", occupation: "Bagare", places: 1, startDate: "2026-08-10", endDate: "2026-10-31", languageRequirement: "Sfi kurs B" }, anna, handle.db);
    expect(o).toMatchObject({ ok: true, data: { places: 1, occupation: "Bagare" } });
    expect((await listEmployers(anna, {}, handle.db)).rows.find((e) => e.id === r.data.id)).toMatchObject({ openings: 1 });
  });

  it("matches the unit's participants without a workplace activity, and booking puts a praktik on the plan", async () => {
    // Booking starts the activity at the opening's start, or today if that has passed.
    const start = addDays(todayIso(), 10);
    const end = addDays(todayIso(), 100);
    const [anyEmployer] = await handle.db.select().from(s.employers).where(eq(s.employers.name, "Restaurang Kajen AB"));
    const [opening] = await handle.db.insert(s.openings).values({ municipalityId: anyEmployer.municipalityId, employerId: anyEmployer.id, type: "praktik", occupation: "Kock", places: 1, startDate: start, endDate: end }).returning();
    // Another unit's coordinator sees only their own participants.
    const forSamira = await matchOpening(samira, opening.id, handle.db);
    const forAnna = await matchOpening(anna, opening.id, handle.db);
    const annaIds = new Set((await handle.db.select({ id: s.participants.id }).from(s.participants).where(eq(s.participants.unitId, anna.unitId!))).map((p) => p.id));
    expect(forAnna.candidates.length).toBeGreaterThan(0);
    expect(forAnna.candidates.every((c) => annaIds.has(c.participantId))).toBe(true);
    expect(forSamira.candidates.some((c) => annaIds.has(c.participantId))).toBe(false);
    expect(forAnna.candidates.every((c) => c.reasons.some((r) => /kock/i.test(r.occupation)))).toBe(true);
    // Nobody listed has a planned or ongoing workplace-based activity.
    const acts = await handle.db.select().from(s.activities);
    for (const c of forAnna.candidates) {
      expect(acts.some((a) => a.participantId === c.participantId && ["praktik", "extratjanst", "introduktionsjobb", "anstallning"].includes(a.type) && ["planerad", "pagaende"].includes(a.status))).toBe(false);
    }
    const [first, second] = forAnna.candidates;
    expect(await executeAction(bookOpeningDef, { openingId: opening.id, participantId: first.participantId }, samira, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    const booked = await executeAction(bookOpeningDef, { openingId: opening.id, participantId: first.participantId }, anna, handle.db);
    expect(booked).toMatchObject({ ok: true, data: { type: "praktik", status: "planerad", startDate: start, endDate: end, employerId: anyEmployer.id, details: { occupation: "Kock", openingId: opening.id } } });
    const [revision] = await planHistoryOf(handle.db, first.participantId);
    expect(revision).toMatchObject({ kind: "activity", changedBy: anna.id, summary: `Ny insats: Praktik hos Restaurang Kajen AB, planerad ${start} – ${end} (bokad på en ledig plats)` });
    if (second) {
      expect(await executeAction(bookOpeningDef, { openingId: opening.id, participantId: second.participantId }, anna, handle.db)).toMatchObject({ ok: false, formError: "Alla platser är bokade." });
    }
    const after = await matchOpening(anna, opening.id, handle.db);
    expect(after.candidates.find((c) => c.participantId === first.participantId)).toMatchObject({ booked: true });
    expect(after.bookedCount).toBe(1);
    const page = await getEmployer(anna, anyEmployer.id, handle.db);
    expect(page.placements.find((p) => p.participantId === first.participantId)).toMatchObject({ type: "praktik", status: "planerad" });
    expect(page.openings.find((o) => o.id === opening.id)).toMatchObject({ booked: 1 });
    // Samira sees the placement but not who it is.
    const samiraPage = await getEmployer(samira, anyEmployer.id, handle.db);
    expect(samiraPage.placements.some((p) => p.id === (booked as { data: { id: string } }).data.id && p.name === null)).toBe(true);
  });

  it("matches on the kartläggning's work experience and goal occupations too", async () => {
    const [anyEmployer] = await handle.db.select().from(s.employers).where(eq(s.employers.name, "Restaurang Kajen AB"));
    const [opening] = await handle.db.insert(s.openings).values({ municipalityId: anyEmployer.municipalityId, employerId: anyEmployer.id, type: "praktik", occupation: "Svetsare", places: 2, startDate: addDays(todayIso(), 5), endDate: addDays(todayIso(), 60) }).returning();
    const before = await matchOpening(anna, opening.id, handle.db);
    const workplace = ["praktik", "extratjanst", "introduktionsjobb", "anstallning"];
    const acts = await handle.db.select().from(s.activities);
    const people = await handle.db.select().from(s.participants).where(eq(s.participants.unitId, anna.unitId!));
    const free = people.filter((p) => !before.candidates.some((c) => c.participantId === p.id) && !acts.some((a) => a.participantId === p.id && workplace.includes(a.type) && ["planerad", "pagaende"].includes(a.status)));
    const [welder, dreamer] = free;
    const mapping = (work: { occupation: string; years: number | null }[], goalOccupations: string[]) => ({
      education: { years: null, level: null, country: null, field: null }, work, drivingLicence: "nej", languageSkills: [], goalOccupations, healthNeeds: false,
    });
    await handle.db.insert(s.skillMappings).values([
      { participantId: welder.id, version: 1, data: mapping([{ occupation: "svetsare", years: 6 }], []) },
      { participantId: dreamer.id, version: 1, data: mapping([], ["Snickare", "Svetsare"]) },
    ]);
    const after = await matchOpening(anna, opening.id, handle.db);
    expect(after.candidates.find((c) => c.participantId === welder.id)?.reasons).toEqual([{ kind: "experience", occupation: "svetsare" }]);
    expect(after.candidates.find((c) => c.participantId === dreamer.id)?.reasons).toEqual([{ kind: "goal", occupation: "Svetsare" }]);
  });

  it("another municipality gets not found", async () => {
    const [e] = await handle.db.select().from(s.employers).limit(1);
    const stranger = { ...anna, municipalityId: "00000000-0000-4000-8000-000000000001" };
    await expect(getEmployer(stranger, e.id, handle.db)).rejects.toBeInstanceOf(NotFoundError);
    expect(await executeAction(createOpeningDef, { employerId: e.id, type: "jobb", occupation: "Kock", places: 1 }, stranger, handle.db)).toMatchObject({ ok: false, code: "not_found" });
  });
});

const auditOf = (entityId: string, action: string) => handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.entityId, entityId), eq(s.auditLog.action, action)));
const stranger = () => ({ ...anna, municipalityId: "00000000-0000-4000-8000-000000000001" });

describe("editing an employer", () => {
  const details = { orgNr: "556012-3456", name: "Verkstad Nord AB", industry: "Tillverkning", contactName: "Ali", contactPhone: "", contactEmail: "", address: "" };
  let id: string;

  beforeAll(async () => {
    const r = await executeAction(registerEmployerDef, details, anna, handle.db);
    if (!r.ok) throw new Error(r.formError);
    id = r.data.id;
  });

  it("saves the details, counts the version up and audits what changed", async () => {
    const r = await executeAction(updateEmployerDef, { ...details, id, version: 1, name: "Verkstad Nord i Trelleborg AB", contactEmail: "ali@verkstad.se" }, anna, handle.db);
    expect(r).toMatchObject({ ok: true, data: { employer: { name: "Verkstad Nord i Trelleborg AB", contactEmail: "ali@verkstad.se", version: 2 }, changed: ["name", "contactEmail"] } });
    expect((await getEmployer(anna, id, handle.db)).employer).toMatchObject({ name: "Verkstad Nord i Trelleborg AB", contactPhone: null });
    const [entry] = await auditOf(id, "employer.update");
    expect(entry).toMatchObject({ userId: anna.id, details: { changed: ["name", "contactEmail"], version: 2 } });
  });

  it("refuses to save over a newer version and returns the saved one", async () => {
    const [before] = await handle.db.select().from(s.employers).where(eq(s.employers.id, id));
    const first = await executeAction(updateEmployerDef, { ...details, id, version: before.version, name: before.name, contactName: "Bea" }, samira, handle.db);
    expect(first).toMatchObject({ ok: true });
    const stale = await executeAction(updateEmployerDef, { ...details, id, version: before.version, name: before.name, contactName: "Cecilia" }, anna, handle.db);
    expect(stale).toMatchObject({ ok: false, code: "conflict", current: { id, version: before.version + 1, contactName: "Bea", name: before.name } });
    expect((await handle.db.select().from(s.employers).where(eq(s.employers.id, id)))[0].contactName).toBe("Bea");
  });

  it("refuses an organisationsnummer another employer has, or one with a wrong checksum", async () => {
    const [other] = await handle.db.select().from(s.employers).where(eq(s.employers.name, "Restaurang Kajen AB"));
    const [now] = await handle.db.select().from(s.employers).where(eq(s.employers.id, id));
    const taken = await executeAction(updateEmployerDef, { ...employerFormValuesOf(now), orgNr: other.orgNr }, anna, handle.db);
    expect(taken).toMatchObject({ ok: false, code: "invalid", fieldErrors: { orgNr: ["Organisationsnumret hör redan till Restaurang Kajen AB."] } });
    const bad = await executeAction(updateEmployerDef, { ...employerFormValuesOf(now), orgNr: "556012-3457" }, anna, handle.db);
    expect(bad).toMatchObject({ ok: false, code: "invalid", fieldErrors: { orgNr: ["Organisationsnumret stämmer inte (kontrollsiffran är fel)."] } });
    const moved = await executeAction(updateEmployerDef, { ...employerFormValuesOf(now), orgNr: "5560987652" }, anna, handle.db);
    expect(moved).toMatchObject({ ok: true, data: { employer: { orgNr: "556098-7652" }, changed: ["orgNr"] } });
  });

  it("gives users without the right, and other municipalities, nothing", async () => {
    const [before] = await handle.db.select().from(s.employers).where(eq(s.employers.id, id));
    for (const u of [karin, lena, admin, stranger()]) {
      expect(await executeAction(updateEmployerDef, { ...details, id, version: before.version, name: "Kapad AB" }, u, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    }
    expect((await handle.db.select().from(s.employers).where(eq(s.employers.id, id)))[0]).toMatchObject({ name: before.name, version: before.version });
  });
});

describe("editing, closing and reopening an opening", () => {
  let employerId: string;
  let opening: typeof s.openings.$inferSelect;
  const fields = { occupation: "Lagerarbetare", places: 2, startDate: addDays(TODAY, 10), endDate: addDays(TODAY, 90), languageRequirement: "" };
  const version = async () => (await handle.db.select().from(s.openings).where(eq(s.openings.id, opening.id)))[0].version;

  beforeAll(async () => {
    const e = await executeAction(registerEmployerDef, { orgNr: "559300-1117", name: "Lager Syd AB" }, anna, handle.db);
    if (!e.ok) throw new Error(e.formError);
    employerId = e.data.id;
    const o = await executeAction(createOpeningDef, { employerId, type: "praktik", ...fields }, anna, handle.db);
    if (!o.ok) throw new Error(o.formError);
    opening = o.data;
  });

  it("edits the fields, with a conflict for a stale form and no fewer places than booked", async () => {
    const r = await executeAction(updateOpeningDef, { id: opening.id, version: 1, ...fields, occupation: "Lagerarbetare truck", languageRequirement: "Sfi kurs C" }, anna, handle.db);
    expect(r).toMatchObject({ ok: true, data: { opening: { occupation: "Lagerarbetare truck", version: 2 }, changed: ["occupation", "languageRequirement"] } });
    expect(await auditOf(opening.id, "opening.update")).toHaveLength(1);
    const stale = await executeAction(updateOpeningDef, { id: opening.id, version: 1, ...fields, places: 3 }, samira, handle.db);
    expect(stale).toMatchObject({ ok: false, code: "conflict", current: { id: opening.id, version: 2, occupation: "Lagerarbetare truck", places: 2, languageRequirement: "Sfi kurs C" } });
    const backwards = await executeAction(updateOpeningDef, { id: opening.id, version: 2, ...fields, endDate: addDays(TODAY, 5) }, anna, handle.db);
    expect(backwards).toMatchObject({ ok: false, code: "invalid", fieldErrors: { endDate: ["Slutdatum kan inte vara före startdatum."] } });
    const [p] = await handle.db.select().from(s.participants).where(eq(s.participants.unitId, anna.unitId!)).limit(1);
    const [p2] = await handle.db.select().from(s.participants).where(and(eq(s.participants.unitId, anna.unitId!))).offset(1).limit(1);
    for (const x of [p, p2]) expect(await executeAction(bookOpeningDef, { openingId: opening.id, participantId: x.id }, anna, handle.db)).toMatchObject({ ok: true });
    const fewer = await executeAction(updateOpeningDef, { id: opening.id, version: 2, ...fields, occupation: "Lagerarbetare truck", places: 1 }, anna, handle.db);
    expect(fewer).toMatchObject({ ok: false, code: "invalid", fieldErrors: { places: ["2 personer är redan bokade, så platserna kan inte vara färre."] } });
    const more = await executeAction(updateOpeningDef, { id: opening.id, version: 2, ...fields, occupation: "Lagerarbetare truck", places: 3 }, anna, handle.db);
    expect(more).toMatchObject({ ok: true, data: { opening: { places: 3, version: 3 } } });
  });

  it("a closed opening is listed apart, matched to nobody and refuses bookings; reopened it takes them again", async () => {
    const before = (await listEmployers(anna, {}, handle.db)).rows.find((e) => e.id === employerId)!.openings;
    const closed = await executeAction(setOpeningStateDef, { openingId: opening.id, version: await version(), closed: true, reason: "Tillsatt" }, anna, handle.db);
    expect(closed).toMatchObject({ ok: true, data: { closedReason: "Tillsatt" } });
    expect((closed as { data: { closedAt: Date | null } }).data.closedAt).toBeInstanceOf(Date);
    const [entry] = await auditOf(opening.id, "opening.close");
    expect(entry).toMatchObject({ userId: anna.id, details: { reason: "Tillsatt", employerId } });
    expect((await listEmployers(anna, {}, handle.db)).rows.find((e) => e.id === employerId)!.openings).toBe(before - 1);
    expect((await getEmployer(anna, employerId, handle.db)).openings.find((o) => o.id === opening.id)).toMatchObject({ closedReason: "Tillsatt", booked: 2 });
    const match = await matchOpening(anna, opening.id, handle.db);
    expect(match).toMatchObject({ candidates: [], bookedCount: 2, opening: { closedReason: "Tillsatt" } });
    // Refused on the server, not only hidden: a booking of someone who would otherwise fit.
    const free = (await handle.db.select().from(s.participants).where(eq(s.participants.unitId, anna.unitId!))).slice(2, 3)[0];
    const refused = await executeAction(bookOpeningDef, { openingId: opening.id, participantId: free.id }, anna, handle.db);
    expect(refused).toMatchObject({ ok: false, code: "invalid", formError: "Platsen är stängd och kan inte bokas." });
    // The page that closed it is now stale: reopening from it is a conflict.
    const stale = await executeAction(setOpeningStateDef, { openingId: opening.id, version: (await version()) - 1, closed: false }, anna, handle.db);
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const reopened = await executeAction(setOpeningStateDef, { openingId: opening.id, version: await version(), closed: false, reason: "" }, anna, handle.db);
    expect(reopened).toMatchObject({ ok: true, data: { closedAt: null, closedReason: null } });
    expect(await auditOf(opening.id, "opening.reopen")).toHaveLength(1);
    expect(await executeAction(bookOpeningDef, { openingId: opening.id, participantId: free.id }, anna, handle.db)).toMatchObject({ ok: true });
  });

  it("gives users without the right, and other municipalities, nothing", async () => {
    const v = await version();
    for (const u of [karin, lena, admin, stranger()]) {
      expect(await executeAction(setOpeningStateDef, { openingId: opening.id, version: v, closed: true }, u, handle.db)).toMatchObject({ ok: false, code: "not_found" });
      expect(await executeAction(updateOpeningDef, { id: opening.id, version: v, ...fields, places: 9 }, u, handle.db)).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await version()).toBe(v);
    expect(await auditOf(opening.id, "opening.close")).toHaveLength(1);
  });
});

describe("an employer's placements", () => {
  it("come a page at a time, the latest first, counted in all, with only the page's own people named and audited", async () => {
    const [employer] = await handle.db
      .insert(s.employers)
      .values({ municipalityId: anna.municipalityId, orgNr: "556036-0793", name: "Stora Vårdbolaget AB" })
      .returning();
    const own = await handle.db.select().from(s.participants).where(eq(s.participants.unitId, anna.unitId!)).limit(5);
    const [other] = await handle.db.select().from(s.participants).where(eq(s.participants.unitId, samira.unitId!)).limit(1);
    const people = [...own, other];
    const made = await handle.db
      .insert(s.activities)
      .values(people.map((p, i) => ({ municipalityId: p.municipalityId, participantId: p.id, type: "praktik" as const, status: "avslutad" as const, startDate: `2025-0${1 + i}-01`, endDate: `2025-0${1 + i}-20`, employerId: employer.id })))
      .returning();
    const latestFirst = [...made].sort((a, b) => b.startDate.localeCompare(a.startDate)).map((a) => a.id);
    const first = await getEmployer(anna, employer.id, handle.db, { placementPageSize: 4 });
    expect(first.placementPages).toEqual({ total: 6, page: 1, pages: 2, pageSize: 4 });
    expect(first.placements.map((p) => p.id)).toEqual(latestFirst.slice(0, 4));
    // The other unit's person (the latest) is counted, not named.
    expect(first.placements[0]).toMatchObject({ participantId: null, name: null });
    const [read] = await handle.db.select().from(s.auditLog).where(and(eq(s.auditLog.action, "employer.read"), eq(s.auditLog.entityId, employer.id)));
    expect(new Set((read.details as { participants: string[] }).participants)).toEqual(new Set(first.placements.filter((p) => p.participantId).map((p) => p.participantId)));
    // A page past the last shows the last.
    const last = await getEmployer(anna, employer.id, handle.db, { placementPageSize: 4, placementPage: 9 });
    expect(last.placementPages.page).toBe(2);
    expect(last.placements.map((p) => p.id)).toEqual(latestFirst.slice(4));
  });
});
