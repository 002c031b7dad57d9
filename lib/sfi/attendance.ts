// Attendance arithmetic for sfi: pure functions, so the rules are tested without a database.
import { addDays } from "@/lib/dates";

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
