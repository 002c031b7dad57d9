// The participant form fills in the birth date from a valid personnummer, and only an empty one.
import { describe, expect, it } from "vitest";
import { luhnCheckDigit } from "@/lib/validation/personnummer";
import { birthDateToFill } from "./birth-date";

const pnr = (ymd: string, serial = "238") => `${ymd}-${serial}${luhnCheckDigit(ymd.slice(2) + serial)}`;

describe("birthDateToFill", () => {
  it("gives the personnummer's birth date while the birth date is empty, with or without the dash", () => {
    expect(birthDateToFill(pnr("19900315"), "")).toBe("1990-03-15");
    expect(birthDateToFill(pnr("19900315").replace("-", ""), undefined)).toBe("1990-03-15");
    expect(birthDateToFill(` ${pnr("20010228")} `, "  ")).toBe("2001-02-28");
  });

  it("takes a samordningsnummer's day less 60", () => {
    expect(birthDateToFill(pnr("19900375"), null)).toBe("1990-03-15");
  });

  it("leaves a birth date already entered alone, even one that does not agree", () => {
    expect(birthDateToFill(pnr("19900315"), "1990-03-16")).toBeNull();
  });

  it("fills nothing from a number that is incomplete, mistyped or not a real date", () => {
    const valid = pnr("19900315");
    const wrongCheck = valid.slice(0, -1) + String((Number(valid.slice(-1)) + 1) % 10);
    for (const v of ["", "19900315", valid.slice(0, -1), wrongCheck, "900315-2384", "19901315-2385"]) {
      expect(birthDateToFill(v, ""), v).toBeNull();
    }
  });
});
