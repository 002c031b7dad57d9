// Calendar-date helpers. Dates are ISO strings (YYYY-MM-DD) throughout, as the database `date`
// columns return them; day arithmetic is done in UTC so no time zone shifts a day.

export type IsoDate = string;

const MS_PER_DAY = 86_400_000;

/**
 * An ISO date as milliseconds since the epoch, at UTC midnight. Signals and figures do day
 * arithmetic for every person of a unit or a municipality, so the usual form (YYYY-MM-DD) is read
 * digit by digit, ten times as fast as splitting it; anything else goes the general way.
 */
export function parseIsoDate(s: string): number {
  if (s.length === 10 && s.charCodeAt(4) === DASH && s.charCodeAt(7) === DASH) {
    const y = digits(s, 0, 4);
    const m = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    if (y >= 0 && m >= 0 && d >= 0) return Date.UTC(y, m - 1, d);
  }
  const [y, m, d] = s.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

const DASH = 45;
const ZERO = 48;

/** The number the `n` digits of `s` from `at` make, or -1 if one is not a digit. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - ZERO;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

export function isValidIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function toIsoDate(ms: number): IsoDate {
  const dt = new Date(ms);
  const y = dt.getUTCFullYear();
  // Four-digit years from the date's parts (a quarter of toISOString's time); the rest as ISO writes them.
  if (y < 1000 || y > 9999) return dt.toISOString().slice(0, 10);
  const m = dt.getUTCMonth() + 1;
  const d = dt.getUTCDate();
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** Whole calendar days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((parseIsoDate(b) - parseIsoDate(a)) / MS_PER_DAY);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return toIsoDate(parseIsoDate(d) + n * MS_PER_DAY);
}

/** The same day `n` years later; 29 February becomes 1 March in a year without it. */
export function addYears(d: IsoDate, n: number): IsoDate {
  const dt = new Date(parseIsoDate(d));
  return toIsoDate(Date.UTC(dt.getUTCFullYear() + n, dt.getUTCMonth(), dt.getUTCDate()));
}

/** The words of a period: templates with `{date}` (`on`, `from`) and `{from}`, `{to}` (`fromTo`). */
export interface PeriodWords {
  on: string;
  from: string;
  fromTo: string;
}

/**
 * A period in words, as a printout says it: a single day once ("den 20 september 2026", not "20
 * september 2026 till 20 september 2026"), else from one day to the other, or from its start when
 * it has no end. `format` writes a day (e.g. in the reader's language).
 */
export function periodText(start: IsoDate, end: IsoDate | null | undefined, format: (d: IsoDate) => string, words: PeriodWords): string {
  if (!end) return words.from.replace("{date}", () => format(start));
  if (end === start) return words.on.replace("{date}", () => format(start));
  return words.fromTo.replace("{from}", () => format(start)).replace("{to}", () => format(end));
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

const TO_THE_SECOND = new Intl.DateTimeFormat("sv-SE", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Stockholm" });
/**
 * The moment a Swedish day begins (midnight, local time), for filters by day of instants. Sweden
 * changes its clocks at 01:00 UTC, never near midnight, so the day's offset is the offset at the
 * UTC midnight of the same date.
 */
export function startOfSwedishDay(d: IsoDate): Date {
  const utcMidnight = parseIsoDate(d);
  const local = Date.parse(TO_THE_SECOND.format(utcMidnight).replace(" ", "T") + "Z");
  return new Date(utcMidnight - (local - utcMidnight));
}

/** A moment to the second, as a log reads: "2026-06-30 14:05:09", Swedish local time. */
export function formatInstant(at: Date | string): string {
  return TO_THE_SECOND.format(typeof at === "string" ? new Date(at) : at);
}
