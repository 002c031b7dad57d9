// The 90-day outcome by activity on hand-made fixtures: who counts as having had an activity (started
// in the programme, not only planned, not after leaving), the population (left at least 90 days
// before asOf), the sums over chosen cohorts and gender, and suppression of small groups.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { addPeople, makeMunicipality, repeat } from "./fixtures";
import { activityOutcomes, outcomeByActivityCounts } from "./worked";

let handle: DbHandle;
const AS_OF = "2026-06-30";

beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(async () => {
  await handle?.close();
});

describe("outcome by activity", () => {
  it("counts each leaver once in all and once per activity type had in the programme", async () => {
    const m = (await makeMunicipality(handle.db, "5561")).id;
    const work = { status: "arbete" as const, recorded: "2026-01-10" };
    await addPeople(handle.db, m, [
      // 2025 leavers: praktik + sfi, in work.
      { gender: "K", programmeEnd: "2025-09-30", outcome: work, activities: [{ type: "praktik", start: "2025-03-01", end: "2025-05-31" }, { type: "sfi", start: "2024-02-01" }, { type: "sfi", start: "2025-01-01" }] },
      // sfi only, no outcome registered (counts in n, not as positive).
      { gender: "M", programmeEnd: "2025-10-15", activities: [{ type: "sfi", start: "2024-02-01" }] },
      // A praktik only planned, and an anstallning after leaving: neither counts; in studies.
      { gender: "M", programmeEnd: "2025-08-01", outcome: { status: "studier", recorded: "2025-11-01" }, activities: [{ type: "praktik", status: "planerad", start: "2025-04-01" }, { type: "anstallning", start: "2025-09-01" }, { type: "validering", status: "avbruten", start: "2025-02-01", end: "2025-03-01" }] },
      // 2026 leaver, 90 days passed: extratjanst; job seeker.
      { gender: "K", programmeEnd: "2026-02-01", outcome: { status: "arbetssokande", recorded: "2026-05-01" }, activities: [{ type: "extratjanst", start: "2025-06-01", end: "2026-01-31" }] },
      // Left less than 90 days ago, and still in the programme: not in the population.
      { gender: "K", programmeEnd: "2026-05-01", outcome: work, activities: [{ type: "praktik", start: "2025-06-01" }] },
      { gender: "K", programmeEnd: null, activities: [{ type: "praktik", start: "2025-06-01" }] },
    ]);
    const counts = await outcomeByActivityCounts(handle.db, { municipalityId: m, asOf: AS_OF, minN: 0 });
    const find = (cohort: string, gender: string | null, type: string | null) => counts.find((c) => c.cohort === cohort && c.gender === gender && c.type === type);
    expect(find("2025", null, null)).toMatchObject({ n: 3, positive: 2 });
    expect(find("2025", null, "sfi")).toMatchObject({ n: 2, positive: 1 });
    expect(find("2025", null, "praktik")).toMatchObject({ n: 1, positive: 1 });
    expect(find("2025", null, "validering")).toMatchObject({ n: 1, positive: 1 });
    expect(find("2025", null, "anstallning")).toBeUndefined();
    expect(find("2025", "M", null)).toMatchObject({ n: 2, positive: 1 });
    expect(find("2026", null, null)).toMatchObject({ n: 1, positive: 0 });
    expect(find("2026", null, "extratjanst")).toMatchObject({ n: 1, positive: 0 });

    const all = activityOutcomes(counts, { cohorts: [] }, 0);
    expect(all).toMatchObject({ n: 4, positive: 2, share: 0.5 });
    expect(all.rows.map((r) => r.type)).toEqual(["sfi", "validering", "praktik", "extratjanst"]);
    expect(all.rows.find((r) => r.type === "sfi")).toEqual({ type: "sfi", withN: 2, withPositive: 1, withShare: 0.5, withoutN: 2, withoutPositive: 1, withoutShare: 0.5, difference: 0 });
    expect(all.rows.find((r) => r.type === "praktik")).toMatchObject({ withN: 1, withShare: 1, withoutN: 3, withoutPositive: 1, withoutShare: 0.3333, difference: 0.6667 });
    // The chosen cohorts and gender.
    expect(activityOutcomes(counts, { cohorts: ["2026"] }, 0).rows.map((r) => r.type)).toEqual(["extratjanst"]);
    const men = activityOutcomes(counts, { cohorts: ["2025"], gender: "M" }, 0);
    expect(men).toMatchObject({ n: 2, positive: 1 });
    expect(men.rows.map((r) => [r.type, r.withN, r.withoutN])).toEqual([["sfi", 1, 1], ["validering", 1, 1]]);
  });

  it("suppresses both shares and the difference when either group is under the threshold", async () => {
    const m = (await makeMunicipality(handle.db, "5562")).id;
    const leaver = (i: number, type: "praktik" | "sfi") => ({
      programmeEnd: "2025-06-30",
      outcome: { status: i % 2 ? ("arbete" as const) : ("arbetssokande" as const), recorded: "2025-10-01" },
      activities: [{ type, start: "2025-01-01" }],
    });
    await addPeople(handle.db, m, [...repeat(12, (i) => leaver(i, "sfi")), ...repeat(4, (i) => leaver(i, "praktik"))]);
    const d = activityOutcomes(await outcomeByActivityCounts(handle.db, { municipalityId: m, asOf: AS_OF }), { cohorts: [] }, 10);
    expect(d).toMatchObject({ n: 16, positive: 8, share: 0.5 });
    // Either group under the threshold hides both shares: with the share of all leavers shown, one
    // group's share would give away the other's (8 positive of 16; 6 of the 12 → 2 of the 4).
    expect(d.rows.find((r) => r.type === "sfi")).toMatchObject({ withN: 12, withShare: null, withoutN: 4, withoutShare: null, difference: null });
    expect(d.rows.find((r) => r.type === "praktik")).toMatchObject({ withN: 4, withShare: null, withoutN: 12, withoutShare: null, difference: null });
    // Both groups at the threshold: both shown.
    await addPeople(handle.db, m, repeat(6, (i) => leaver(i, "praktik")));
    const e = activityOutcomes(await outcomeByActivityCounts(handle.db, { municipalityId: m, asOf: AS_OF }), { cohorts: [] }, 10);
    expect(e.rows.find((r) => r.type === "praktik")).toMatchObject({ withN: 10, withShare: 0.5, withoutN: 12, withoutShare: 0.5, difference: 0 });
  });
});
