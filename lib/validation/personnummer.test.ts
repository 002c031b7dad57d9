import { describe, expect, it } from "vitest";
import { luhnCheckDigit, parseOrgNr, parsePersonnummer } from "./personnummer";

describe("parsePersonnummer", () => {
  it("accepts a valid personnummer with and without dash", () => {
    // 811218-9876 is Skatteverket's classic example with a correct check digit.
    expect(parsePersonnummer("198112189876")).toEqual({
      ok: true,
      value: "198112189876",
      birthDate: "1981-12-18",
      samordningsnummer: false,
    });
    expect(parsePersonnummer("19811218-9876").ok).toBe(true);
  });
  it("refuses a wrong checksum", () => {
    expect(parsePersonnummer("198112189875")).toEqual({ ok: false, error: "checksum" });
  });
  it("refuses an impossible date", () => {
    expect(parsePersonnummer("199002300000")).toEqual({ ok: false, error: "date" });
    expect(parsePersonnummer("199013010000")).toEqual({ ok: false, error: "date" });
  });
  it("refuses other formats", () => {
    expect(parsePersonnummer("8112189876")).toEqual({ ok: false, error: "format" });
    expect(parsePersonnummer("19811218 9876")).toEqual({ ok: false, error: "format" });
    expect(parsePersonnummer("")).toEqual({ ok: false, error: "format" });
  });
  it("accepts a samordningsnummer (day + 60) and gives the real birth date", () => {
    const nine = "701063" + "238";
    const value = "19" + nine + luhnCheckDigit(nine);
    const r = parsePersonnummer(value);
    expect(r).toEqual({ ok: true, value, birthDate: "1970-10-03", samordningsnummer: true });
  });
  it("refuses a samordningsnummer whose day - 60 is impossible", () => {
    const nine = "700289" + "238"; // day 89 - 60 = 29: 1970-02-29 does not exist
    expect(parsePersonnummer("19" + nine + luhnCheckDigit(nine))).toEqual({ ok: false, error: "date" });
  });
  it("handles leap days", () => {
    const nine = "000229" + "123";
    expect(parsePersonnummer("20" + nine + luhnCheckDigit(nine)).ok).toBe(true);
    const nine2 = "010229" + "123";
    expect(parsePersonnummer("20" + nine2 + luhnCheckDigit(nine2))).toEqual({ ok: false, error: "date" });
  });
});

describe("parseOrgNr", () => {
  it("accepts a valid organisationsnummer", () => {
    expect(parseOrgNr("556036-0793")).toEqual({ ok: true, value: "556036-0793" });
    expect(parseOrgNr("5560360793")).toEqual({ ok: true, value: "556036-0793" });
  });
  it("refuses a wrong checksum or format", () => {
    expect(parseOrgNr("556036-0794")).toEqual({ ok: false, error: "checksum" });
    expect(parseOrgNr("55603-0793")).toEqual({ ok: false, error: "format" });
  });
});
