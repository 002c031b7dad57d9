// The SKL sfi result, health-examination coverage and lead times on hand-made fixtures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import * as s from "@/db/schema";
import { addPeople, makeMunicipality } from "./fixtures";
import { healthCoverage, leadTimes, sfiResults } from "./more";

let handle: DbHandle;
const AS_OF = "2026-06-30";

beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

async function peopleOf(municipalityId: string) {
  return handle.db.select().from(s.participants).where(eq(s.participants.municipalityId, municipalityId)).orderBy(s.participants.lastName);
}

describe("sfiResults", () => {
  it("counts passed (highest course of the path within two years), interrupted and still studying", async () => {
    const m = (await makeMunicipality(handle.db, "5551")).id;
    // All start sfi in 2023 (sfi activity 2023-02-01).
    await addPeople(handle.db, m, Array.from({ length: 5 }, (_, i) => ({ gender: i < 3 ? ("K" as const) : ("M" as const), activities: [{ type: "sfi" as const, start: "2023-02-01" }] })));
    const [a, b, c, d] = await peopleOf(m);
    const result = (participantId: string, studyPath: number, course: string, grade: string, resultDate: string) => ({ participantId, kind: "kursbetyg", studyPath, course, grade, resultDate });
    await handle.db.insert(s.sfiResults).values([
      result(a.id, 2, "C", "B", "2024-12-01"), // passed: path 2 highest course C, within two years
      result(b.id, 2, "C", "E", "2025-03-01"), // passed too late (after 2025-02-01)
      result(c.id, 3, "C", "A", "2024-01-01"), // path 3 needs D: not passed
    ]);
    await handle.db.insert(s.sfiBreaks).values([
      { participantId: c.id, kind: "avbrott", reason: "arbete", fromDate: "2024-05-01" },
      { participantId: d.id, kind: "avbrott", reason: "flytt", fromDate: "2024-06-01" },
      { participantId: d.id, kind: "uppehall", reason: "sjukdom", fromDate: "2023-06-01", toDate: "2023-08-01" },
    ]);
    const rows = await sfiResults(handle.db, { municipalityId: m, asOf: AS_OF, minN: 0 });
    expect(rows[0]).toEqual({
      cohort: "2023", group: "total", n: 5, passed: 1, interrupted: 2, studying: 2, interruptedToWorkOrStudies: 1,
      sharePassed: 0.2, shareInterrupted: 0.4, shareStudying: 0.4, shareInterruptedToWorkOrStudies: 0.5,
    });
    expect(rows.map((r) => `${r.group}:${r.n}`)).toEqual(["total:5", "K:3", "M:2"]);
    const suppressed = await sfiResults(handle.db, { municipalityId: m, asOf: AS_OF });
    expect(suppressed[0].sharePassed).toBeNull();
    // The share of the interrupted is suppressed by their own number, not the row's.
    const three = await sfiResults(handle.db, { municipalityId: m, asOf: AS_OF, minN: 3 });
    expect(three[0]).toMatchObject({ n: 5, sharePassed: 0.2, interrupted: 2, interruptedToWorkOrStudies: 1, shareInterruptedToWorkOrStudies: null });
  });
});

describe("healthCoverage", () => {
  it("counts those offered and those who completed a health examination within 60 days of reception", async () => {
    const m = (await makeMunicipality(handle.db, "5552")).id;
    await addPeople(handle.db, m, [
      { reception: "2025-03-01", activities: [{ type: "halsoundersokning", status: "avslutad", start: "2025-04-30", end: "2025-04-30" }] }, // day 60: completed
      { reception: "2025-03-01", activities: [{ type: "halsoundersokning", status: "planerad", start: "2025-04-10" }] }, // offered
      { reception: "2025-03-01", activities: [{ type: "halsoundersokning", status: "avslutad", start: "2025-05-01", end: "2025-05-01" }] }, // day 61: too late
      { reception: "2025-03-01" },
    ]);
    expect((await healthCoverage(handle.db, { municipalityId: m, asOf: AS_OF, minN: 0 }))[0]).toEqual({
      cohort: "2025", group: "total", n: 4, offered: 2, completed: 1, shareOffered: 0.5, shareCompleted: 0.25,
    });
  });
});

describe("leadTimes", () => {
  it("takes the gap from the latest end of everything before to the next start, 0 in parallel", async () => {
    const m = (await makeMunicipality(handle.db, "5553")).id;
    await addPeople(handle.db, m, [
      {
        activities: [
          { type: "sfi", status: "avslutad", start: "2025-01-01", end: "2025-06-30" },
          { type: "praktik", status: "avslutad", start: "2025-03-01", end: "2025-04-30" }, // parallel: 0
          { type: "anstallning", start: "2025-08-29" }, // 60 days after sfi ended
          { type: "validering", status: "planerad", start: "2025-07-01" }, // planned: ignored
        ],
      },
      { activities: [{ type: "sfi", status: "avslutad", start: "2025-01-01", end: "2025-01-31" }, { type: "praktik", start: "2025-02-10" }] }, // 10 days
    ]);
    expect(await leadTimes(handle.db, { municipalityId: m, asOf: AS_OF, minN: 0 })).toEqual({ transitions: 3, medianGapDays: 10, gapsOver30: 1 });
    expect((await leadTimes(handle.db, { municipalityId: m, asOf: AS_OF })).medianGapDays).toBeNull();
  });
});
