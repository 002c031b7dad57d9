// Calendar-date helpers. Dates are ISO strings (YYYY-MM-DD) throughout, as the database `date`
// columns return them; day arithmetic is done in UTC so no time zone shifts a day.

export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

export function parseIsoDate(s: string): number {
  const [y, m, d] = s.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

export function isValidIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function toIsoDate(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole calendar days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((parseIsoDate(b) - parseIsoDate(a)) / MS_PER_DAY);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return toIsoDate(parseIsoDate(d) + n * MS_PER_DAY);
}

const SWEDISH_DAY = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" });

/** The day an instant falls on in Swedish local time. */
export function isoDateOf(at: Date): IsoDate {
  return SWEDISH_DAY.format(at);
}

/** Today in Swedish local time, as the users' working day is. */
export function todayIso(): IsoDate {
  return isoDateOf(new Date());
}

const WHEN = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Stockholm" });
/** A moment as the users read it: "2026-06-30 14:05", Swedish local time. Accepts a Date or its ISO string (from a server action). */
export function formatWhen(at: Date | string): string {
  return WHEN.format(typeof at === "string" ? new Date(at) : at);
}
