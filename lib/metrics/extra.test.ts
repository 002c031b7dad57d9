// Workplace first, data completeness and caseload on hand-made fixtures.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "@/db/testing";
import type { DbHandle } from "@/db/client";
import { caseload, completeness, workplaceNow } from "./extra";
import { addPeople, makeMunicipality } from "./fixtures";

let handle: DbHandle;
let muni: string;
const AS_OF = "2026-06-30";

beforeAll(async () => {
  handle = await createTestDb();
  muni = (await makeMunicipality(handle.db, "4444")).id;
  await addPeople(handle.db, muni, [
    // praktik with sfi in parallel
    { activities: [{ type: "praktik", start: "2026-06-01", end: "2026-08-01" }, { type: "sfi", start: "2025-01-01" }] },
    // anstallning only, ending on asOf: still covers it
    { activities: [{ type: "anstallning", status: "avslutad", start: "2026-01-01", end: AS_OF }] },
    // planned praktik does not count; sfi only
    { activities: [{ type: "praktik", status: "planerad", start: "2026-06-01" }, { type: "sfi", start: "2025-01-01" }] },
    // praktik ended the day before
    { activities: [{ type: "praktik", status: "avslutad", start: "2026-01-01", end: "2026-06-29" }] },
    // left the programme, outcome missing
    { programmeEnd: "2026-01-01" },
    // left the programme, outcome registered
    { programmeEnd: "2026-01-01", outcome: { status: "arbete", recorded: "2026-04-15" } },
  ]);
});
afterAll(async () => {
  await handle?.close();
});

describe("workplaceNow", () => {
  it("counts active participants in a workplace-based activity on asOf, and those with sfi beside it", async () => {
    expect(await workplaceNow(handle.db, { municipalityId: muni, asOf: AS_OF, minN: 0 })).toEqual({
      active: 4,
      inWorkplace: 2,
      sfiAndWorkplace: 1,
      shareInWorkplace: 0.5,
      shareSfiAndWorkplace: 0.25,
    });
  });
  it("suppresses the shares of a small group", async () => {
    const r = await workplaceNow(handle.db, { municipalityId: muni, asOf: AS_OF });
    expect(r.shareInWorkplace).toBeNull();
    expect(r.inWorkplace).toBe(2);
  });
});

describe("completeness", () => {
  it("counts exits without outcome and missing key data", async () => {
    const c = await completeness(handle.db, { municipalityId: muni, asOf: AS_OF });
    expect(c.exitsWithoutOutcome).toBe(1);
    expect(c.exitsWithoutReason).toBe(2);
    expect(c.withoutEducationLevel).toBe(6);
    expect(c.withoutCoordinator).toBe(6);
  });
});

describe("caseload", () => {
  it("groups active participants by coordinator", async () => {
    expect(await caseload(handle.db, { municipalityId: muni, asOf: AS_OF })).toEqual([{ coordinatorId: null, coordinatorName: null, active: 4 }]);
  });
});
