// Import error messages in Swedish and English. The CLI uses English unless --lang sv (or a
// Swedish LANG); the admin page follows the user's language.
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
  | { key: "badDate" }
  | { key: "badCode"; allowed: readonly string[] }
  | { key: "pnrFormat" }
  | { key: "pnrDate" }
  | { key: "pnrChecksum" }
  | { key: "pnrBirthDate"; birthDate: string }
  | { key: "pnrDuplicateFile"; row: number }
  | { key: "pnrTaken" }
  | { key: "duplicateId"; row: number }
  | { key: "endBeforeStart"; start: string }
  | { key: "beforeBirth" }
  | { key: "notCoordinator" }
  | { key: "unknownParticipant" }
  | { key: "orgNrFormat" }
  | { key: "orgNrChecksum" }
  | { key: "orgNrType" }
  | { key: "hours" }
  | { key: "noProgrammeEnd" }
  | { key: "outcomeTooEarly"; earliest: string }
  | { key: "duplicateOutcome"; row: number }
  | { key: "noFiles" }
  | { key: "missingSheet" };

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
    case "badDate": return "ogiltigt datum, använd ÅÅÅÅ-MM-DD";
    case "badCode": return `ogiltigt värde, tillåtna: ${m.allowed.join(", ")}`;
    case "pnrFormat": return "personnumret ska ha 12 siffror (ÅÅÅÅMMDDNNNN eller ÅÅÅÅMMDD-NNNN)";
    case "pnrDate": return "personnumret innehåller ett datum som inte finns";
    case "pnrChecksum": return "personnumrets kontrollsiffra stämmer inte";
    case "pnrBirthDate": return `födelsedatum stämmer inte med personnumret (${m.birthDate})`;
    case "pnrDuplicateFile": return `samma personnummer finns på rad ${m.row}`;
    case "pnrTaken": return "personnumret tillhör redan en annan deltagare";
    case "duplicateId": return `samma external_id finns på rad ${m.row}`;
    case "endBeforeStart": return `slutdatum är före startdatum (${m.start})`;
    case "beforeBirth": return "datumet är före födelsedatum";
    case "notCoordinator": return "ingen aktiv etableringskoordinator med den e-postadressen";
    case "unknownParticipant": return "deltagaren finns varken i participants-filen eller i databasen";
    case "orgNrFormat": return "organisationsnumret ska skrivas NNNNNN-NNNN";
    case "orgNrChecksum": return "organisationsnumrets kontrollsiffra stämmer inte";
    case "orgNrType": return "arbetsgivare anges bara för praktik, extratjanst, introduktionsjobb och anstallning";
    case "hours": return "timmar per vecka ska vara ett tal mellan 0 och 60";
    case "noProgrammeEnd": return "deltagaren har inget avslutsdatum för etableringsprogrammet (programme_end)";
    case "outcomeTooEarly": return `utfallet kan registreras tidigast ${m.earliest} (programme_end + 90 dagar)`;
    case "duplicateOutcome": return `deltagaren har redan ett utfall på rad ${m.row}`;
    case "noFiles": return "hittade ingen av participants.csv, activities.csv eller outcomes.csv";
    case "missingSheet": return "arbetsboken har inget av bladen participants, activities eller outcomes";
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
    case "badDate": return "invalid date, use YYYY-MM-DD";
    case "badCode": return `invalid value, allowed: ${m.allowed.join(", ")}`;
    case "pnrFormat": return "personnummer must have 12 digits (YYYYMMDDNNNN or YYYYMMDD-NNNN)";
    case "pnrDate": return "personnummer holds a date that does not exist";
    case "pnrChecksum": return "personnummer check digit is wrong";
    case "pnrBirthDate": return `birth date does not agree with personnummer (${m.birthDate})`;
    case "pnrDuplicateFile": return `the same personnummer is on row ${m.row}`;
    case "pnrTaken": return "personnummer already belongs to another participant";
    case "duplicateId": return `the same external_id is on row ${m.row}`;
    case "endBeforeStart": return `end date is before start date (${m.start})`;
    case "beforeBirth": return "date is before the birth date";
    case "notCoordinator": return "no active etableringskoordinator has that email";
    case "unknownParticipant": return "participant is neither in participants.csv nor in the database";
    case "orgNrFormat": return "organisationsnummer must be NNNNNN-NNNN";
    case "orgNrChecksum": return "organisationsnummer check digit is wrong";
    case "orgNrType": return "an employer is only given for praktik, extratjanst, introduktionsjobb and anstallning";
    case "hours": return "hours per week must be a number from 0 to 60";
    case "noProgrammeEnd": return "participant has no programme_end";
    case "outcomeTooEarly": return `outcome can be recorded on ${m.earliest} at the earliest (programme_end + 90 days)`;
    case "duplicateOutcome": return `participant already has an outcome on row ${m.row}`;
    case "noFiles": return "found none of participants.csv, activities.csv, outcomes.csv";
    case "missingSheet": return "the workbook has none of the sheets participants, activities, outcomes";
  }
};

export function renderImportMessage(m: ImportMessage, lang: ImportLang): string {
  return lang === "sv" ? sv(m) : en(m);
}
