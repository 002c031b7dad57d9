// The .ics format byte for byte: CRLF, escaping, folding at 75 octets on character boundaries.
import { describe, expect, it } from "vitest";
import { buildIcs, escapeText, foldLine, icsDate, icsDateTime, initials } from "./ics";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("ics", () => {
  it("builds a calendar of all-day events with CRLF line endings", () => {
    const text = buildIcs({ name: "Mina uppföljningar", now: new Date("2026-11-30T04:48:05.123Z"), events: [{ uid: "f1@etablera", date: "2026-07-15", summary: "Uppföljningssamtal – A.K.", sequence: 0 }] });
    expect(text).toBe(
      [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Etablera//Uppfoljningar//SV",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Mina uppföljningar",
        "BEGIN:VEVENT",
        "UID:f1@etablera",
        "DTSTAMP:20261130T044805Z",
        "DTSTART;VALUE=DATE:20260715",
        "DTEND;VALUE=DATE:20260716",
        "SUMMARY:Uppföljningssamtal – A.K.",
        "SEQUENCE:0",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
      ].join("\r\n"),
    );
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("ends an all-day event on the next day, across month and year ends", () => {
    const text = buildIcs({ name: "x", now: new Date(0), events: [{ uid: "a", date: "2026-12-31", summary: "s" }, { uid: "b", date: "2028-02-28", summary: "s" }] });
    expect(text).toContain("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n");
    expect(text).toContain("DTEND;VALUE=DATE:20280229\r\n");
    expect(text).not.toContain("SEQUENCE");
  });

  it("escapes TEXT values", () => {
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
  });

  it("folds at 75 octets, continuation lines starting with one space", () => {
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    const folded = foldLine("SUMMARY:" + "y".repeat(200));
    const lines = folded.split("\r\n");
    expect(lines.map(octets)).toEqual([75, 75, 60]); // 208 = 75 + 74 + 59, plus a space on each continuation
    expect(lines.slice(1).every((l) => l.startsWith(" ") && !l.startsWith("  "))).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe("SUMMARY:" + "y".repeat(200));
  });

  it("never splits a multi-octet character when folding", () => {
    const line = "SUMMARY:" + "ö".repeat(60); // 8 + 120 octets
    const lines = foldLine(line).split("\r\n");
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    expect(octets(lines[0])).toBe(75 - 1); // 8 + 33×2 = 74: one more ö would make 76
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join("")).toBe(line);
    // Every line of a built calendar keeps the limit.
    const text = buildIcs({ name: "Ä".repeat(80), now: new Date(0), events: [{ uid: "u", date: "2026-01-01", summary: "Trepartssamtal med arbetsgivare – Ö.Å. ".repeat(4) }] });
    expect(text.split("\r\n").every((l) => octets(l) <= 75)).toBe(true);
  });

  it("formats dates and stamps", () => {
    expect(icsDate("2026-07-05")).toBe("20260705");
    expect(() => icsDate("5/7/2026")).toThrow();
    expect(icsDateTime(new Date("2026-01-02T03:04:05.999Z"))).toBe("20260102T030405Z");
  });

  it("gives initials only", () => {
    expect(initials("Amina", "Karimi")).toBe("A.K.");
    expect(initials("  åsa maria", "Öberg Lind")).toBe("Å.Ö.");
    expect(initials("", "")).toBe("–");
  });
});
