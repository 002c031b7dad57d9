// The register extract's fields in words. The extract is written for the person it is about (GDPR
// art. 15 asks for clear and plain language), so each stored field is named as a reader would
// name it, not as the database does. The JSON download keeps the stored names. A test
// (extract-labels.test.ts) fails on a column of the extract's tables without words in both
// languages.
import { formatInstant } from "@/lib/dates";
import { followupMessages } from "@/lib/i18n/areas/followup";
import { outcomeMessages } from "@/lib/i18n/areas/outcome";
import { participantMessages } from "@/lib/i18n/areas/participant";
import { planMessages } from "@/lib/i18n/areas/plan";
import { privacyMessages } from "@/lib/i18n/areas/privacy";
import { resultsMessages } from "@/lib/i18n/areas/results";
import { sfiMessages } from "@/lib/i18n/areas/sfi";

const sv = {
  // Who and where
  id: "Id i systemet",
  municipalityId: "Kommun",
  unitId: "Enhet",
  externalId: "Id i systemet som uppgifterna hämtades från (externt id)",
  personnummer: "Personnummer",
  firstName: "Förnamn",
  lastName: "Efternamn",
  searchName: "Namnet i den form systemet söker på (små bokstäver, utan accenter)",
  birthDate: "Födelsedatum",
  gender: "Kön",
  educationLevel: "Utbildningsnivå",
  languages: "Språk",
  interpreterLanguage: "Tolkspråk",
  phone: "Telefon",
  email: "E-post",
  address: "Adress",
  childrenCount: "Antal barn",
  childcareNeed: "Behov av barnomsorg",
  // The establishment
  receptionDate: "Mottagen i kommunen",
  settlement: "Bosättning",
  programmeStart: "Etableringsprogrammet började",
  programmeEnd: "Etableringsprogrammet slutade",
  exitReason: "Anledning till att programmet slutade",
  migrationsverketEnd: "Migrationsverkets ansvar slutade",
  firstPaymentDate: "Första utbetalning",
  coordinatorId: "Koordinator",
  track: "Spår",
  trackReason: "Anledning till spåret",
  trackReviewDate: "Spåret ses över",
  closedAt: "Ärendet avslutades",
  deletedAt: "Borttagen",
  erasedAt: "Gallrad",
  // Plans and activities
  participantId: "Deltagare (id)",
  planId: "Plan (id)",
  activityId: "Insats",
  goalType: "Mål",
  goalOccupation: "Yrke som är målet",
  goalNote: "Om målet",
  reviewDate: "Planen ses över",
  kind: "Slag",
  seq: "Ordning",
  summary: "Sammanfattning",
  snapshot: "Innehåll",
  data: "Innehåll",
  type: "Typ",
  status: "Status",
  startDate: "Startdatum",
  endDate: "Slutdatum",
  plannedStartDate: "Planerat startdatum",
  plannedEndDate: "Planerat slutdatum",
  provider: "Anordnare",
  employerId: "Arbetsgivare",
  hoursPerWeek: "Timmar per vecka",
  interruptReason: "Anledning till avbrott",
  resultNote: "Resultat",
  details: "Övriga uppgifter",
  importKey: "Nyckel från import (teknisk)",
  // Follow-ups and outcomes
  dueDate: "Planerat datum",
  heldDate: "Hölls",
  attendees: "Deltog",
  notes: "Anteckningar",
  nextSteps: "Nästa steg",
  responsibleUserId: "Ansvarig",
  outcomeId: "Utfall",
  subsidized: "Subventionerad anställning",
  recordedDate: "Gäller från",
  source: "Källa",
  // Sfi
  groupId: "Sfi-grupp",
  lessonDate: "Lektionsdag",
  scheduledHours: "Schemalagda timmar",
  attendedHours: "Närvarande timmar",
  studyPath: "Studieväg",
  course: "Kurs",
  grade: "Betyg",
  resultDate: "Datum för resultatet",
  reason: "Anledning",
  fromDate: "Från och med",
  toDate: "Till och med",
  ending: "Hur platsen avslutades (kurs klar eller avbrott, för att kunna ångras)",
  // Consents
  actor: "Mottagare",
  actorName: "Mottagarens namn",
  scope: "Omfattning",
  method: "Hur samtycket gavs",
  givenOn: "Gavs",
  validUntil: "Gäller till",
  withdrawnOn: "Återkallades",
  withdrawnBy: "Återkallat av",
  // Who and when, on every record
  version: "Version (antal ändringar, teknisk)",
  createdAt: "Skapad",
  createdBy: "Skapad av",
  updatedAt: "Senast ändrad",
  updatedBy: "Ändrad av",
  changedAt: "Ändrad",
  changedBy: "Ändrad av",
  recordedBy: "Registrerad av",
  // The log's entries, one row per user and action
  userId: "Användare (id)",
  userName: "Användare",
  action: "Händelse (kod)",
  description: "Händelse",
  count: "Antal gånger",
  first: "Första gången",
  last: "Senaste gången",
};
export type ExtractFieldLabels = typeof sv;

const en: ExtractFieldLabels = {
  id: "Id in the system",
  municipalityId: "Municipality",
  unitId: "Unit",
  externalId: "Id in the system the data was imported from (external id)",
  personnummer: "Personal identity number",
  firstName: "First name",
  lastName: "Last name",
  searchName: "The name in the form the system searches by (lower case, without accents)",
  birthDate: "Date of birth",
  gender: "Gender",
  educationLevel: "Level of education",
  languages: "Languages",
  interpreterLanguage: "Interpreter language",
  phone: "Phone",
  email: "Email",
  address: "Address",
  childrenCount: "Number of children",
  childcareNeed: "Need of childcare",
  receptionDate: "Received in the municipality",
  settlement: "Settlement",
  programmeStart: "Introduction programme began",
  programmeEnd: "Introduction programme ended",
  exitReason: "Reason the programme ended",
  migrationsverketEnd: "Migrationsverket's responsibility ended",
  firstPaymentDate: "First payment",
  coordinatorId: "Coordinator",
  track: "Track",
  trackReason: "Reason for the track",
  trackReviewDate: "Track to be reviewed",
  closedAt: "Case closed",
  deletedAt: "Removed",
  erasedAt: "Erased",
  participantId: "Participant (id)",
  planId: "Plan (id)",
  activityId: "Activity",
  goalType: "Goal",
  goalOccupation: "Occupation aimed for",
  goalNote: "About the goal",
  reviewDate: "Plan to be reviewed",
  kind: "Kind",
  seq: "Order",
  summary: "Summary",
  snapshot: "Content",
  data: "Content",
  type: "Type",
  status: "Status",
  startDate: "Start date",
  endDate: "End date",
  plannedStartDate: "Planned start date",
  plannedEndDate: "Planned end date",
  provider: "Provider",
  employerId: "Employer",
  hoursPerWeek: "Hours per week",
  interruptReason: "Reason for interruption",
  resultNote: "Result",
  details: "Other details",
  importKey: "Key from an import (technical)",
  dueDate: "Planned date",
  heldDate: "Held",
  attendees: "Attended",
  notes: "Notes",
  nextSteps: "Next steps",
  responsibleUserId: "Responsible",
  outcomeId: "Outcome",
  subsidized: "Subsidised employment",
  recordedDate: "Valid from",
  source: "Source",
  groupId: "Sfi group",
  lessonDate: "Lesson day",
  scheduledHours: "Scheduled hours",
  attendedHours: "Hours attended",
  studyPath: "Study path",
  course: "Course",
  grade: "Grade",
  resultDate: "Date of the result",
  reason: "Reason",
  fromDate: "From",
  toDate: "To",
  ending: "How the place ended (course completed or interruption, so that it can be undone)",
  actor: "Recipient",
  actorName: "Recipient's name",
  scope: "Scope",
  method: "How the consent was given",
  givenOn: "Given",
  validUntil: "Valid until",
  withdrawnOn: "Withdrawn",
  withdrawnBy: "Withdrawn by",
  version: "Version (number of changes, technical)",
  createdAt: "Created",
  createdBy: "Created by",
  updatedAt: "Last changed",
  updatedBy: "Changed by",
  changedAt: "Changed",
  changedBy: "Changed by",
  recordedBy: "Recorded by",
  userId: "User (id)",
  userName: "User",
  action: "Action (code)",
  description: "Action",
  count: "Times",
  first: "First time",
  last: "Last time",
};

export const extractFieldLabels = { sv, en };

/** A stored field's name in words; a field without words (none, by the test) as it is stored. */
export function extractFieldLabel(key: string, t: ExtractFieldLabels): string {
  return Object.hasOwn(t, key) ? t[key as keyof ExtractFieldLabels] : key;
}

/**
 * Words for what is stored inside a field (an activity's details, a kartläggning, a plan
 * revision's snapshot): the keys there that are no column of their own. Keys that are columns
 * take the column's words; an activity's details take the plan form's.
 */
const contentSv = {
  education: "Utbildning",
  work: "Arbetslivserfarenhet",
  drivingLicence: "Körkort",
  languageSkills: "Språk",
  goalOccupations: "Yrken som är målet",
  healthNeeds: "Behov som rör hälsan",
  years: "År",
  level: "Nivå",
  country: "Land",
  field: "Inriktning",
  language: "Språk",
  openingId: "Plats hos arbetsgivare",
  actualStartDate: "Faktisk start",
  actualEndDate: "Faktiskt slut",
  // How an sfi place ended (sfi_enrolments.ending)
  recordedAt: "Registrerades",
  endDateBefore: "Slutdatum innan",
  activity: "Sfi-insatsen på planen",
  before: "Innan",
  breakId: "Avbrott (id)",
  nextEnrolmentId: "Plats i nästa kurs (id)",
  prior: "Avslut som det ersatte",
};
const contentEn: typeof contentSv = {
  education: "Education",
  work: "Work experience",
  drivingLicence: "Driving licence",
  languageSkills: "Languages",
  goalOccupations: "Occupations aimed for",
  healthNeeds: "Needs concerning health",
  years: "Years",
  level: "Level",
  country: "Country",
  field: "Field",
  language: "Language",
  openingId: "Employer's opening",
  actualStartDate: "Actual start",
  actualEndDate: "Actual end",
  recordedAt: "Recorded",
  endDateBefore: "End date before",
  activity: "The sfi activity on the plan",
  before: "Before",
  breakId: "Interruption (id)",
  nextEnrolmentId: "Place in the next course (id)",
  prior: "Ending it replaced",
};

/** The extract's words: the fields, what is inside them, and stored codes by the field they are in. */
export interface ExtractWords {
  fields: ExtractFieldLabels;
  content: Record<string, string>;
  values: Record<string, Record<string, string>>;
  yes: string;
  no: string;
  /** Keys left out wherever they are, stored fields too (the page's technical ones: extract-view.ts). */
  omit?: ReadonlySet<string>;
}

function wordsFor(locale: "sv" | "en"): ExtractWords {
  const plan = planMessages[locale];
  const person = participantMessages[locale];
  const results = resultsMessages[locale];
  const outcome = outcomeMessages[locale];
  const followup = followupMessages[locale];
  const sfi = sfiMessages[locale];
  const sv = locale === "sv";
  return {
    fields: extractFieldLabels[locale],
    content: { ...plan.fields, ...(sv ? contentSv : contentEn) },
    values: {
      gender: results.genders,
      educationLevel: results.educationLevels,
      // A kartläggning's education level and a language's level: codes of their own, one field name.
      level: { ...results.educationLevels, ...person.levels },
      settlement: results.settlements,
      track: person.tracks,
      exitReason: outcome.reasons,
      goalType: plan.goalTypes,
      type: { ...plan.types, ...followup.types },
      status: {
        ...plan.statuses,
        ...outcome.statuses,
        genomford: sv ? "Genomförd" : "Held",
        installd: sv ? "Inställd" : "Cancelled",
      },
      kind: {
        ...plan.historyKinds,
        dag90: sv ? "Utfall 90 dagar efter programmet" : "Outcome 90 days after the programme",
        manad12: sv ? "Utfall 12 månader efter programmet" : "Outcome 12 months after the programme",
        kursbetyg: sfi.kursbetyg,
        nationellt_prov: sfi.nationellt_prov,
        avbrott: sfi.avbrott,
        uppehall: sfi.uppehall,
        klar: sv ? "Kursen klar" : "Course completed",
      },
      source: outcome.sources,
      reason: sfi.reasons,
      healthStatus: plan.healthStatuses,
      drivingLicence: person.drivingLicences,
      actor: sv
        ? { arbetsformedlingen: "Arbetsförmedlingen", region_halsa: "Regionens hälso- och sjukvård", arbetsgivare: "Arbetsgivare", vuxenutbildning: "Vuxenutbildningen" }
        : { arbetsformedlingen: "Arbetsförmedlingen", region_halsa: "The region's health care", arbetsgivare: "Employer", vuxenutbildning: "Adult education" },
      method: privacyMessages[locale].consent.methods,
    },
    yes: sv ? "Ja" : "Yes",
    no: sv ? "Nej" : "No",
  };
}

export const extractWords = { sv: wordsFor("sv"), en: wordsFor("en") };

/** A key inside a field in words: a column's words first, then the content's; unknown as it is. */
export function extractContentLabel(key: string, w: ExtractWords): string {
  if (Object.hasOwn(w.fields, key)) return w.fields[key as keyof ExtractFieldLabels];
  return Object.hasOwn(w.content, key) ? w.content[key] : key;
}

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || v === "" || (Array.isArray(v) && v.every(isEmpty)) || (typeof v === "object" && !(v instanceof Date) && !Array.isArray(v) && Object.values(v as object).every(isEmpty));

/** One stored value in words: codes named, dates in Swedish time, lists joined, objects inline. */
export function extractValueText(v: unknown, w: ExtractWords, key?: string): string {
  if (isEmpty(v)) return "–";
  if (v instanceof Date) return formatInstant(v);
  if (typeof v === "boolean") return v ? w.yes : w.no;
  if (Array.isArray(v)) return v.filter((x) => !isEmpty(x)).map((x) => extractValueText(x, w, key)).join(v.some((x) => x !== null && typeof x === "object") ? "; " : ", ");
  if (typeof v === "object") return extractLines(v as Record<string, unknown>, w).map(([k, x]) => `${k}: ${x}`).join(", ");
  const named = key && typeof v === "string" && Object.hasOwn(w.values, key) && Object.hasOwn(w.values[key], v) ? w.values[key][v] : undefined;
  return named ?? String(v);
}

/**
 * What is stored inside a field, as "label: value" lines: empty parts left out, a nested object's
 * parts one line each under "outer – inner".
 */
export function extractLines(obj: Record<string, unknown>, w: ExtractWords, prefix = ""): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (isEmpty(v) || w.omit?.has(k)) continue;
    const label = prefix + extractContentLabel(k, w);
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) out.push(...extractLines(v as Record<string, unknown>, w, `${label} – `));
    else out.push([label, extractValueText(v, w, k)]);
  }
  return out;
}

/** A field of the extract as the page shows it: a line of text, or lines for what is inside it. */
export function extractCell(v: unknown, w: ExtractWords, key?: string): string | [string, string][] {
  if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) {
    const lines = extractLines(v as Record<string, unknown>, w);
    return lines.length ? lines : "–";
  }
  return extractValueText(v, w, key);
}

/** "1 händelse", "3 händelser": the count with the word that fits it. */
export function plural(n: number, one: string, many: string): string {
  return (n === 1 ? one : many).replace("{n}", n.toLocaleString("sv-SE"));
}
