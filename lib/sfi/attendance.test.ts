import { describe, expect, it } from "vitest";
import { attendanceShare, hoursFor, isoWeekday, lastFourWeeks } from "./attendance";

describe("attendanceShare", () => {
  it("is attended over scheduled hours", () => {
    expect(attendanceShare([
      { lessonDate: "2026-11-02", scheduledHours: 3.5, attendedHours: 3.5 },
      { lessonDate: "2026-11-03", scheduledHours: 3.5, attendedHours: 0 },
      { lessonDate: "2026-11-04", scheduledHours: 3, attendedHours: 1.5 },
    ])).toBe(0.5);
  });
  it("never counts more than the scheduled hours of a lesson", () => {
    expect(attendanceShare([{ lessonDate: "2026-11-02", scheduledHours: 2, attendedHours: 5 }])).toBe(1);
  });
  it("is null without any lesson", () => {
    expect(attendanceShare([])).toBeNull();
  });
});

describe("lastFourWeeks", () => {
  it("covers 28 days ending on asOf", () => {
    expect(lastFourWeeks("2026-11-25")).toEqual({ from: "2026-10-29", to: "2026-11-25" });
  });
});

describe("hoursFor", () => {
  it("turns presence into hours", () => {
    expect(hoursFor("present", 3.5)).toBe(3.5);
    expect(hoursFor("absent", 3.5)).toBe(0);
    expect(hoursFor("partial", 3.5, 2)).toBe(2);
    expect(hoursFor("partial", 3.5, 9)).toBe(3.5);
  });
});

describe("isoWeekday", () => {
  it("counts Monday as 1 and Sunday as 7", () => {
    expect(isoWeekday("2026-11-23")).toBe(1);
    expect(isoWeekday("2026-11-29")).toBe(7);
  });
});
