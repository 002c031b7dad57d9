// Row validation: turns a row of strings into a typed record, or into the errors a user can fix,
// and notes the warnings (rows the contract accepts but the app's forms would not: a date in the
// future). Pure functions; the database facts they need come in from the caller (./run.ts).
import { addDays, isValidIsoDate } from "@/lib/dates";
import { parseOrgNr, parsePersonnummer } from "@/lib/validation/personnummer";
import { WORKPLACE_TYPES, type ActivityStatus, type ActivityType, type OutcomeStatus } from "@/db/schema/enums";
import type { ImportMessage } from "./messages";
import { CODES, COLUMNS, type FileKind } from "./spec";

export interface RowError {
  label: string;
  row: number;
  column: string;
  message: ImportMessage;
}

export interface ParticipantRecord {
  externalId: string;
  personnummer: string | null;
  firstName: string;
  lastName: string;
  birthDate: string;
  gender: "K" | "M" | "X";
  educationLevel: (typeof CODES.education_level)[number] | null;
  receptionDate: string;
  settlement: (typeof CODES.settlement)[number] | null;
  programmeStart: string | null;
  programmeEnd: string | null;
  coordinatorEmail: string | null;
}

export interface ActivityRecord {
  participantExternalId: string;
  type: ActivityType;
  startDate: string;
  endDate: string | null;
  status: ActivityStatus;
  provider: string | null;
  employerOrgNr: string | null;
  hoursPerWeek: string | null;
}

export interface OutcomeRecord {
  participantExternalId: string;
  status: OutcomeStatus;
  recordedDate: string;
}

/** Header check: every column known, none twice, every required one there. */
export function readHeader(kind: FileKind, label: string, cells: string[]): { index: Map<string, number>; errors: RowError[] } {
  const index = new Map<string, number>();
  const errors: RowError[] = [];
  const known = new Set([...COLUMNS[kind].required, ...COLUMNS[kind].optional]);
  cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === "" && i === cells.length - 1) return; // a trailing separator
    if (!known.has(name)) errors.push({ label, row: 1, column: raw.trim() || `#${i + 1}`, message: { key: "unknownColumn" } });
    else if (index.has(name)) errors.push({ label, row: 1, column: name, message: { key: "duplicateColumn" } });
    else index.set(name, i);
  });
  for (const col of COLUMNS[kind].required) {
    if (!index.has(col)) errors.push({ label, row: 1, column: col, message: { key: "missingColumn" } });
  }
  return { index, errors };
}

/** Dates already found valid: a caseload repeats the same few thousand days. */
const validDates = new Set<string>();

/** Reads one row's cells by column name; collects errors as it goes. */
export class RowReader {
  readonly errors: RowError[] = [];
  /** Not errors: the row is imported as it is, and the preview and the command line show these beside it. */
  readonly warnings: RowError[] = [];
  constructor(
    private readonly label: string,
    private readonly row: number,
    private readonly index: Map<string, number>,
    private readonly cells: string[],
  ) {}

  error(column: string, message: ImportMessage) {
    this.errors.push({ label: this.label, row: this.row, column, message });
  }

  warn(column: string, message: ImportMessage) {
    this.warnings.push({ label: this.label, row: this.row, column, message });
  }

  /** A date already read (valid) after `today`: a warning, as the contract does not forbid it. */
  notAfter(column: string, date: string | null, today: string) {
    if (date !== null && date > today) this.warn(column, { key: "futureDate", date });
  }

  text(column: string): string | null {
    const i = this.index.get(column);
    if (i === undefined) return null;
    const v = (this.cells[i] ?? "").trim();
    return v === "" ? null : v;
  }

  required(column: string): string | null {
    const v = this.text(column);
    // A column missing from the header is reported once there, not on every row.
    if (v === null && this.index.has(column)) this.error(column, { key: "required" });
    return v;
  }

  date(column: string, required: boolean): string | null {
    const v = required ? this.required(column) : this.text(column);
    if (v === null) return null;
    if (validDates.has(v)) return v;
    if (!isValidIsoDate(v)) {
      this.error(column, { key: "badDate", value: v });
      return null;
    }
    if (validDates.size >= 100_000) validDates.clear();
    validDates.add(v);
    return v;
  }

  code<T extends string>(column: string, allowed: readonly T[], required: boolean): T | null {
    const v = required ? this.required(column) : this.text(column);
    if (v === null) return null;
    if (!(allowed as readonly string[]).includes(v)) {
      this.error(column, { key: "badCode", allowed, value: v });
      return null;
    }
    return v as T;
  }
}

/**
 * `today` (the app's day, Swedish time): birth, reception and exit after it are warned about, as
 * the participant form refuses them; the contract lists no such error, so the row stays valid.
 */
export function validateParticipant(r: RowReader, today?: string): ParticipantRecord | null {
  const externalId = r.required("external_id");
  const firstName = r.required("first_name");
  const lastName = r.required("last_name");
  const birthDate = r.date("birth_date", true);
  const gender = r.code("gender", CODES.gender, true);
  const educationLevel = r.code("education_level", CODES.education_level, false);
  const receptionDate = r.date("reception_date", true);
  const settlement = r.code("settlement", CODES.settlement, false);
  const programmeStart = r.date("programme_start", false);
  const programmeEnd = r.date("programme_end", false);
  const coordinatorEmail = r.text("coordinator_email")?.toLowerCase() ?? null;
  let personnummer: string | null = null;
  const pnrRaw = r.text("personnummer");
  if (pnrRaw !== null) {
    const parsed = parsePersonnummer(pnrRaw);
    if (!parsed.ok) {
      r.error("personnummer", { key: parsed.error === "format" ? "pnrFormat" : parsed.error === "date" ? "pnrDate" : "pnrChecksum" });
    } else {
      personnummer = parsed.value;
      if (birthDate && parsed.birthDate !== birthDate) r.error("birth_date", { key: "pnrBirthDate", birthDate: parsed.birthDate });
    }
  }
  if (programmeStart && programmeEnd && programmeEnd < programmeStart) r.error("programme_end", { key: "endBeforeStart", start: programmeStart });
  if (birthDate && receptionDate && receptionDate < birthDate) r.error("reception_date", { key: "beforeBirth" });
  if (today !== undefined) {
    r.notAfter("birth_date", birthDate, today);
    r.notAfter("reception_date", receptionDate, today);
    r.notAfter("programme_end", programmeEnd, today);
  }
  if (r.errors.length || !externalId || !firstName || !lastName || !birthDate || !gender || !receptionDate) return null;
  return { externalId, personnummer, firstName, lastName, birthDate, gender, educationLevel, receptionDate, settlement, programmeStart, programmeEnd, coordinatorEmail };
}

export function validateActivity(r: RowReader): ActivityRecord | null {
  const participantExternalId = r.required("participant_external_id");
  const type = r.code("type", CODES.type, true);
  const startDate = r.date("start_date", true);
  const endDate = r.date("end_date", false);
  const status = r.code("status", CODES.activity_status, true);
  const provider = r.text("provider");
  let employerOrgNr: string | null = null;
  const orgRaw = r.text("employer_org_nr");
  if (orgRaw !== null) {
    const parsed = parseOrgNr(orgRaw);
    if (!parsed.ok) r.error("employer_org_nr", { key: parsed.error === "format" ? "orgNrFormat" : "orgNrChecksum" });
    else if (type && !(WORKPLACE_TYPES as readonly string[]).includes(type)) r.error("employer_org_nr", { key: "orgNrType" });
    else employerOrgNr = parsed.value;
  }
  let hoursPerWeek: string | null = null;
  const hoursRaw = r.text("hours_per_week");
  if (hoursRaw !== null) {
    const n = Number(hoursRaw.replace(",", "."));
    if (!/^\d+([.,]\d+)?$/.test(hoursRaw) || !Number.isFinite(n) || n < 0 || n > 60) r.error("hours_per_week", { key: "hours", value: hoursRaw });
    else hoursPerWeek = String(Math.round(n * 10) / 10);
  }
  if (startDate && endDate && endDate < startDate) r.error("end_date", { key: "endBeforeStart", start: startDate });
  if (r.errors.length || !participantExternalId || !type || !startDate || !status) return null;
  return { participantExternalId, type, startDate, endDate, status, provider, employerOrgNr, hoursPerWeek };
}

/** `today`: an outcome recorded after it is warned about (the outcome form refuses it). */
export function validateOutcome(r: RowReader, today?: string): OutcomeRecord | null {
  const participantExternalId = r.required("participant_external_id");
  const status = r.code("status", CODES.outcome_status, true);
  const recordedDate = r.date("recorded_date", true);
  if (today !== undefined) r.notAfter("recorded_date", recordedDate, today);
  if (r.errors.length || !participantExternalId || !status || !recordedDate) return null;
  return { participantExternalId, status, recordedDate };
}

/** The earliest day a 90-day outcome may be recorded. */
export function earliestOutcomeDate(programmeEnd: string): string {
  return addDays(programmeEnd, 90);
}
