// Every signal rule on fixed dates, with its edges.
import { describe, expect, it } from "vitest";
import { programmeEndsOn, signalsFor, sortSignals, withoutSnoozed, type ParticipantFacts, type SignalKey } from "./rules";

const AS_OF = "2026-06-30";
const UNIT = { noWorkplaceSignalDays: 90, sfiAttendanceThreshold: 75 };
const base: ParticipantFacts = {
  participantId: "p1",
  name: "Amina Said",
  coordinatorId: "c1",
  receptionDate: "2026-05-01",
  programmeStart: "2026-05-15",
  programmeEnd: null,
  exitReason: null,
  educationLevel: "gymnasial",
  overdueFollowupDue: null,
  nextFollowupDue: null,
  endingWithoutNext: null,
  coveredLast30: true,
  lastActivityEnd: null,
  firstWorkplaceStart: null,
  hasHealthExam: true,
  hasOutcome90: false,
  hasOngoingWorkOrStudy: false,
  sfiAttendance: null,
};
const keys = (f: Partial<ParticipantFacts>, asOf = AS_OF) => signalsFor({ ...base, ...f }, asOf, UNIT).map((s) => s.key);
const has = (f: Partial<ParticipantFacts>, key: SignalKey, asOf = AS_OF) => keys(f, asOf).includes(key);

describe("signal rules", () => {
  it("a fresh, complete case has no signal", () => {
    expect(keys({})).toEqual([]);
  });

  it("follow-up overdue from the day after the due date; due within 7 days before that", () => {
    expect(has({ overdueFollowupDue: "2026-06-29" }, "followup_overdue")).toBe(true);
    expect(has({ nextFollowupDue: "2026-06-30" }, "followup_overdue")).toBe(false);
    expect(has({ nextFollowupDue: "2026-06-30" }, "followup_due")).toBe(true);
    expect(has({ nextFollowupDue: "2026-07-07" }, "followup_due")).toBe(true);
    expect(has({ nextFollowupDue: "2026-07-08" }, "followup_due")).toBe(false);
  });

  it("an activity ending within 14 days with nothing after it", () => {
    expect(has({ endingWithoutNext: "2026-07-14" }, "activity_ending")).toBe(true);
    expect(has({ endingWithoutNext: "2026-07-15" }, "activity_ending")).toBe(false);
  });

  it("idle when no activity covers the last 30 days, since the last activity ended", () => {
    const s = signalsFor({ ...base, coveredLast30: false, lastActivityEnd: "2026-05-20" }, AS_OF, UNIT).find((x) => x.key === "idle")!;
    expect(s).toMatchObject({ since: "2026-05-20", value: 41 });
    expect(has({ coveredLast30: true }, "idle")).toBe(false);
    // Out of the programme before asOf: not active, no idle signal.
    expect(has({ coveredLast30: false, programmeEnd: "2026-06-29", exitReason: "arbete", hasOutcome90: true }, "idle")).toBe(false);
  });

  it("no workplace-based activity: exactly 90 days after reception signals, 89 does not", () => {
    expect(has({ receptionDate: "2026-04-01" }, "no_workplace")).toBe(true); // 90 days
    expect(has({ receptionDate: "2026-04-02" }, "no_workplace")).toBe(false); // 89 days
    expect(has({ receptionDate: "2026-01-01", firstWorkplaceStart: "2026-03-01" }, "no_workplace")).toBe(false);
    expect(signalsFor({ ...base, receptionDate: "2026-04-01" }, AS_OF, { ...UNIT, noWorkplaceSignalDays: 120 }).map((s) => s.key)).not.toContain("no_workplace");
  });

  it("programme ends within 60 days without work or studies under way", () => {
    expect(programmeEndsOn({ programmeStart: "2024-08-29", programmeEnd: null })).toBe("2026-08-29");
    expect(has({ programmeStart: "2024-08-29" }, "programme_ending")).toBe(true); // 60 days
    expect(has({ programmeStart: "2024-08-30" }, "programme_ending")).toBe(false); // 61 days
    expect(has({ programmeStart: "2024-08-29", hasOngoingWorkOrStudy: true }, "programme_ending")).toBe(false);
  });

  it("90-day outcome due exactly 90 days after exit, until it is recorded", () => {
    const left = { programmeEnd: "2026-04-01", exitReason: "arbete" };
    expect(has(left, "outcome_due")).toBe(true);
    expect(has({ ...left, programmeEnd: "2026-04-02" }, "outcome_due")).toBe(false);
    expect(has({ ...left, hasOutcome90: true }, "outcome_due")).toBe(false);
  });

  it("health examination not offered: after day 60, not on it", () => {
    expect(has({ hasHealthExam: false, receptionDate: "2026-05-02" }, "health_not_offered", "2026-07-01")).toBe(false); // exactly 60
    expect(has({ hasHealthExam: false, receptionDate: "2026-05-01" }, "health_not_offered", "2026-07-01")).toBe(true); // 61
  });

  it("sfi attendance below the unit's threshold", () => {
    expect(has({ sfiAttendance: 0.74 }, "low_sfi_attendance")).toBe(true);
    expect(has({ sfiAttendance: 0.75 }, "low_sfi_attendance")).toBe(false);
    expect(has({ sfiAttendance: null }, "low_sfi_attendance")).toBe(false);
  });

  it("missing key data", () => {
    expect(keys({ educationLevel: null, coordinatorId: null })).toEqual(expect.arrayContaining(["missing_education", "missing_coordinator"]));
    expect(has({ programmeEnd: "2026-06-01", hasOutcome90: true }, "missing_exit_reason")).toBe(true);
    expect(has({ programmeEnd: "2026-07-01" }, "missing_exit_reason")).toBe(false);
  });
});

describe("snoozing and order", () => {
  it("hides a snoozed signal through its date, and shows it again after", () => {
    const s = signalsFor({ ...base, educationLevel: null }, AS_OF, UNIT);
    const snooze = [{ participantId: "p1", signalKey: "missing_education", until: "2026-06-30" }];
    expect(withoutSnoozed(s, snooze, AS_OF)).toEqual([]);
    expect(withoutSnoozed(s, snooze, "2026-07-01")).toHaveLength(1);
  });
  it("puts my own first, then priority, then the oldest", () => {
    const mine = signalsFor({ ...base, educationLevel: null }, AS_OF, UNIT);
    const other = signalsFor({ ...base, participantId: "p2", coordinatorId: "c2", overdueFollowupDue: "2026-06-01" }, AS_OF, UNIT);
    expect(sortSignals([...other, ...mine], "c1").map((s) => s.participantId)).toEqual(["p1", "p2"]);
    expect(sortSignals([...other, ...mine], "c2").map((s) => s.participantId)).toEqual(["p2", "p1"]);
  });
});
