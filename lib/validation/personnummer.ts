// Swedish personnummer, samordningsnummer and organisationsnummer: parsing and the Luhn check.

/** Luhn (mod 10) over a string of digits, the last being the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function luhnCheckDigit(nineDigits: string): number {
  for (let c = 0; c <= 9; c++) if (luhnValid(nineDigits + c)) return c;
  throw new Error("unreachable");
}

export type PersonnummerResult =
  | { ok: true; value: string; birthDate: string; samordningsnummer: boolean }
  | { ok: false; error: "format" | "date" | "checksum" };

function isRealDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Accepts `YYYYMMDDNNNN` or `YYYYMMDD-NNNN` (12 digits, as the import contract says).
 * Samordningsnummer carry day + 60. Returns the 12-digit normalised value and the birth date.
 */
export function parsePersonnummer(input: string): PersonnummerResult {
  const raw = input.trim();
  const m = /^(\d{4})(\d{2})(\d{2})[-+]?(\d{4})$/.exec(raw);
  if (!m) return { ok: false, error: "format" };
  const [, ys, ms, ds, tail] = m;
  const y = Number(ys);
  const mo = Number(ms);
  let d = Number(ds);
  const samordningsnummer = d > 60;
  if (samordningsnummer) d -= 60;
  if (!isRealDate(y, mo, d)) return { ok: false, error: "date" };
  // The check digit covers the 10-digit form YYMMDDNNNC.
  if (!luhnValid(ys.slice(2) + ms + ds + tail)) return { ok: false, error: "checksum" };
  const birthDate = `${ys}-${ms}-${String(d).padStart(2, "0")}`;
  return { ok: true, value: `${ys}${ms}${ds}${tail}`, birthDate, samordningsnummer };
}

/**
 * Whether what was typed into a search box is shaped like a personnummer or samordningsnummer: 10
 * or 12 digits, with or without a -, + or space before the last four. Only the shape is asked for,
 * not a real date nor the check digit: a mistyped number is still a person's, and is kept out of
 * URLs and logs all the same (the caseload's name search sends it to the posted search instead).
 */
export function looksLikePersonnummer(input: string): boolean {
  return /^\s*(?:\d{6}|\d{8})[-+ ]?\d{4}\s*$/.test(input);
}

/** Shown in the UI as YYYYMMDD-NNNN. */
export function formatPersonnummer(value: string): string {
  return value.length === 12 ? `${value.slice(0, 8)}-${value.slice(8)}` : value;
}

/** Organisationsnummer `NNNNNN-NNNN` (a dash optional), Luhn over the ten digits. */
export function parseOrgNr(input: string): { ok: true; value: string } | { ok: false; error: "format" | "checksum" } {
  const m = /^(\d{6})-?(\d{4})$/.exec(input.trim());
  if (!m) return { ok: false, error: "format" };
  if (!luhnValid(m[1] + m[2])) return { ok: false, error: "checksum" };
  return { ok: true, value: `${m[1]}-${m[2]}` };
}

/**
 * Anything in free text shaped like a personnummer or samordningsnummer (YYYYMMDDNNNN, YYMMDDNNNN,
 * with or without - or +, the date part a real month and a day 01–31 or 61–91), not part of a
 * longer run of digits or letters nor a part of a uuid. The check digit is not required: a mistyped
 * number is still a person's. An organisationsnummer of a company (its third digit 2 or more, no
 * month) is not matched; a sole trader's, which is the owner's personnummer, is.
 */
const PERSONNUMMER_IN_TEXT = /(?<![\dA-Za-z]|[\dA-Fa-f]-)(?:\d{2})?\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01]|6[1-9]|[78]\d|9[01])[-+]?\d{4}(?![\dA-Za-z]|-[\dA-Fa-f])/g;

/** Whether free text has a personnummer in it anywhere (what maskPersonnummer would mask). */
export function hasPersonnummer(text: string): boolean {
  return text.search(PERSONNUMMER_IN_TEXT) >= 0;
}

/** Free text with every personnummer in it replaced by `mask` (for what leaves the app, e.g. an export). */
export function maskPersonnummer(text: string, mask: string): string {
  return text.replace(PERSONNUMMER_IN_TEXT, mask);
}
