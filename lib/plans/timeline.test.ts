import { describe, expect, it } from "vitest";
import { buildTimeline, openEndOf, workplaceFirst, type TimelineActivity } from "./timeline";

const a = (id: string, type: TimelineActivity["type"], startDate: string, endDate: string | null, status: TimelineActivity["status"] = "pagaende"): TimelineActivity => ({ id, type, status, startDate, endDate, provider: null });
const AS_OF = "2026-06-30";

describe("buildTimeline", () => {
  it("puts parallel activities in lanes of their own and marks workplace-based ones", () => {
    const t = buildTimeline([a("1", "sfi", "2026-01-10", null), a("2", "praktik", "2026-03-01", "2026-05-31", "avslutad")], "2026-01-01", AS_OF);
    expect(t.lanes).toBe(2);
    expect(t.bars.map((b) => [b.type, b.lane, b.workplace])).toEqual([["sfi", 0, false], ["praktik", 1, true]]);
    expect(t.bars[0].left).toBeGreaterThan(0);
    expect(t.gaps).toEqual([]);
  });
  it("reuses a lane after an activity ends, and finds the gaps and the longest", () => {
    const t = buildTimeline(
      [a("1", "sfi", "2026-01-01", "2026-01-31", "avslutad"), a("2", "praktik", "2026-02-11", "2026-03-31", "avslutad"), a("3", "anstallning", "2026-05-01", null)],
      "2026-01-01",
      AS_OF,
    );
    expect(t.lanes).toBe(1);
    expect(t.gaps).toEqual([
      { from: "2026-02-01", to: "2026-02-10", days: 10 },
      { from: "2026-04-01", to: "2026-04-30", days: 30 },
    ]);
    expect(t.longestGap).toEqual({ from: "2026-04-01", to: "2026-04-30", days: 30 });
  });
  it("counts the days since the last activity ended as a gap up to asOf; planned ones do not cover", () => {
    const t = buildTimeline([a("1", "sfi", "2026-01-01", "2026-06-20", "avslutad"), a("2", "praktik", "2026-06-25", "2026-08-01", "planerad")], "2026-01-01", AS_OF);
    expect(t.gaps).toEqual([{ from: "2026-06-21", to: AS_OF, days: 10 }]);
  });
  it("draws an open-ended activity that starts more than 30 days ahead inside the range", () => {
    const t = buildTimeline([a("1", "sfi", "2026-01-10", null), a("2", "anstallning", "2027-03-01", null, "planerad")], "2026-01-01", AS_OF);
    expect(t.to >= "2027-03-01").toBe(true);
    const bar = t.bars.find((b) => b.id === "2")!;
    expect(bar.open).toBe(true);
    expect(bar.left).toBeLessThan(1);
    // What the page draws (the width clipped at the range's end) is a visible bar.
    expect(Math.min(bar.width, 1 - bar.left)).toBeGreaterThan(0.02);
    // The ongoing one still ends at asOf, and the range starts at reception.
    expect(t.from).toBe("2026-01-01");
    const ongoing = t.bars.find((b) => b.id === "1")!;
    expect(ongoing.left + ongoing.width).toBeLessThan(bar.left);
  });
});

describe("workplaceFirst", () => {
  it("tells ongoing, planned, or how many days without", () => {
    expect(workplaceFirst([a("1", "praktik", "2026-06-01", null)], "2026-01-01", AS_OF)).toEqual({ kind: "ongoing", since: "2026-06-01" });
    expect(workplaceFirst([a("1", "extratjanst", "2026-08-01", null, "planerad")], "2026-01-01", AS_OF)).toEqual({ kind: "planned", from: "2026-08-01" });
    expect(workplaceFirst([a("1", "sfi", "2026-01-05", null)], "2026-01-01", AS_OF)).toEqual({ kind: "none", daysSinceReception: 180 });
    expect(workplaceFirst([a("1", "sfi", "2026-01-05", null), a("2", "praktik", "2026-02-01", "2026-02-20", "avbruten")], "2026-01-01", AS_OF)).toEqual({ kind: "ended", lastEnd: "2026-02-20", daysSinceEnd: 130 });
  });
});

describe("openEndOf", () => {
  it("calls an activity without an end ongoing only once it has begun", () => {
    expect(openEndOf(a("1", "sfi", "2026-01-10", null), AS_OF)).toBe("ongoing");
    expect(openEndOf(a("2", "praktik", "2026-12-15", null, "planerad"), AS_OF)).toBe("untilFurtherNotice");
    expect(openEndOf(a("3", "praktik", "2026-06-01", null, "planerad"), AS_OF)).toBe("untilFurtherNotice");
    expect(openEndOf(a("4", "anstallning", "2026-07-01", null), AS_OF)).toBe("untilFurtherNotice");
  });
});
