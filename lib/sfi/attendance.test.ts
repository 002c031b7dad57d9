import { afterEach, describe, expect, it, vi } from "vitest";
import { attendanceShare, coursesPassed, hoursFor, isoWeekday, lastFourWeeks, timeOnCourses } from "./attendance";
import { attendanceSchema, attendanceSchemaFor, breakSchema, groupSchema, nextCourse, resultSchema } from "./schema";

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

describe("timeOnCourses", () => {
  const e = (course: string, startDate: string, endDate: string | null, studyPath = 2) => ({ course, startDate, endDate, studyPath });
  it("counts days per course, inclusive, up to asOf while still in it", () => {
    expect(timeOnCourses([e("C", "2026-03-01", null), e("B", "2026-01-01", "2026-02-28")], "2026-03-10")).toEqual([
      { studyPath: 2, course: "B", from: "2026-01-01", to: "2026-02-28", days: 59 },
      { studyPath: 2, course: "C", from: "2026-03-01", to: null, days: 10 },
    ]);
  });
  it("adds up two enrolments in the same course (a change of group) and leaves out future ones", () => {
    const t = timeOnCourses([e("B", "2026-01-01", "2026-01-10"), e("B", "2026-01-11", null), e("C", "2026-05-01", null)], "2026-01-20");
    expect(t).toEqual([{ studyPath: 2, course: "B", from: "2026-01-01", to: null, days: 20 }]);
  });
  it("shows a course that ends on asOf (completed today) as ended, and one that ends later as ongoing", () => {
    expect(timeOnCourses([e("B", "2026-01-01", "2026-01-31")], "2026-01-31")[0]).toMatchObject({ to: "2026-01-31", days: 31 });
    expect(timeOnCourses([e("B", "2026-01-01", "2026-02-10")], "2026-01-31")[0]).toMatchObject({ to: null, days: 31 });
  });
  it("after a course completed today the next, starting tomorrow, is not yet counted", () => {
    expect(timeOnCourses([e("B", "2026-01-01", "2026-01-31"), e("C", "2026-02-01", null)], "2026-01-31")).toEqual([{ studyPath: 2, course: "B", from: "2026-01-01", to: "2026-01-31", days: 31 }]);
  });
});

describe("coursesPassed", () => {
  it("keeps the first passing course grade per course and ignores F and national tests", () => {
    expect(
      coursesPassed([
        { kind: "kursbetyg", course: "C", grade: "F", resultDate: "2026-03-01" },
        { kind: "nationellt_prov", course: "C", grade: "A", resultDate: "2026-03-02" },
        { kind: "kursbetyg", course: "C", grade: "D", resultDate: "2026-04-01" },
        { kind: "kursbetyg", course: "C", grade: "A", resultDate: "2026-06-01" },
        { kind: "kursbetyg", course: "B", grade: "E", resultDate: "2025-12-01" },
      ]),
    ).toEqual([
      { course: "B", grade: "E", resultDate: "2025-12-01" },
      { course: "C", grade: "D", resultDate: "2026-04-01" },
    ]);
  });
});

describe("the study paths", () => {
  it("move to the next course of the path and stop at its highest", () => {
    expect([nextCourse(1, "A"), nextCourse(1, "B"), nextCourse(2, "B"), nextCourse(2, "C"), nextCourse(3, "C"), nextCourse(3, "D")]).toEqual(["B", null, "C", null, "D", null]);
    expect(nextCourse(1, "D")).toBeNull();
  });
  const group = { name: "SV2 B kväll", school: "Lärcentrum", studyPath: "2", course: "B", days: ["1", "3"], start: "17:00", end: "20:00", hours: "3" };
  it("accept a group whose course belongs to its path", () => {
    expect(groupSchema.parse(group)).toMatchObject({ studyPath: 2, days: [1, 3], hours: 3, teacherIds: [] });
  });
  it("refuse a course outside the path, no weekday and an end before the start, next to each field", () => {
    const r = groupSchema.safeParse({ ...group, course: "A", days: [], end: "16:00" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["course", "days", "end"]));
  });
});

describe("breakSchema", () => {
  const base = { groupId: "00000000-0000-4000-8000-000000000001", participantId: "00000000-0000-4000-8000-000000000002", fromDate: "2026-05-01" };
  it("needs a reason for an interruption and an end date for a pause", () => {
    expect(breakSchema.safeParse({ ...base, kind: "avbrott" }).error!.issues[0].path).toEqual(["reason"]);
    expect(breakSchema.safeParse({ ...base, kind: "uppehall" }).error!.issues[0].path).toEqual(["toDate"]);
    expect(breakSchema.safeParse({ ...base, kind: "uppehall", toDate: "2026-04-30" }).error!.issues[0].path).toEqual(["toDate"]);
    expect(breakSchema.parse({ ...base, kind: "avbrott", reason: "arbete" })).toMatchObject({ reason: "arbete", toDate: "" });
  });
});

describe("timeOnCourses with an interruption on the first day", () => {
  it("leaves out the empty enrolment", () => {
    expect(timeOnCourses([{ course: "A", studyPath: 1, startDate: "2026-03-02", endDate: "2026-03-01" }], "2026-04-01")).toEqual([]);
  });
});

describe("dates after today (Swedish time)", () => {
  const ids = { groupId: "00000000-0000-4000-8000-000000000001", participantId: "00000000-0000-4000-8000-000000000002" };
  afterEach(() => {
    vi.useRealTimers();
  });
  // 23:30 UTC on 7 December is already 8 December in Sweden.
  const late = () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-07T23:30:00Z"));
  };
  const attendance = (lessonDate: string) => ({ groupId: ids.groupId, lessonDate, students: [{ participantId: ids.participantId, presence: "present" }] });
  it("refuse attendance for a lesson after today, and take today and earlier", () => {
    late();
    expect(attendanceSchema.safeParse(attendance("2026-12-08")).success).toBe(true);
    expect(attendanceSchema.safeParse(attendance("2026-11-30")).success).toBe(true);
    const r = attendanceSchema.safeParse(attendance("2026-12-09"));
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["lessonDate", "Närvaro kan inte registreras för ett datum efter i dag."]]);
    expect(attendanceSchema.safeParse(attendance("2026-02-30")).error!.issues.map((i) => i.message)).toEqual(["Ange ett datum (ÅÅÅÅ-MM-DD)."]);
  });
  it("refuse a result dated after today, and take today", () => {
    late();
    const result = (resultDate: string) => ({ ...ids, kind: "kursbetyg", grade: "C", resultDate });
    expect(resultSchema.safeParse(result("2026-12-08")).success).toBe(true);
    const r = resultSchema.safeParse(result("2030-06-01"));
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["resultDate", "Ett resultat kan inte dateras efter i dag."]]);
  });
  it("ask for a student when none is chosen", () => {
    const r = resultSchema.safeParse({ ...ids, participantId: "", kind: "kursbetyg", grade: "C", resultDate: "2026-01-10" });
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["participantId", "Välj elev."]]);
  });
});

describe("attendanceSchemaFor", () => {
  const input = (partialHours: number) => ({
    groupId: "00000000-0000-4000-8000-000000000001",
    lessonDate: "2026-11-02",
    students: [
      { participantId: "00000000-0000-4000-8000-000000000002", presence: "present" },
      { participantId: "00000000-0000-4000-8000-000000000003", presence: "partial", partialHours },
    ],
  });
  it("refuses partial hours above the lesson next to the row, in the users' way of writing hours", () => {
    const r = attendanceSchemaFor(3).safeParse(input(10));
    expect(r.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["students.1.partialHours", "Högst 3 timmar."]]);
    expect(attendanceSchemaFor(3.5).safeParse(input(4)).error!.issues[0].message).toBe("Högst 3,5 timmar.");
  });
  it("takes partial hours up to the lesson's", () => {
    expect(attendanceSchemaFor(3).safeParse(input(3)).success).toBe(true);
    expect(attendanceSchemaFor(3).safeParse(input(1.5)).success).toBe(true);
  });
});
