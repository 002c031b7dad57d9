// Attendance arithmetic for sfi: pure functions, so the rules are tested without a database.
import { addDays, daysBetween } from "@/lib/dates";

export interface AttendanceRow {
  lessonDate: string;
  scheduledHours: number;
  attendedHours: number;
}

/** Attended share of scheduled hours, 0–1 rounded to 4 decimals; null without scheduled hours. */
export function attendanceShare(rows: AttendanceRow[]): number | null {
  let scheduled = 0;
  let attended = 0;
  for (const r of rows) {
    scheduled += r.scheduledHours;
    attended += Math.min(r.attendedHours, r.scheduledHours);
  }
  return scheduled > 0 ? Math.round((attended / scheduled) * 10_000) / 10_000 : null;
}

/** The last four weeks up to and including asOf: lesson dates in [asOf - 27, asOf]. */
export function lastFourWeeks(asOf: string): { from: string; to: string } {
  return { from: addDays(asOf, -27), to: asOf };
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

export type Presence = "present" | "absent" | "partial";

/** What a teacher marks becomes hours: present = all, absent = none, partial = what was given. */
export function hoursFor(presence: Presence, scheduled: number, partialHours?: number): number {
  if (presence === "present") return scheduled;
  if (presence === "absent") return 0;
  return Math.max(0, Math.min(scheduled, partialHours ?? 0));
}

export interface CourseTime {
  studyPath: number;
  course: string;
  /** First day in a group of this course. */
  from: string;
  /** Last day (inclusive) once it is asOf or past, or null while the course goes on after asOf. */
  to: string | null;
  /** Calendar days in the course up to `asOf`, summed over its enrolments. */
  days: number;
}

/**
 * Time on each course: the student's enrolments grouped by (studieväg, course), in the order the
 * courses were started. Days count from start to end (or `asOf`) inclusive; enrolments starting
 * after `asOf` are left out.
 */
export function timeOnCourses(enrolments: { startDate: string; endDate: string | null; course: string; studyPath: number }[], asOf: string): CourseTime[] {
  const out = new Map<string, CourseTime>();
  for (const e of [...enrolments].sort((a, b) => a.startDate.localeCompare(b.startDate))) {
    if (e.startDate > asOf || (e.endDate !== null && e.endDate < e.startDate)) continue;
    const end = e.endDate !== null && e.endDate < asOf ? e.endDate : asOf;
    const days = daysBetween(e.startDate, end) + 1;
    const key = `${e.studyPath}${e.course}`;
    // Still in the course while an enrolment of it goes on after asOf; one that ends on asOf
    // (a course completed today) has ended, with its last day.
    const to = e.endDate !== null && e.endDate <= asOf ? e.endDate : null;
    const c = out.get(key);
    if (!c) out.set(key, { studyPath: e.studyPath, course: e.course, from: e.startDate, to, days });
    else {
      c.days += days;
      c.to = to; // enrolments are in start order: the latest decides
    }
  }
  return [...out.values()];
}

export interface PassedCourse {
  course: string;
  grade: string;
  resultDate: string;
}

/** Courses passed: the first passing course grade (A–E) of each course, in course order. */
export function coursesPassed(results: { kind: string; course: string; grade: string; resultDate: string }[]): PassedCourse[] {
  const first = new Map<string, PassedCourse>();
  for (const r of [...results].sort((a, b) => a.resultDate.localeCompare(b.resultDate))) {
    if (r.kind !== "kursbetyg" || r.grade === "F" || first.has(r.course)) continue;
    first.set(r.course, { course: r.course, grade: r.grade, resultDate: r.resultDate });
  }
  return [...first.values()].sort((a, b) => a.course.localeCompare(b.course));
}
