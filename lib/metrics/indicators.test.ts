// The key figures on hand-computed fixtures, with the edges the spec names: exactly 90 days
// after exit, planned activities, gender X, the suppression threshold, an activity starting
// before reception, and the 30-day idle window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { firstWorkplace, idle, medianOfCounts, outcome90, round4, suppressedShare } from "./indicators";
import { addPeople, makeMunicipality, repeat } from "./fixtures";

let handle: DbHandle;
let m2: string;
const AS_OF = "2026-06-30";

beforeAll(async () => {
  handle = await createTestDb();
  await makeMunicipality(handle.db, "1287");
  m2 = (await makeMunicipality(handle.db, "0180")).id;
  // Another municipality's people never count.
  await addPeople(handle.db, m2, repeat(5, () => ({ programmeEnd: "2025-01-10", outcome: { status: "arbete", recorded: "2025-05-01" } })));
});
afterAll(async () => {
  await handle?.close();
});

describe("helpers", () => {
  it("rounds shares to four decimals and suppresses small groups", () => {
    expect(round4(2 / 3)).toBe(0.6667);
    expect(suppressedShare(5, 9, 10)).toBeNull();
    expect(suppressedShare(5, 10, 10)).toBe(0.5);
    expect(suppressedShare(0, 0, 0)).toBeNull();
  });
  it("takes the median from counted values as percentile_cont(0.5) does", () => {
    expect(medianOfCounts([])).toBeNull();
    expect(medianOfCounts([[7, 0]])).toBeNull();
    expect(medianOfCounts([[7, 1]])).toBe(7);
    // 1, 3, 3, 10: the mean of the middle two.
    expect(medianOfCounts([[10, 1], [3, 2], [1, 1]])).toBe(3);
    // 1, 2, 10, 10: (2 + 10) / 2.
    expect(medianOfCounts([[10, 2], [2, 1], [1, 1]])).toBe(6);
    // 0, 0, 0, 0, 0, 4, 9: the fourth of seven.
    expect(medianOfCounts([[9, 1], [0, 5], [4, 1]])).toBe(0);
    expect(medianOfCounts([[1, 1], [2, 1]])).toBe(1.5);
  });
});

describe("outcome90", () => {
  let muni: string;
  beforeAll(async () => {
    muni = (await makeMunicipality(handle.db, "1111")).id;
    // Cohort 2025: exit 2025-03-01 (+90 = 2025-05-30, long before asOf).
    await addPeople(handle.db, muni, [
      // 6 women: 2 work, 1 studies, 1 work and studies, 1 job seeker, 1 without outcome
      { gender: "K", programmeEnd: "2025-03-01", outcome: { status: "arbete", recorded: "2025-06-01" } },
      { gender: "K", programmeEnd: "2025-03-01", outcome: { status: "arbete", recorded: "2025-06-01" } },
      { gender: "K", programmeEnd: "2025-03-01", outcome: { status: "studier", recorded: "2025-06-01" } },
      { gender: "K", programmeEnd: "2025-03-01", outcome: { status: "arbete_och_studier", recorded: "2025-06-01" } },
      { gender: "K", programmeEnd: "2025-03-01", outcome: { status: "arbetssokande", recorded: "2025-06-01" } },
      { gender: "K", programmeEnd: "2025-03-01" },
      // 4 men: 1 work, 1 ovrigt, 2 without
      { gender: "M", programmeEnd: "2025-03-01", outcome: { status: "arbete", recorded: "2025-06-01" } },
      { gender: "M", programmeEnd: "2025-03-01", outcome: { status: "ovrigt", recorded: "2025-06-01" } },
      { gender: "M", programmeEnd: "2025-03-01" },
      { gender: "M", programmeEnd: "2025-03-01" },
      // gender X: in total only
      { gender: "X", programmeEnd: "2025-03-01", outcome: { status: "arbete", recorded: "2025-06-01" } },
      // deleted: never counts
      { gender: "K", programmeEnd: "2025-03-01", deleted: true, outcome: { status: "arbete", recorded: "2025-06-01" } },
      // still in the programme: not in any cohort
      { gender: "K", programmeEnd: null },
    ]);
    // Cohort 2026: exactly 90 days before asOf counts (2026-04-01 + 90 = 2026-06-30); one day later does not.
    await addPeople(handle.db, muni, [
      { gender: "M", programmeEnd: "2026-04-01", outcome: { status: "arbete", recorded: "2026-06-30" } },
      // recorded after asOf: counts in n, not as recorded or in work
      { gender: "M", programmeEnd: "2026-04-01", outcome: { status: "arbete", recorded: "2026-07-01" } },
      { gender: "M", programmeEnd: "2026-04-02", outcome: { status: "arbete", recorded: "2026-06-30" } },
    ]);
  });

  it("counts the cohort by exit year, with groups total, K, M and X in total only", async () => {
    const rows = await outcome90(handle.db, { municipalityId: muni, asOf: AS_OF, minN: 10 });
    expect(rows.filter((r) => r.cohort === "2025")).toEqual([
      { cohort: "2025", group: "total", n: 11, recorded: 8, work: 4, studies: 1, workAndStudies: 1, share: round4(6 / 11) },
      { cohort: "2025", group: "K", n: 6, recorded: 5, work: 2, studies: 1, workAndStudies: 1, share: null },
      { cohort: "2025", group: "M", n: 4, recorded: 2, work: 1, studies: 0, workAndStudies: 0, share: null },
    ]);
  });

  it("includes an exit exactly 90 days before asOf and ignores what is dated after asOf", async () => {
    const rows = await outcome90(handle.db, { municipalityId: muni, asOf: AS_OF, minN: 0 });
    expect(rows.filter((r) => r.cohort === "2026")).toEqual([
      { cohort: "2026", group: "total", n: 2, recorded: 1, work: 1, studies: 0, workAndStudies: 0, share: 0.5 },
      { cohort: "2026", group: "K", n: 0, recorded: 0, work: 0, studies: 0, workAndStudies: 0, share: null },
      { cohort: "2026", group: "M", n: 2, recorded: 1, work: 1, studies: 0, workAndStudies: 0, share: 0.5 },
    ]);
  });

  it("suppresses the share just under the threshold and shows it at the threshold", async () => {
    const at11 = await outcome90(handle.db, { municipalityId: muni, asOf: AS_OF, minN: 11 });
    expect(at11.find((r) => r.cohort === "2025" && r.group === "total")!.share).toBe(0.5455);
    const at12 = await outcome90(handle.db, { municipalityId: muni, asOf: AS_OF, minN: 12 });
    expect(at12.find((r) => r.cohort === "2025" && r.group === "total")!.share).toBeNull();
    expect(at12.find((r) => r.cohort === "2025" && r.group === "total")!.n).toBe(11);
  });

  it("lists no cohort before anyone in it has passed 90 days", async () => {
    const rows = await outcome90(handle.db, { municipalityId: muni, asOf: "2025-05-29", minN: 0 });
    expect(rows).toEqual([]);
    const rows2 = await outcome90(handle.db, { municipalityId: muni, asOf: "2025-05-30", minN: 0 });
    expect(rows2.map((r) => `${r.cohort}/${r.group}/${r.n}`)).toEqual(["2025/total/11", "2025/K/6", "2025/M/4"]);
  });
});

describe("firstWorkplace", () => {
  let muni: string;
  beforeAll(async () => {
    muni = (await makeMunicipality(handle.db, "2222")).id;
    await addPeople(handle.db, muni, [
      // 100 days to praktik
      { gender: "K", reception: "2024-01-01", activities: [{ type: "praktik", start: "2024-04-10" }] },
      // sfi does not count; extratjänst after 400 days does
      { gender: "K", reception: "2024-01-01", activities: [{ type: "sfi", start: "2024-01-05" }, { type: "extratjanst", status: "avslutad", start: "2025-02-04", end: "2025-08-01" }] },
      // a planned praktik must not count
      { gender: "K", reception: "2024-01-01", activities: [{ type: "praktik", status: "planerad", start: "2024-02-01" }] },
      // an activity starting before reception counts as 0 days
      { gender: "M", reception: "2024-03-01", activities: [{ type: "anstallning", start: "2024-02-01" }] },
      // the earliest of several; an interrupted one counts
      { gender: "M", reception: "2024-01-01", activities: [{ type: "introduktionsjobb", start: "2024-07-01" }, { type: "praktik", status: "avbruten", start: "2024-03-01", end: "2024-03-20" }] },
      // starts after asOf: not reached
      { gender: "X", reception: "2024-01-01", activities: [{ type: "praktik", start: "2026-07-01" }] },
      // received after asOf: not in the population
      { gender: "K", reception: "2026-07-01", activities: [{ type: "praktik", start: "2026-07-02" }] },
    ]);
  });

  it("computes reached, the median and the share within 365 days", async () => {
    const rows = await firstWorkplace(handle.db, { municipalityId: muni, asOf: AS_OF, minN: 0 });
    // days: 100, 400, -, 0, 60, -  -> reached 4; median of [0, 60, 100, 400] = 80
    expect(rows).toEqual([
      { cohort: "2024", group: "total", n: 6, reached: 4, medianDays: 80, shareWithin365: 0.5 },
      { cohort: "2024", group: "K", n: 3, reached: 2, medianDays: 250, shareWithin365: 0.3333 },
      { cohort: "2024", group: "M", n: 2, reached: 2, medianDays: 30, shareWithin365: 1 },
    ]);
  });

  it("suppresses the median and share under the threshold but always gives counts", async () => {
    const rows = await firstWorkplace(handle.db, { municipalityId: muni, asOf: AS_OF, minN: 10 });
    expect(rows[0]).toEqual({ cohort: "2024", group: "total", n: 6, reached: 4, medianDays: null, shareWithin365: null });
  });

  it("gives a null median when nobody reached a workplace", async () => {
    const rows = await firstWorkplace(handle.db, { municipalityId: muni, asOf: "2024-01-31", minN: 0 });
    expect(rows[0]).toMatchObject({ cohort: "2024", group: "total", n: 5, reached: 0, medianDays: null, shareWithin365: 0 });
  });
});

describe("idle", () => {
  let muni: string;
  beforeAll(async () => {
    muni = (await makeMunicipality(handle.db, "3333")).id;
    await addPeople(handle.db, muni, [
      // ended exactly 30 days before asOf: covers the window's first day -> not idle
      { reception: "2025-01-01", activities: [{ type: "sfi", status: "avslutad", start: "2025-02-01", end: "2026-05-31" }] },
      // ended 31 days before asOf -> idle
      { reception: "2025-01-01", activities: [{ type: "sfi", status: "avslutad", start: "2025-02-01", end: "2026-05-30" }] },
      // ongoing without end date -> not idle
      { reception: "2025-01-01", activities: [{ type: "praktik", start: "2026-01-01" }] },
      // only a planned activity -> idle
      { reception: "2025-01-01", activities: [{ type: "praktik", status: "planerad", start: "2026-06-15", end: "2026-08-01" }] },
      // starts after asOf -> idle
      { reception: "2025-01-01", activities: [{ type: "praktik", start: "2026-07-01" }] },
      // no activity at all -> idle
      { reception: "2025-01-01" },
      // left the programme on asOf: still active (and idle)
      { reception: "2025-01-01", programmeEnd: AS_OF },
      // left before asOf: not active
      { reception: "2025-01-01", programmeEnd: "2026-06-29" },
      // received after asOf: not active
      { reception: "2026-07-01" },
    ]);
  });

  it("counts the active and the idle", async () => {
    expect(await idle(handle.db, { municipalityId: muni, asOf: AS_OF })).toEqual({ active: 7, idle: 5 });
  });
});
