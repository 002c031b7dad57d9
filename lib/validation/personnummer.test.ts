import { describe, expect, it } from "vitest";
import { hasPersonnummer, looksLikePersonnummer, luhnCheckDigit, maskPersonnummer, parseOrgNr, parsePersonnummer } from "./personnummer";

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

describe("maskPersonnummer", () => {
  const M = "[pnr]";
  it("masks a personnummer or samordningsnummer in any written form, wherever in the text", () => {
    for (const pnr of ["198112189876", "19811218-9876", "811218-9876", "8112189876", "19811218+9876", "19701063-2391"]) {
      expect(maskPersonnummer(`Väntar på ${pnr}, ring`, M)).toBe(`Väntar på ${M}, ring`);
    }
    expect(maskPersonnummer("19811218-9876.xlsx och 19900101-0000", M)).toBe(`${M}.xlsx och ${M}`);
  });
  it("leaves dates, counts, a company's organisationsnummer and ids alone", () => {
    for (const text of [
      "2025-03-04",
      "20250304",
      "rader: 1234",
      "556036-0793",
      "5560360793",
      "12345678901234",
      "00000000-0000-4000-8000-199001011234",
      "19900101-1234-4000-8000-000000000001",
      "abc19900101-1234",
    ]) {
      expect(maskPersonnummer(text, M), text).toBe(text);
    }
  });
});

describe("looksLikePersonnummer", () => {
  it("takes 10 or 12 digits, with or without -, + or a space before the last four, and spaces around", () => {
    for (const v of ["19900315-2387", "199003152387", "900315-2387", "9003152387", "19900315+2387", "900315+2387", "19900375-2380", " 19900315 2387 ", "19991399-0000"]) {
      expect(looksLikePersonnummer(v), v).toBe(true);
    }
  });
  it("leaves names, dates, parts of a number and longer runs of digits to the name search", () => {
    for (const v of ["", "Andersson", "Anna 19900315-2387", "1990-03-15", "19900315", "900315-23", "19900315-23871", "1234567890123", "19900315--2387", "19900315-238a"]) {
      expect(looksLikePersonnummer(v), v).toBe(false);
    }
  });
});

describe("hasPersonnummer", () => {
  it("finds a personnummer anywhere in the text, and nothing in names, dates or a company's organisationsnummer", () => {
    expect(hasPersonnummer("Anna 19900315-2387")).toBe(true);
    expect(hasPersonnummer("900315-2387 Anna")).toBe(true);
    for (const v of ["Anna Andersson", "2025-03-04", "556036-0793", ""]) expect(hasPersonnummer(v), v).toBe(false);
    // The same answer twice in a row: the pattern is global, and search() does not keep its place.
    expect(hasPersonnummer("Anna 19900315-2387")).toBe(true);
  });
});
