// Import error and warning messages in Swedish and English. The CLI uses English unless --lang sv
// (or a Swedish LANG); the admin page follows the user's language. A message may name the value
// the file gave (`value`), appended after the message itself so that the line keeps the contract's
// `file:row: column: message`; a personnummer is never shown (see shownValue).
export type ImportLang = "sv" | "en";

export type ImportMessage =
  | { key: "unknownColumn" }
  | { key: "duplicateColumn" }
  | { key: "missingColumn" }
  | { key: "required" }
  | { key: "columnCount"; expected: number; found: number }
  | { key: "badCsv"; detail: string }
  | { key: "badXlsx"; detail: string }
  | { key: "xlsxRowsLost"; found: number; read: number }
  | { key: "badDate"; value?: string }
  | { key: "badCode"; allowed: readonly string[]; value?: string }
  | { key: "pnrFormat" }
  | { key: "pnrDate" }
  | { key: "pnrChecksum" }
  | { key: "pnrBirthDate"; birthDate: string }
  | { key: "pnrDuplicateFile"; row: number }
  /** `owner`: the external_id of the participant who has the number; null when they were registered in the app. */
  | { key: "pnrTaken"; owner?: string | null }
  | { key: "duplicateId"; row: number }
  | { key: "endBeforeStart"; start: string }
  | { key: "beforeBirth" }
  | { key: "notCoordinator"; value?: string }
  | { key: "unknownParticipant"; value?: string }
  | { key: "orgNrFormat" }
  | { key: "orgNrChecksum" }
  | { key: "orgNrType" }
  | { key: "hours"; value?: string }
  | { key: "noProgrammeEnd" }
  | { key: "outcomeTooEarly"; earliest: string }
  | { key: "duplicateOutcome"; row: number }
  | { key: "noFiles" }
  | { key: "missingSheet" }
  /** A CSV file that is not UTF-8 (e.g. Windows-1252 from an older Excel): named at the row of its first unreadable byte. */
  | { key: "notUtf8" }
  // Warnings: the contract accepts these rows, the app's own forms would not (or would flag them).
  | { key: "futureDate"; date: string }
  | { key: "dueForGallring"; lastActivity: string; years: number };

/** The rows the contract accepts but that are worth a look, reported beside the errors. */
export const WARNING_KEYS = ["futureDate", "dueForGallring"] as const;

/**
 * A value from the file as a message shows it: quoted, control characters removed, cut at 40
 * characters; nothing when it could hold a personnummer (10 or 12 digits in a row, with or without
 * a dash or spaces), whatever column it was found in.
 */
export function shownValue(value: string | undefined): string | null {
  if (value === undefined) return null;
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (clean === "" || /\d{6}(\d{2})?[-+]?\d{4}/.test(clean.replace(/\s/g, ""))) return null;
  return `"${clean.length > 40 ? `${clean.slice(0, 40)}…` : clean}"`;
}

const given = (lang: ImportLang, value: string | undefined) => {
  const v = shownValue(value);
  return v === null ? "" : lang === "sv" ? `; angivet: ${v}` : `; given: ${v}`;
};

const sv = (m: ImportMessage): string => {
  switch (m.key) {
    case "unknownColumn": return "okänd kolumn";
    case "duplicateColumn": return "kolumnen förekommer två gånger";
    case "missingColumn": return "obligatorisk kolumn saknas";
    case "required": return "värde saknas";
    case "columnCount": return `raden har ${m.found} fält, rubrikraden ${m.expected}`;
    case "badCsv": return `filen går inte att läsa som CSV (${m.detail})`;
    case "badXlsx": return `arbetsboken går inte att läsa, den kan vara skadad eller ofullständig; spara den på nytt från Excel och försök igen (${m.detail})`;
    case "xlsxRowsLost": return `bladet har ${m.found} rader men bara ${m.read} kunde läsas; spara arbetsboken på nytt från Excel och försök igen`;
    case "badDate": return `ogiltigt datum, använd ÅÅÅÅ-MM-DD${given("sv", m.value)}`;
    case "badCode": return `ogiltigt värde, tillåtna: ${m.allowed.join(", ")}${given("sv", m.value)}`;
    case "pnrFormat": return "personnumret ska ha 12 siffror (ÅÅÅÅMMDDNNNN eller ÅÅÅÅMMDD-NNNN)";
    case "pnrDate": return "personnumret innehåller ett datum som inte finns";
    case "pnrChecksum": return "personnumrets kontrollsiffra stämmer inte";
    case "pnrBirthDate": return `födelsedatum stämmer inte med personnumret (${m.birthDate})`;
    case "pnrDuplicateFile": return `samma personnummer finns på rad ${m.row}`;
    case "pnrTaken":
      if (m.owner === undefined) return "personnumret tillhör redan en annan deltagare";
      return m.owner === null ? "personnumret tillhör redan en annan deltagare, registrerad i appen (utan external_id)" : `personnumret tillhör redan en annan deltagare (external_id ${shownValue(m.owner) ?? "–"})`;
    case "duplicateId": return `samma external_id finns på rad ${m.row}`;
    case "endBeforeStart": return `slutdatum är före startdatum (${m.start})`;
    case "beforeBirth": return "datumet är före födelsedatum";
    case "notCoordinator": return `ingen aktiv etableringskoordinator med den e-postadressen${given("sv", m.value)}`;
    case "unknownParticipant": return `deltagaren finns varken i participants-filen eller i databasen${given("sv", m.value)}`;
    case "orgNrFormat": return "organisationsnumret ska skrivas NNNNNN-NNNN";
    case "orgNrChecksum": return "organisationsnumrets kontrollsiffra stämmer inte";
    case "orgNrType": return "arbetsgivare anges bara för praktik, extratjanst, introduktionsjobb och anstallning";
    case "hours": return `timmar per vecka ska vara ett tal mellan 0 och 60${given("sv", m.value)}`;
    case "noProgrammeEnd": return "deltagaren har inget avslutsdatum för etableringsprogrammet (programme_end)";
    case "outcomeTooEarly": return `utfallet kan registreras tidigast ${m.earliest} (programme_end + 90 dagar)`;
    case "duplicateOutcome": return `deltagaren har redan ett utfall på rad ${m.row}`;
    case "noFiles": return "hittade ingen av participants.csv, activities.csv eller outcomes.csv";
    case "missingSheet": return "arbetsboken har inget av bladen participants, activities eller outcomes";
    case "notUtf8": return "filen är inte sparad som UTF-8 (den här raden har tecken som inte går att läsa, t.ex. å, ä eller ö från en äldre Excel); spara den i Excel som ”CSV UTF-8 (kommaavgränsad)” och försök igen";
    case "futureDate": return `datumet ${m.date} ligger i framtiden; appens formulär tar inte emot det`;
    case "dueForGallring": return `ärendet är avslutat och senaste aktiviteten (${m.lastActivity}) ligger mer än ${m.years} år bakåt: deltagaren gallras vid nästa körning av gallringen`;
  }
};

const en = (m: ImportMessage): string => {
  switch (m.key) {
    case "unknownColumn": return "unknown column";
    case "duplicateColumn": return "column appears twice";
    case "missingColumn": return "required column is missing";
    case "required": return "value is required";
    case "columnCount": return `row has ${m.found} fields, the header ${m.expected}`;
    case "badCsv": return `file cannot be read as CSV (${m.detail})`;
    case "badXlsx": return `the workbook cannot be read, it may be damaged or incomplete; save it again from Excel and retry (${m.detail})`;
    case "xlsxRowsLost": return `the sheet has ${m.found} rows but only ${m.read} could be read; save the workbook again from Excel and retry`;
    case "badDate": return `invalid date, use YYYY-MM-DD${given("en", m.value)}`;
    case "badCode": return `invalid value, allowed: ${m.allowed.join(", ")}${given("en", m.value)}`;
    case "pnrFormat": return "personnummer must have 12 digits (YYYYMMDDNNNN or YYYYMMDD-NNNN)";
    case "pnrDate": return "personnummer holds a date that does not exist";
    case "pnrChecksum": return "personnummer check digit is wrong";
    case "pnrBirthDate": return `birth date does not agree with personnummer (${m.birthDate})`;
    case "pnrDuplicateFile": return `the same personnummer is on row ${m.row}`;
    case "pnrTaken":
      if (m.owner === undefined) return "personnummer already belongs to another participant";
      return m.owner === null ? "personnummer already belongs to another participant, registered in the app (no external_id)" : `personnummer already belongs to another participant (external_id ${shownValue(m.owner) ?? "–"})`;
    case "duplicateId": return `the same external_id is on row ${m.row}`;
    case "endBeforeStart": return `end date is before start date (${m.start})`;
    case "beforeBirth": return "date is before the birth date";
    case "notCoordinator": return `no active etableringskoordinator has that email${given("en", m.value)}`;
    case "unknownParticipant": return `participant is neither in participants.csv nor in the database${given("en", m.value)}`;
    case "orgNrFormat": return "organisationsnummer must be NNNNNN-NNNN";
    case "orgNrChecksum": return "organisationsnummer check digit is wrong";
    case "orgNrType": return "an employer is only given for praktik, extratjanst, introduktionsjobb and anstallning";
    case "hours": return `hours per week must be a number from 0 to 60${given("en", m.value)}`;
    case "noProgrammeEnd": return "participant has no programme_end";
    case "outcomeTooEarly": return `outcome can be recorded on ${m.earliest} at the earliest (programme_end + 90 days)`;
    case "duplicateOutcome": return `participant already has an outcome on row ${m.row}`;
    case "noFiles": return "found none of participants.csv, activities.csv, outcomes.csv";
    case "missingSheet": return "the workbook has none of the sheets participants, activities, outcomes";
    case "notUtf8": return "the file is not saved as UTF-8 (this row has characters that cannot be read, e.g. å, ä or ö from an older Excel); save it in Excel as \"CSV UTF-8 (Comma delimited)\" and try again";
    case "futureDate": return `the date ${m.date} is in the future; the app's forms do not accept it`;
    case "dueForGallring": return `the case is closed and its last activity (${m.lastActivity}) is more than ${m.years} years ago: the participant is anonymised at the next gallring run`;
  }
};

export function renderImportMessage(m: ImportMessage, lang: ImportLang): string {
  return lang === "sv" ? sv(m) : en(m);
}
