// Day arithmetic on ISO dates: the fast reading and writing of YYYY-MM-DD give what the general
// forms (split and Date.UTC, toISOString) give, for every day of two centuries and at the edges.
import { describe, expect, it } from "vitest";
import { addDays, addYears, daysBetween, formatInstant, parseIsoDate, periodText, startOfSwedishDay, toIsoDate } from "./dates";

const DAY = 86_400_000;
const general = (s: string) => {
  const [y, m, d] = s.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
};
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("parseIsoDate and toIsoDate", () => {
  it("agree with the general forms for every day from 1900 to 2100", () => {
    for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2100, 11, 31); ms += DAY) {
      const s = iso(ms);
      if (toIsoDate(ms) !== s || parseIsoDate(s) !== ms) throw new Error(`differs on ${s}`);
    }
  });
  it("read other forms the general way: unpadded parts, and NaN for what is not a date", () => {
    expect(parseIsoDate("2026-6-1")).toBe(Date.UTC(2026, 5, 1));
    expect(parseIsoDate("2026-06-1")).toBe(Date.UTC(2026, 5, 1));
    expect(parseIsoDate("2026-ab-01")).toBeNaN();
    expect(parseIsoDate("2026-0a-01")).toBeNaN();
    expect(parseIsoDate("")).toBeNaN();
    // Out-of-range parts roll over as Date.UTC rolls them.
    expect(parseIsoDate("2026-02-30")).toBe(general("2026-02-30"));
  });
  it("write years outside four digits as ISO does", () => {
    for (const ms of [Date.UTC(999, 11, 31), Date.UTC(10000, 0, 1), Date.UTC(-1, 5, 15), Date.UTC(1000, 0, 1), Date.UTC(9999, 11, 31)]) {
      expect(toIsoDate(ms)).toBe(iso(ms));
    }
  });
  it("count and add whole days across leap days and year ends", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-02-28", "2025-03-01")).toBe(1);
    expect(daysBetween("2026-12-31", "2026-01-01")).toBe(-364);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-29", -90)).toBe("2025-12-29");
    expect(addYears("2024-02-29", 2)).toBe("2026-03-01");
    expect(addYears("2026-01-15", 2)).toBe("2028-01-15");
  });
});

describe("formatInstant", () => {
  it("reads a moment to the second in Swedish local time, summer and winter", () => {
    expect(formatInstant(new Date("2026-06-30T12:05:09Z"))).toBe("2026-06-30 14:05:09");
    expect(formatInstant("2026-12-07T23:30:00.000Z")).toBe("2026-12-08 00:30:00");
  });
});

describe("startOfSwedishDay", () => {
  it("is local midnight in winter time, summer time and on the days the clocks change", () => {
    expect(startOfSwedishDay("2026-12-07").toISOString()).toBe("2026-12-06T23:00:00.000Z");
    expect(startOfSwedishDay("2026-06-30").toISOString()).toBe("2026-06-29T22:00:00.000Z");
    expect(startOfSwedishDay("2026-03-29").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfSwedishDay("2026-03-30").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfSwedishDay("2026-10-25").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(startOfSwedishDay("2026-10-26").toISOString()).toBe("2026-10-25T23:00:00.000Z");
  });
});

describe("periodText", () => {
  const long = (d: string) => new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${d}T00:00:00Z`));
  const sv = { on: "den {date}", from: "från {date}", fromTo: "{from} till {to}" };
  it("says a one-day period as that day, once", () => {
    expect(periodText("2026-09-20", "2026-09-20", long, sv)).toBe("den 20 september 2026");
    expect(periodText("2026-09-20", "2026-09-20", (d) => d, { on: "on {date}", from: "from {date}", fromTo: "{from} to {to}" })).toBe("on 2026-09-20");
  });
  it("says a longer period from one day to the other, and one without an end from its start", () => {
    expect(periodText("2026-09-20", "2026-09-21", long, sv)).toBe("20 september 2026 till 21 september 2026");
    expect(periodText("2026-09-20", null, long, sv)).toBe("från 20 september 2026");
    expect(periodText("2026-09-20", undefined, long, sv)).toBe("från 20 september 2026");
  });
  it("writes a day's text as it is, even with a $ in it", () => {
    expect(periodText("2026-09-20", "2026-09-20", () => "$& $1", sv)).toBe("den $& $1");
  });
});
