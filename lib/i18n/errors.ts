// Validation and refusal messages in the user's language. The forms' zod schemas and the domain's
// refusals (FieldError) are written in Swedish, once, and shared by the client and the server; a
// message reaches the user through translateError: the server's action wrapper translates an
// action's answer (lib/auth/action.ts), the client's zodResolver what the form finds itself
// (./zod-resolver.ts). A message with values (a date, a number, a name) is made from a template
// here (`errorText`), so its English is found again, with the same values, from the Swedish text.
// A message without English (or a code that a form's own labels translate, like the consent
// form's "future") is shown as it is. Client-safe: no catalogues, which would weigh down every form.
import type { Locale } from "./messages";

/** A message with values: `{name}` marks each; the same name may occur twice. */
export interface ErrorTemplate {
  sv: string;
  en: string;
  /** A value written differently in English (hours with a decimal point, "A och B"). */
  enValue?: Readonly<Record<string, (value: string) => string>>;
}

/** Messages and templates to translate with. */
export interface ErrorCatalogue {
  /** Swedish message → English. */
  texts: Readonly<Record<string, string>>;
  templates: readonly ErrorTemplate[];
}

/** Each Swedish message without values, and its English. */
export const ERROR_TEXTS: Readonly<Record<string, string>> = {
  // The action wrapper's (lib/auth/action.ts) and the actions' own.
  "Du är inte inloggad.": "You are not signed in.",
  "Hittades inte.": "Not found.",
  "Kontrollera de markerade fälten.": "Check the marked fields.",
  "Någon annan har ändrat uppgifterna sedan du öppnade dem. Jämför och spara igen.": "Someone else has changed the details since you opened them. Compare and save again.",
  "Något gick fel. Försök igen om en stund.": "Something went wrong. Please try again in a moment.",

  // Shared by several forms.
  "Ange ett datum (ÅÅÅÅ-MM-DD).": "Enter a date (YYYY-MM-DD).",
  "Ange ett datum (ÅÅÅÅ-MM-DD) eller lämna tomt.": "Enter a date (YYYY-MM-DD) or leave the field empty.",
  "Slutdatum kan inte vara före startdatum.": "The end date cannot be before the start date.",
  "Ange ett heltal.": "Enter a whole number.",
  "Välj orsak.": "Choose a reason.",
  "Skriv yrket.": "Enter the occupation.",
  "Datumet är före personens födelsedatum.": "The date is before the person's date of birth.",
  "Skriv ett telefonnummer med siffror.": "Enter a phone number in digits.",
  "Skriv en giltig e-postadress.": "Enter a valid email address.",

  // Actors.
  "Skriv aktörens namn.": "Enter the actor's name.",
  "Välj vilken sorts aktör det är.": "Choose what kind of actor it is.",
  "Välj bland insatserna i listan.": "Choose among the activities in the list.",
  "Skriv en webbadress, till exempel www.exempel.se.": "Enter a web address, for example www.example.se.",
  "En arkiverad aktör har redan det namnet. Återställ den i stället.": "An archived actor already has that name. Restore it instead.",
  "En aktör med det namnet finns redan.": "There is already an actor with that name.",

  // Employers and openings.
  "Skriv organisationsnumret som NNNNNN-NNNN.": "Enter the organisation number as NNNNNN-NNNN.",
  "Organisationsnumret stämmer inte (kontrollsiffran är fel).": "The organisation number is not right (the check digit is wrong).",
  "Skriv arbetsgivarens namn.": "Enter the employer's name.",
  "Ange antal platser (1–99).": "Enter the number of places (1–99).",
  "Välj typ av plats.": "Choose the type of opening.",
  "Arbetsgivaren är redan registrerad.": "The employer is already registered.",
  "Platsen är stängd och kan inte bokas.": "The opening is closed and cannot be booked.",
  "Personen är redan bokad på den här platsen.": "The person is already booked on this opening.",
  "Alla platser är bokade.": "All places are booked.",

  // Follow-ups.
  "Välj typ av uppföljning.": "Choose the type of follow-up.",
  "Ett möte kan bara dokumenteras som genomfört när det har hållits: ange i dag eller ett tidigare datum.":
    "A meeting can only be recorded as held once it has taken place: enter today or an earlier date.",
  "Skriv vilka som deltog.": "Enter who took part.",
  "Ange datum för nästa uppföljning.": "Enter the date of the next follow-up.",
  "Nästa uppföljning ska ligga efter den här.": "The next follow-up must come after this one.",
  "Välj typ av insats.": "Choose the type of activity.",
  "Ange planerat startdatum (ÅÅÅÅ-MM-DD).": "Enter the planned start date (YYYY-MM-DD).",
  "Insatsen kan inte planeras att börja före mötet.": "The activity cannot be planned to start before the meeting.",

  // Exit and outcome.
  "Avslutet kan inte ligga i framtiden. Ange den sista dagen i programmet, i dag eller tidigare.": "The exit cannot be in the future. Enter the last day in the programme, today or earlier.",
  "Välj utfall.": "Choose the outcome.",
  "Välj källa.": "Choose the source.",
  "Registrera först att personen har lämnat etableringsprogrammet.": "First record that the person has left the establishment programme.",

  // Participants, the kartläggning, handover and the case.
  "Personnumret ska ha 12 siffror (ÅÅÅÅMMDDNNNN eller ÅÅÅÅMMDD-NNNN).": "The personal identity number has 12 digits (YYYYMMDDNNNN or YYYYMMDD-NNNN).",
  "Personnumret innehåller ett datum som inte finns.": "The personal identity number contains a date that does not exist.",
  "Personnumrets kontrollsiffra stämmer inte.": "The check digit of the personal identity number is not right.",
  "Det finns redan en deltagare med det här personnumret i kommunen.": "There is already a participant with this personal identity number in the municipality.",
  "Programslut är den dag personen lämnade programmet och kan inte ligga i framtiden. Ange i dag eller ett tidigare datum, eller lämna tomt.":
    "The end of the programme is the day the person left it and cannot be in the future. Enter today or an earlier date, or leave the field empty.",
  "Skriv förnamn.": "Enter the first name.",
  "Skriv efternamn.": "Enter the last name.",
  "Välj kön.": "Choose the gender.",
  "Välj en utbildningsnivå ur listan.": "Choose an education level from the list.",
  "Välj bosättning ur listan.": "Choose a settlement from the list.",
  "Välj en koordinator ur listan.": "Choose a coordinator from the list.",
  "Skriv telefonnumret med siffror, t.ex. 070-123 45 67.": "Enter the phone number in digits, e.g. 070-123 45 67.",
  "Skriv en giltig e-postadress eller lämna tomt.": "Enter a valid email address or leave the field empty.",
  "Ange antal barn som ett tal 0–20, eller lämna tomt.": "Enter the number of children as a number 0–20, or leave the field empty.",
  "Välj spår.": "Choose the track.",
  "Födelsedatum kan inte ligga i framtiden.": "The date of birth cannot be in the future.",
  "Mottagandet kan inte vara före födelsedatum.": "The reception in the municipality cannot be before the date of birth.",
  "Programstart kan inte vara före födelsedatum.": "The start of the programme cannot be before the date of birth.",
  "Programslut kan inte vara före programstart.": "The end of the programme cannot be before its start.",
  "Ange programstart när programslut är ifyllt.": "Enter the start of the programme when its end is filled in.",
  "Skriv varför annat stöd behövs först.": "Enter why other support is needed first.",
  "Ange när spåret ska omprövas.": "Enter when the track is to be reviewed.",
  "Omprövningen kan inte vara före mottagandet.": "The review cannot be before the reception in the municipality.",
  "Ange antal år som ett tal 0–60, eller lämna tomt.": "Enter the number of years as a number 0–60, or leave the field empty.",
  "Skriv yrket, eller ta bort raden.": "Enter the occupation, or remove the row.",
  "Högst 20 rader.": "At most 20 rows.",
  "Välj körkort.": "Choose the driving licence.",
  "Skriv språket, eller ta bort raden.": "Enter the language, or remove the row.",
  "Välj nivå.": "Choose the level.",
  "Välj minst en deltagare i listan.": "Select at least one participant in the list.",
  "Högst 200 åt gången.": "At most 200 at a time.",
  "Välj vem som tar över.": "Choose who takes over.",
  "Välj vem som tar ärendet.": "Choose who takes the case.",
  "Skriv ett giltigt personnummer (ÅÅÅÅMMDD-NNNN).": "Enter a valid personal identity number (YYYYMMDD-NNNN).",
  "Välj en aktiv koordinator i din enhet.": "Choose an active coordinator of your unit.",
  "De valda deltagarna har redan den koordinatorn.": "The selected participants already have that coordinator.",
  "Ärendet kan inte avslutas före mottagandet.": "The case cannot be closed before the reception in the municipality.",
  "Ett ärende avslutas i dag eller bakåt i tiden.": "A case is closed today or on an earlier date.",

  // The plan: activities and the goal.
  "Välj i listan.": "Choose from the list.",
  "Ange omfattning i procent (1–100).": "Enter the extent in percent (1–100).",
  "Studieväg 1, 2 eller 3.": "Study path 1, 2 or 3.",
  "Kurs A, B, C eller D.": "Course A, B, C or D.",
  "Välj status.": "Choose the status.",
  "Ange timmar per vecka, 0–60.": "Enter the hours per week, 0–60.",
  "Planerat slut kan inte vara före planerad start.": "The planned end cannot be before the planned start.",
  "Ange när insatsen faktiskt började.": "Enter when the activity actually started.",
  "Ange när insatsen slutade.": "Enter when the activity ended.",
  "Ange startdatum när insatsen har ett slutdatum.": "Enter the start date when the activity has an end date.",
  "Skriv varför insatsen avbröts.": "Enter why the activity was interrupted.",
  "Nästa översyn ska vara i dag eller ett senare datum.": "The next review must be today or a later date.",
  "Välj arbete eller studier.": "Choose work or studies.",
  "Skriv målyrket eller studieinriktningen.": "Enter the goal occupation or the field of study.",
  "Välj en registrerad arbetsgivare.": "Choose a registered employer.",
  "Välj en ansvarig i listan.": "Choose a responsible person from the list.",

  // Sfi.
  "Närvaro kan inte registreras för ett datum efter i dag.": "Attendance cannot be recorded for a date after today.",
  "Timmar kan inte vara negativa.": "Hours cannot be negative.",
  "Ange hur många timmar personen var närvarande.": "Enter how many hours the person was present.",
  "Välj elev.": "Choose a student.",
  "Välj ett betyg A–F.": "Choose a grade A–F.",
  "Ett resultat kan inte dateras efter i dag.": "A result cannot be dated after today.",
  "Ange en tid som TT:MM, till exempel 08:30.": "Enter a time as HH:MM, for example 08:30.",
  "Ange gruppens namn.": "Enter the group's name.",
  "Ange skola.": "Enter the school.",
  "Välj studieväg 1–3.": "Choose study path 1–3.",
  "Välj kurs A–D.": "Choose course A–D.",
  "Välj minst en veckodag.": "Choose at least one weekday.",
  "Ange antal timmar per lektion.": "Enter the number of hours per lesson.",
  "Minst 0,5 timmar.": "At least 0.5 hours.",
  "Sluttiden måste vara efter starttiden.": "The end time must be after the start time.",
  "Gruppen behöver minst en lärare.": "The group needs at least one teacher.",
  "Ange minst två bokstäver av namnet eller ett födelsedatum.": "Enter at least two letters of the name, or a date of birth.",
  "Välj avbrott eller uppehåll.": "Choose interruption or pause.",
  "Välj orsak till avbrottet.": "Choose the reason for the interruption.",
  "Ange till vilket datum uppehållet gäller.": "Enter the date until which the pause lasts.",
  "Gruppen är avslutad och tar inte emot ändringar.": "The group is closed and takes no changes.",
  "Välj minst en lärare.": "Choose at least one teacher.",
  "Välj lärare bland kommunens sfi-lärare.": "Choose teachers among the municipality's sfi teachers.",
  "Gruppen behöver minst en aktiv lärare.": "The group needs at least one active teacher.",
  "Gruppen är inte avslutad.": "The group is not closed.",
  "Personen är redan inskriven i gruppen.": "The person is already enrolled in the group.",
  "Kursen är den sista på studievägen: ingen ny grupp behövs.": "The course is the last of the study path: no new group is needed.",

  // The worklist.
  "Välj ett datum efter i dag: signalen visas igen dagen efter det.": "Choose a date after today: the signal shows again the day after it.",
  "Skriv kort varför signalen kan vänta.": "Enter briefly why the signal can wait.",
};

/** Hours as the users write them in Swedish ("3,5") and in English ("3.5"). */
const decimalPoint = (v: string) => v.replace(",", ".");

/** The messages with values, by name; `errorText(name, values)` writes one. */
export const ERROR_TEMPLATES = {
  maxChars: { sv: "Högst {max} tecken.", en: "At most {max} characters." },
  maxHours: { sv: "Högst {hours} timmar.", en: "At most {hours} hours.", enValue: { hours: decimalPoint } },
  birthDateMismatch: { sv: "Födelsedatum stämmer inte med personnumret ({date}).", en: "The date of birth does not match the personal identity number ({date})." },
  orgNrTaken: { sv: "Organisationsnumret hör redan till {name}.", en: "The organisation number already belongs to {name}." },
  placesBooked: { sv: "{n} personer är redan bokade, så platserna kan inte vara färre.", en: "{n} people are already booked, so there cannot be fewer places." },
  exitBeforeStart: { sv: "Avslutet kan inte vara före programstarten ({date}).", en: "The exit cannot be before the start of the programme ({date})." },
  exitBeforeReception: { sv: "Avslutet kan inte vara före mottagandet ({date}).", en: "The exit cannot be before the reception in the municipality ({date})." },
  outcomeTooEarlyDag90: {
    sv: "Utfallet kan fastställas tidigast {date} (90 dagar efter avslutet).",
    en: "The outcome can be established on {date} at the earliest (90 days after the exit).",
  },
  outcomeTooEarlyManad12: {
    sv: "Utfallet kan fastställas tidigast {date} (12 månader efter avslutet).",
    en: "The outcome can be established on {date} at the earliest (12 months after the exit).",
  },
  outcomeBeforeNewExitDag90: {
    sv: "Utfallet efter 90 dagar är fastställt {recorded}, före {earliest}, som det nya datumet skulle ge. Rätta utfallet först, eller välj ett tidigare datum.",
    en: "The outcome after 90 days was established on {recorded}, before {earliest}, which the new date would give. Correct the outcome first, or choose an earlier date.",
  },
  outcomeBeforeNewExitManad12: {
    sv: "Utfallet efter 12 månader är fastställt {recorded}, före {earliest}, som det nya datumet skulle ge. Rätta utfallet först, eller välj ett tidigare datum.",
    en: "The outcome after 12 months was established on {recorded}, before {earliest}, which the new date would give. Correct the outcome first, or choose an earlier date.",
  },
  studyPathCourses: { sv: "Studieväg {path} har kurserna {courses}.", en: "Study path {path} has the courses {courses}.", enValue: { courses: (v: string) => v.replaceAll(" och ", " and ") } },
  groupAlreadyClosed: { sv: "Gruppen är redan avslutad ({date}).", en: "The group is already closed ({date})." },
  enrolledElsewhere: {
    sv: "Personen är inskriven i gruppen {group}. Den inskrivningen behöver avslutas först (kurs klar eller avbrott).",
    en: "The person is enrolled in the group {group}. That enrolment needs to end first (course completed or interruption).",
  },
  courseAlreadyEnded: { sv: "Kursen är redan avslutad den {end}, och eleven har en plats från {start}.", en: "The course was already completed on {end}, and the student has a place from {start}." },
  passingGradeFirst: { sv: "Registrera först ett godkänt kursbetyg (A–E) i kurs {course}.", en: "First record a passing course grade (A–E) in course {course}." },
  passingGradeLater: {
    sv: "Det godkända kursbetyget i kurs {course} är daterat {date}, efter {completed}. Kursen kan bli klar tidigast {date}.",
    en: "The passing course grade in course {course} is dated {date}, after {completed}. The course can be completed on {date} at the earliest.",
  },
  nextGroupCourse: { sv: "Välj en grupp i kurs {course}, studieväg {path}.", en: "Choose a group of course {course}, study path {path}." },
  notEnrolledBetween: { sv: "Eleven var inte inskriven i gruppen den {date} (inskriven {from}–{to}).", en: "The student was not enrolled in the group on {date} (enrolled {from}–{to})." },
  notEnrolledFrom: { sv: "Eleven var inte inskriven i gruppen den {date} (inskriven från {from}).", en: "The student was not enrolled in the group on {date} (enrolled from {from})." },
  resultExistsKursbetyg: { sv: "Resultatet finns redan: kursbetyg {grade} i kurs {course} den {date}.", en: "The result is already recorded: course grade {grade} in course {course} on {date}." },
  resultExistsNationelltProv: { sv: "Resultatet finns redan: nationellt prov {grade} i kurs {course} den {date}.", en: "The result is already recorded: national test {grade} in course {course} on {date}." },
} as const satisfies Record<string, ErrorTemplate>;

export type ErrorTemplateKey = keyof typeof ERROR_TEMPLATES;

/** The `{names}` of a template. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;
export type ErrorValues<K extends ErrorTemplateKey> = Record<Placeholders<(typeof ERROR_TEMPLATES)[K]["sv"]>, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;

function fill(template: string, values: Readonly<Record<string, string | number | undefined>>, enValue?: ErrorTemplate["enValue"]): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const v = values[name];
    if (v === undefined) return whole;
    const f = enValue?.[name];
    return f ? f(String(v)) : String(v);
  });
}

/** A message with values, in Swedish (as every message is made); translateError finds its English. */
export function errorText<K extends ErrorTemplateKey>(key: K, values: ErrorValues<K>): string {
  return fill(ERROR_TEMPLATES[key].sv, values as Record<string, string | number>);
}

/** The core catalogue: every message above. */
export const ERROR_CATALOGUE: ErrorCatalogue = { texts: ERROR_TEXTS, templates: Object.values(ERROR_TEMPLATES) };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A template's Swedish as a pattern that gives back its values; a name used twice must match the same text. */
function patternOf(sv: string): RegExp {
  const seen = new Set<string>();
  let source = "";
  let last = 0;
  for (const m of sv.matchAll(PLACEHOLDER)) {
    source += escapeRegExp(sv.slice(last, m.index));
    const name = m[1];
    source += seen.has(name) ? `\\k<${name}>` : `(?<${name}>[\\s\\S]+?)`;
    seen.add(name);
    last = m.index + m[0].length;
  }
  return new RegExp(`^${source}${escapeRegExp(sv.slice(last))}$`);
}

const compiled = new WeakMap<ErrorTemplate, RegExp>();
const patternFor = (t: ErrorTemplate) => {
  let re = compiled.get(t);
  if (!re) compiled.set(t, (re = patternOf(t.sv)));
  return re;
};

/**
 * A message in the user's language: Swedish as it is; English from the tables, or from a template
 * with the values the Swedish holds. A message with no English, or anything that is not a string,
 * comes back unchanged: the user then reads the Swedish, and nothing breaks.
 */
export function translateError(message: string, locale: Locale, more: readonly ErrorCatalogue[] = []): string {
  if (locale === "sv" || typeof message !== "string" || message === "") return message;
  try {
    const catalogues = [ERROR_CATALOGUE, ...more];
    for (const c of catalogues) if (Object.hasOwn(c.texts, message)) return c.texts[message];
    for (const c of catalogues) {
      for (const t of c.templates) {
        const m = patternFor(t).exec(message);
        if (m) return fill(t.en, m.groups ?? {}, t.enValue);
      }
    }
  } catch (err) {
    console.error("[i18n] could not translate a message:", err instanceof Error ? err.message : err);
  }
  return message;
}
