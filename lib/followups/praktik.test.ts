// The praktik's three-party meeting rule on fixed dates, with its edges.
import { describe, expect, it } from "vitest";
import { midpoint, proposeThreePartyMeetings, type FollowupLike, type PraktikLike } from "./praktik";

const praktik = (over: Partial<PraktikLike> = {}): PraktikLike => ({ id: "p1", type: "praktik", status: "pagaende", startDate: "2026-06-01", endDate: "2026-07-31", ...over });
const meeting = (dueDate: string, over: Partial<FollowupLike> = {}): FollowupLike => ({ type: "trepartssamtal", status: "planerad", dueDate, heldDate: null, activityId: null, ...over });
const AS_OF = "2026-05-20";

describe("midpoint", () => {
  it("rounds down to a whole day", () => {
    expect(midpoint("2026-06-01", "2026-07-31")).toBe("2026-07-01"); // 60 days → +30
    expect(midpoint("2026-06-01", "2026-06-04")).toBe("2026-06-02"); // 3 days → +1
    expect(midpoint("2026-06-01", "2026-06-01")).toBe("2026-06-01");
  });
});

describe("proposeThreePartyMeetings", () => {
  it("proposes the midpoint and the end of a planned or ongoing praktik", () => {
    expect(proposeThreePartyMeetings([praktik()], [], AS_OF)).toEqual([
      { activityId: "p1", moment: "mitt", dueDate: "2026-07-01" },
      { activityId: "p1", moment: "slut", dueDate: "2026-07-31" },
    ]);
    expect(proposeThreePartyMeetings([praktik({ status: "planerad" })], [], AS_OF)).toHaveLength(2);
  });

  it("ignores other activity types, ended or interrupted praktik and praktik without an end date", () => {
    expect(proposeThreePartyMeetings([praktik({ type: "extratjanst" }), praktik({ status: "avslutad" }), praktik({ status: "avbruten" }), praktik({ endDate: null }), praktik({ endDate: "2026-05-01" })], [], AS_OF)).toEqual([]);
  });

  it("counts a meeting within three days of the date, either side, but not four", () => {
    for (const d of ["2026-06-28", "2026-07-01", "2026-07-04"]) {
      expect(proposeThreePartyMeetings([praktik()], [meeting(d)], AS_OF).map((p) => p.moment), d).toEqual(["slut"]);
    }
    for (const d of ["2026-06-27", "2026-07-05"]) {
      expect(proposeThreePartyMeetings([praktik()], [meeting(d)], AS_OF).map((p) => p.moment), d).toEqual(["mitt", "slut"]);
    }
  });

  it("counts a held meeting by the day it was held, and not a cancelled one or another type", () => {
    expect(proposeThreePartyMeetings([praktik()], [meeting("2026-06-20", { status: "genomford", heldDate: "2026-07-02" })], AS_OF).map((p) => p.moment)).toEqual(["slut"]);
    expect(proposeThreePartyMeetings([praktik()], [meeting("2026-07-01", { status: "installd" }), meeting("2026-07-01", { type: "uppfoljning" })], AS_OF)).toHaveLength(2);
  });

  it("counts a meeting of this praktik or of none, not one tied to another praktik", () => {
    expect(proposeThreePartyMeetings([praktik()], [meeting("2026-07-31", { activityId: "p1" })], AS_OF).map((p) => p.moment)).toEqual(["mitt"]);
    expect(proposeThreePartyMeetings([praktik()], [meeting("2026-07-31", { activityId: "p2" })], AS_OF)).toHaveLength(2);
  });

  it("does not propose a date already passed; the date itself is still proposed", () => {
    expect(proposeThreePartyMeetings([praktik()], [], "2026-07-02").map((p) => p.moment)).toEqual(["slut"]);
    expect(proposeThreePartyMeetings([praktik()], [], "2026-07-01").map((p) => p.moment)).toEqual(["mitt", "slut"]);
    expect(proposeThreePartyMeetings([praktik()], [], "2026-08-01")).toEqual([]);
  });

  it("proposes one meeting when a one-day praktik's midpoint is its end", () => {
    expect(proposeThreePartyMeetings([praktik({ startDate: "2026-06-01", endDate: "2026-06-01" })], [], AS_OF)).toEqual([{ activityId: "p1", moment: "mitt", dueDate: "2026-06-01" }]);
  });

  it("sorts several praktik by date", () => {
    const r = proposeThreePartyMeetings([praktik({ id: "b", startDate: "2026-08-01", endDate: "2026-08-21" }), praktik({ id: "a" })], [], AS_OF);
    expect(r.map((p) => `${p.activityId}:${p.dueDate}`)).toEqual(["a:2026-07-01", "a:2026-07-31", "b:2026-08-11", "b:2026-08-21"]);
  });
});
