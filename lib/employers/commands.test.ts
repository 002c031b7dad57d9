// Employers on a real database: the organisationsnummer checksum, duplicates refused, openings
// only at the municipality's employers, matching of the unit's participants, and booking that
// puts a planned activity on the plan in one step, within the places and the unit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createDemoTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { executeAction } from "@/lib/auth/action";
import type { SessionUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { addDays, todayIso } from "@/lib/dates";
import { bookOpeningDef, createOpeningDef, registerEmployerDef } from "./commands";
import { planHistoryOf } from "@/lib/plans/testing";
import { getEmployer, listEmployers, matchOpening } from "./queries";
import { registerEmployerSchema } from "./schema";

const TODAY = "2026-06-30";
let handle: DbHandle;
let anna: SessionUser;
let samira: SessionUser;

beforeAll(async () => {
  const demo = await createDemoTestDb(TODAY);
  handle = demo.handle;
  anna = demo.userBy("anna");
  samira = demo.userBy("samira");
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
    expect((await listEmployers(anna, handle.db)).find((e) => e.id === r.data.id)).toMatchObject({ openings: 1 });
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
