// Open signals per coordinator for the dashboard, on a hand-made municipality: the same rules as
// the worklist, each unit's own thresholds, snoozes left out, the dashboard's filters respected,
// deleted people and other municipalities never counted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createDemoTestDb, createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import type { ActivityType } from "@/db/schema/enums";
import { searchNameOf } from "@/lib/participants/search";
import { openSignalCounts } from "@/lib/metrics/facts";
import { countSignalGroups, getWorklist, municipalityFacts, openSignalGroups, participantFacts } from "./queries";

/** The whole worklist on one page. */
const ALL = Number.MAX_SAFE_INTEGER;

const AS_OF = "2026-06-30";
let handle: DbHandle;
let muni: string;
let u1: string;
let u2: string;
let coordA: typeof s.users.$inferSelect;
let coordB: typeof s.users.$inferSelect;

let n = 0;
async function person(p: {
  municipalityId?: string;
  unitId: string | null;
  coordinatorId: string | null;
  reception: string;
  education?: "gymnasial" | null;
  deleted?: boolean;
  activities?: { type: ActivityType; status: "pagaende" | "avslutad"; start: string; end?: string }[];
}) {
  n += 1;
  const [row] = await handle.db
    .insert(s.participants)
    .values({
      municipalityId: p.municipalityId ?? muni,
      unitId: p.unitId,
      coordinatorId: p.coordinatorId,
      firstName: "Test",
      lastName: `Person${n}`,
      searchName: searchNameOf("Test", `Person${n}`),
      birthDate: "1990-01-01",
      gender: "K",
      receptionDate: p.reception,
      educationLevel: p.education === undefined ? "gymnasial" : p.education,
      deletedAt: p.deleted ? new Date() : null,
    })
    .returning();
  for (const a of p.activities ?? []) {
    await handle.db.insert(s.activities).values({ municipalityId: row.municipalityId, participantId: row.id, type: a.type, status: a.status, startDate: a.start, endDate: a.end ?? null });
  }
  return row;
}

beforeAll(async () => {
  handle = await createTestDb();
  const [m] = await handle.db.insert(s.municipalities).values({ code: "8801", name: "Signalkommun" }).returning();
  const [other] = await handle.db.insert(s.municipalities).values({ code: "8802", name: "Annan kommun" }).returning();
  muni = m.id;
  [{ id: u1 }] = await handle.db.insert(s.units).values({ municipalityId: muni, name: "Enhet 1" }).returning();
  // Unit 2 waits a year before "no workplace" becomes a signal.
  [{ id: u2 }] = await handle.db.insert(s.units).values({ municipalityId: muni, name: "Enhet 2", noWorkplaceSignalDays: 365 }).returning();
  [coordA] = await handle.db.insert(s.users).values({ municipalityId: muni, unitId: u1, email: "a@signal.test", name: "Alva Koordinator", role: "coordinator" }).returning();
  [coordB] = await handle.db.insert(s.users).values({ municipalityId: muni, unitId: u2, email: "b@signal.test", name: "Bo Koordinator", role: "coordinator" }).returning();
  const sfiNow = [{ type: "sfi" as const, status: "pagaende" as const, start: "2026-06-20" }];

  // A: 0 signals (fresh, covered, complete).
  await person({ unitId: u1, coordinatorId: coordA.id, reception: "2026-06-20", activities: sfiNow });
  // A: idle, no workplace (181 ≥ 90 days), no health exam (> 60 days), missing education = 4.
  await person({ unitId: u1, coordinatorId: coordA.id, reception: "2026-01-01", education: null });
  // A: the same three minus idle, snoozed until after asOf = 2.
  const snoozed = await person({ unitId: u1, coordinatorId: coordA.id, reception: "2026-01-01" });
  await handle.db.insert(s.signalSnoozes).values({ participantId: snoozed.id, signalKey: "idle", until: "2026-07-10", reason: "Väntar på besked", createdBy: coordA.id });
  // A: a snooze that has run out hides nothing: idle, no workplace, no health exam = 3.
  const expired = await person({ unitId: u1, coordinatorId: coordA.id, reception: "2026-01-01" });
  await handle.db.insert(s.signalSnoozes).values({ participantId: expired.id, signalKey: "idle", until: "2026-06-29", reason: "Gammal", createdBy: coordA.id });
  // A, deleted: never counted.
  await person({ unitId: u1, coordinatorId: coordA.id, reception: "2026-01-01", education: null, deleted: true });
  // B (unit 2, 365-day threshold): idle only; the health exam was done = 1.
  await person({ unitId: u2, coordinatorId: coordB.id, reception: "2026-01-01", activities: [{ type: "halsoundersokning", status: "avslutad", start: "2026-01-20", end: "2026-01-20" }] });
  // Nobody responsible: missing coordinator = 1.
  await person({ unitId: u1, coordinatorId: null, reception: "2026-06-25", activities: sfiNow });
  // Another municipality's participant with every gap: never counted here.
  await person({ municipalityId: other.id, unitId: null, coordinatorId: null, reception: "2026-01-01", education: null });
});
afterAll(async () => {
  await handle?.close();
});

const asMap = (rows: { coordinatorId: string | null; signals: number }[]) => Object.fromEntries(rows.map((r) => [r.coordinatorId ?? "none", r.signals]));

describe("openSignalCounts", () => {
  it("counts each coordinator's open signals in the municipality", async () => {
    expect(asMap((await openSignalCounts(handle.db, { municipalityId: muni, asOf: AS_OF })).counts)).toEqual({ [coordA.id]: 9, [coordB.id]: 1, none: 1 });
  });
  it("respects the dashboard's unit and coordinator filters", async () => {
    expect(asMap((await openSignalCounts(handle.db, { municipalityId: muni, asOf: AS_OF, unitId: u2 })).counts)).toEqual({ [coordB.id]: 1 });
    expect(asMap((await openSignalCounts(handle.db, { municipalityId: muni, asOf: AS_OF, coordinatorId: coordA.id })).counts)).toEqual({ [coordA.id]: 9 });
    expect(asMap((await openSignalCounts(handle.db, { municipalityId: muni, asOf: AS_OF, educationLevel: "eftergymnasial" })).counts)).toEqual({});
  });
  it("agrees with the coordinator's own worklist", async () => {
    const actor = { id: coordA.id, role: coordA.role, municipalityId: muni, unitId: u1 };
    const worklist = (await getWorklist(actor, AS_OF, { pageSize: ALL }, handle.db)).signals;
    expect(worklist.filter((x) => x.coordinatorId === coordA.id)).toHaveLength(9);
    expect(worklist.filter((x) => x.coordinatorId === null)).toHaveLength(1);
  });
  it("gives the same counts whatever the page size the participants are fetched in", async () => {
    const f = { municipalityId: muni, asOf: AS_OF };
    const whole = await openSignalCounts(handle.db, f);
    for (const size of [1, 2, 3, 7]) {
      const paged = countSignalGroups(await openSignalGroups(handle.db, f, size), f);
      expect(asMap(paged.counts), `page size ${size}`).toEqual(asMap(whole.counts));
      expect(new Map(paged.unitCounts), `page size ${size}`).toEqual(new Map(whole.unitCounts));
    }
    expect(new Map(whole.unitCounts)).toEqual(new Map([[u1, 10], [u2, 1]]));
  });
  it("a filter summed over the municipality's groups equals the signals of the people it selects", async () => {
    // B's person (unit 2) is anvisad and gets other support (annat stöd); the others have no
    // settlement type and the default track.
    await handle.db.update(s.participants).set({ settlement: "anvisad", track: "annat_stod" }).where(eq(s.participants.unitId, u2));
    const whole = await openSignalGroups(handle.db, { municipalityId: muni, asOf: AS_OF });
    for (const narrow of [{ unitId: u1 }, { unitId: u2 }, { coordinatorId: coordA.id }, { educationLevel: "gymnasial" }, { settlement: "anvisad" }, { settlement: "sjalvbosatt" }, { track: "arbetsmarknad" }, { track: "annat_stod" }]) {
      const f = { municipalityId: muni, asOf: AS_OF, ...narrow };
      const direct = countSignalGroups(await openSignalGroups(handle.db, f), f);
      const summed = countSignalGroups(whole, f);
      expect(asMap(summed.counts), JSON.stringify(narrow)).toEqual(asMap(direct.counts));
      expect(new Map(summed.unitCounts), JSON.stringify(narrow)).toEqual(new Map(direct.unitCounts));
    }
    // Only the education filter leaves anyone out of the fixture: A's person without one (4 signals).
    expect(asMap(countSignalGroups(whole, { municipalityId: muni, asOf: AS_OF, educationLevel: "gymnasial" }).counts)).toEqual({ [coordA.id]: 5, [coordB.id]: 1, none: 1 });
    expect(asMap(countSignalGroups(whole, { municipalityId: muni, asOf: AS_OF, settlement: "anvisad" }).counts)).toEqual({ [coordB.id]: 1 });
    expect(asMap(countSignalGroups(whole, { municipalityId: muni, asOf: AS_OF, track: "annat_stod", unitId: u1 }).counts)).toEqual({});
    await handle.db.update(s.participants).set({ settlement: null, track: "arbetsmarknad" }).where(eq(s.participants.unitId, u2));
  });
  it("follows the as-of date: nothing before anyone was received", async () => {
    expect(asMap((await openSignalCounts(handle.db, { municipalityId: muni, asOf: "2025-12-31" })).counts)).toEqual({});
  });
});

describe("municipalityFacts (grouped) equals participantFacts (per person)", () => {
  const byId = <T extends { participantId: string }>(xs: T[]) => [...xs].sort((a, b) => a.participantId.localeCompare(b.participantId));
  it("on the hand-made fixture", async () => {
    const actor = { id: coordA.id, role: coordA.role, municipalityId: muni, unitId: u1 };
    const perPerson = (await participantFacts(actor, AS_OF, handle.db)).map(({ snoozed: _, ...x }) => ({ ...x, name: "", unitId: undefined }));
    const grouped = (await municipalityFacts(handle.db, { municipalityId: muni, asOf: AS_OF, unitId: u1 })).map((x) => ({ ...x, unitId: undefined }));
    expect(grouped.length).toBe(5);
    expect(byId(grouped)).toEqual(byId(perPerson));
  });
  it("on the demo municipality, for each unit and several dates", async () => {
    const demo = await createDemoTestDb(AS_OF);
    try {
      for (const who of ["anna", "samira"]) {
        const actor = demo.userBy(who);
        for (const asOf of [AS_OF, "2026-03-15", "2025-11-01"]) {
          const perPerson = (await participantFacts(actor, asOf, demo.handle.db)).map(({ snoozed: _, ...x }) => ({ ...x, name: "", unitId: undefined }));
          const grouped = (await municipalityFacts(demo.handle.db, { municipalityId: actor.municipalityId, asOf, unitId: actor.unitId! })).map((x) => ({ ...x, unitId: undefined }));
          expect(perPerson.length).toBeGreaterThan(0);
          expect(byId(grouped), `${who} ${asOf}`).toEqual(byId(perPerson));
        }
      }
    } finally {
      await demo.handle.close();
    }
  }, 120_000);
});
