// iCalendar (RFC 5545) text for a feed of all-day events: CRLF line endings, TEXT values escaped
// (§3.3.11) and content lines folded at 75 octets without splitting a UTF-8 character (§3.1).
// Pure, so the format is tested byte for byte.

export interface IcsEvent {
  /** Globally unique and stable across reads, so calendars update instead of duplicating. */
  uid: string;
  /** YYYY-MM-DD; an all-day event on that day. */
  date: string;
  summary: string;
  /** Bumped when the event changes (RFC 5545 §3.8.7.4). */
  sequence?: number;
}

export interface IcsCalendar {
  name: string;
  /** When the feed was produced: every event's DTSTAMP. */
  now: Date;
  events: readonly IcsEvent[];
}

const CRLF = "\r\n";

/** Escape a TEXT value: backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * Fold one content line: at most 75 octets per physical line, continuation lines begin with a
 * single space (which counts toward their 75), and no multi-octet character is split.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (octets + n > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = 74; // the leading space takes one octet
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** 2026-07-15 → 20260715 */
export function icsDate(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not an ISO date: ${iso}`);
  return iso.replace(/-/g, "");
}

/** A UTC date-time, e.g. 20261130T044800Z. */
export function icsDateTime(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function nextDay(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export function buildIcs(cal: IcsCalendar): string {
  const stamp = icsDateTime(cal.now);
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Etablera//Uppfoljningar//SV", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", `X-WR-CALNAME:${escapeText(cal.name)}`];
  for (const e of cal.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(e.date)}`,
      // All-day: DTEND is exclusive, the next day (§3.6.1).
      `DTEND;VALUE=DATE:${icsDate(nextDay(e.date))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      ...(e.sequence !== undefined ? [`SEQUENCE:${e.sequence}`] : []),
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** "Amina Karimi" → "A.K."; only the first letter of the first and the last name. */
export function initials(firstName: string, lastName: string): string {
  const first = (s: string) => {
    const ch = [...s.trim()][0];
    return ch ? `${ch.toLocaleUpperCase("sv-SE")}.` : "";
  };
  return `${first(firstName)}${first(lastName)}` || "–";
}
