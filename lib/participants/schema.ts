// The participant forms' schemas (register/edit, kartläggning, handover, list search), shared by
// the client forms (react-hook-form resolver) and the server actions, which validate again.
// Form values stay strings and booleans so what the browser holds is what the server checks;
// lib/participants/commands.ts turns them into database values.
import { z } from "zod";
import { errorText } from "@/lib/i18n/errors";
import { EDUCATION_LEVELS, GENDERS, SETTLEMENTS, TRACKS } from "@/db/schema/enums";
import { isValidIsoDate, todayIso } from "@/lib/dates";
import { parsePersonnummer } from "@/lib/validation/personnummer";

const date = z.string().trim().refine(isValidIsoDate, { message: "Ange ett datum (ÅÅÅÅ-MM-DD)." });
const optionalDate = z
  .string()
  .trim()
  .refine((v) => v === "" || isValidIsoDate(v), { message: "Ange ett datum (ÅÅÅÅ-MM-DD) eller lämna tomt." });
const optionalText = (max: number) => z.string().trim().max(max, { message: errorText("maxChars", { max }) });
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) => z.union([z.enum(values, { message }), z.literal("")], { message });

/** The messages of a personnummer that cannot be used (the same checks as the importer's). */
export const PNR_MESSAGES = {
  format: "Personnumret ska ha 12 siffror (ÅÅÅÅMMDDNNNN eller ÅÅÅÅMMDD-NNNN).",
  date: "Personnumret innehåller ett datum som inte finns.",
  checksum: "Personnumrets kontrollsiffra stämmer inte.",
  taken: "Det finns redan en deltagare med det här personnumret i kommunen.",
} as const;

/** programme_end is the actual exit: it has happened, today at the latest. */
export const PROGRAMME_END_FUTURE = "Programslut är den dag personen lämnade programmet och kan inte ligga i framtiden. Ange i dag eller ett tidigare datum, eller lämna tomt.";

export const participantFields = z.object({
  personnummer: z.string().trim().max(20, { message: PNR_MESSAGES.format }),
  firstName: z.string().trim().min(1, { message: "Skriv förnamn." }).max(100, { message: "Högst 100 tecken." }),
  lastName: z.string().trim().min(1, { message: "Skriv efternamn." }).max(100, { message: "Högst 100 tecken." }),
  birthDate: date,
  gender: z.enum(GENDERS, { message: "Välj kön." }),
  educationLevel: optionalEnum(EDUCATION_LEVELS, "Välj en utbildningsnivå ur listan."),
  receptionDate: date,
  settlement: optionalEnum(SETTLEMENTS, "Välj bosättning ur listan."),
  programmeStart: optionalDate,
  programmeEnd: optionalDate,
  coordinatorId: z.union([z.string().uuid(), z.literal("")], { message: "Välj en koordinator ur listan." }),
  /** Comma-separated, e.g. "arabiska, engelska". */
  languages: optionalText(300),
  /** Empty when no interpreter is needed. */
  interpreterLanguage: optionalText(100),
  phone: z
    .string()
    .trim()
    .max(30, { message: "Högst 30 tecken." })
    .refine((v) => v === "" || /^[+0-9 ()-]{5,30}$/.test(v), { message: "Skriv telefonnumret med siffror, t.ex. 070-123 45 67." }),
  email: z
    .string()
    .trim()
    .max(320, { message: "Högst 320 tecken." })
    .refine((v) => v === "" || z.string().email().safeParse(v).success, { message: "Skriv en giltig e-postadress eller lämna tomt." }),
  address: optionalText(300),
  childrenCount: z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d{1,2}$/.test(v) && Number(v) <= 20), { message: "Ange antal barn som ett tal 0–20, eller lämna tomt." }),
  childcareNeed: z.boolean(),
  track: z.enum(TRACKS, { message: "Välj spår." }),
  trackReason: optionalText(1000),
  trackReviewDate: optionalDate,
});
export type ParticipantFormValues = z.input<typeof participantFields>;

type Fields = z.output<typeof participantFields>;
/** Rules across fields: the personnummer and the dates must agree, "annat stöd" needs a reason. */
function crossCheck(v: Fields, ctx: z.RefinementCtx) {
  if (v.personnummer !== "") {
    const parsed = parsePersonnummer(v.personnummer);
    if (!parsed.ok) ctx.addIssue({ code: "custom", path: ["personnummer"], message: PNR_MESSAGES[parsed.error] });
    else if (isValidIsoDate(v.birthDate) && parsed.birthDate !== v.birthDate) {
      ctx.addIssue({ code: "custom", path: ["birthDate"], message: errorText("birthDateMismatch", { date: parsed.birthDate }) });
    }
  }
  // Swedish time: between midnight and 01/02 UTC it is already tomorrow for the users.
  const today = todayIso();
  if (isValidIsoDate(v.birthDate) && v.birthDate > today) ctx.addIssue({ code: "custom", path: ["birthDate"], message: "Födelsedatum kan inte ligga i framtiden." });
  if (isValidIsoDate(v.birthDate) && isValidIsoDate(v.receptionDate) && v.receptionDate < v.birthDate) {
    ctx.addIssue({ code: "custom", path: ["receptionDate"], message: "Mottagandet kan inte vara före födelsedatum." });
  }
  if (isValidIsoDate(v.birthDate) && isValidIsoDate(v.programmeStart) && v.programmeStart < v.birthDate) {
    ctx.addIssue({ code: "custom", path: ["programmeStart"], message: "Programstart kan inte vara före födelsedatum." });
  }
  if (isValidIsoDate(v.programmeStart) && isValidIsoDate(v.programmeEnd) && v.programmeEnd < v.programmeStart) {
    ctx.addIssue({ code: "custom", path: ["programmeEnd"], message: "Programslut kan inte vara före programstart." });
  }
  // programme_end is the day the person actually left, never a planned end (as the exit form's).
  if (isValidIsoDate(v.programmeEnd) && v.programmeEnd > today) {
    ctx.addIssue({ code: "custom", path: ["programmeEnd"], message: PROGRAMME_END_FUTURE });
  }
  if (v.programmeEnd !== "" && v.programmeStart === "") {
    ctx.addIssue({ code: "custom", path: ["programmeStart"], message: "Ange programstart när programslut är ifyllt." });
  }
  if (v.track === "annat_stod") {
    if (v.trackReason.length < 3) ctx.addIssue({ code: "custom", path: ["trackReason"], message: "Skriv varför annat stöd behövs först." });
    // A review date that has passed stays editable (the worklist flags it); it only has to exist.
    if (v.trackReviewDate === "") ctx.addIssue({ code: "custom", path: ["trackReviewDate"], message: "Ange när spåret ska omprövas." });
    else if (isValidIsoDate(v.trackReviewDate) && isValidIsoDate(v.receptionDate) && v.trackReviewDate < v.receptionDate) {
      ctx.addIssue({ code: "custom", path: ["trackReviewDate"], message: "Omprövningen kan inte vara före mottagandet." });
    }
  }
}

export const createParticipantSchema = participantFields.superRefine(crossCheck);

export const updateParticipantSchema = participantFields
  .extend({
    id: z.string().uuid(),
    /** The participant's version as opened: saving over a newer one is a conflict. */
    version: z.coerce.number().int().min(1),
  })
  .superRefine(crossCheck);
export type UpdateParticipantValues = z.input<typeof updateParticipantSchema>;

/** Empty form values of a new participant. */
export function emptyParticipantForm(coordinatorId: string): ParticipantFormValues {
  return {
    personnummer: "",
    firstName: "",
    lastName: "",
    birthDate: "",
    gender: "" as ParticipantFormValues["gender"],
    educationLevel: "",
    receptionDate: todayIso(),
    settlement: "",
    programmeStart: "",
    programmeEnd: "",
    coordinatorId,
    languages: "",
    interpreterLanguage: "",
    phone: "",
    email: "",
    address: "",
    childrenCount: "",
    childcareNeed: false,
    track: "arbetsmarknad",
    trackReason: "",
    trackReviewDate: "",
  };
}

/** "arabiska, Engelska ,," → ["arabiska", "Engelska"]. */
export function splitList(v: string): string[] {
  return [...new Set(v.split(/[,\n;]/).map((s) => s.trim()).filter(Boolean))];
}

// ---------------------------------------------------------------------------------------------
// Kartläggning

export const LANGUAGE_LEVELS = ["modersmal", "flytande", "god", "grundlaggande"] as const;
export const DRIVING_LICENCES = ["nej", "B", "C", "D", "annat"] as const;
const years = z
  .string()
  .trim()
  .refine((v) => v === "" || (/^\d{1,2}$/.test(v) && Number(v) <= 60), { message: "Ange antal år som ett tal 0–60, eller lämna tomt." });

export const skillMappingSchema = z.object({
  participantId: z.string().uuid(),
  /** The kartläggning version the form was opened on (0 when there was none). */
  baseVersion: z.coerce.number().int().min(0),
  educationYears: years,
  educationLevel: optionalEnum(EDUCATION_LEVELS, "Välj en utbildningsnivå ur listan."),
  educationCountry: optionalText(100),
  educationField: optionalText(200),
  work: z
    .array(
      z.object({
        occupation: z.string().trim().min(1, { message: "Skriv yrket, eller ta bort raden." }).max(200, { message: "Högst 200 tecken." }),
        years,
      }),
    )
    .max(20, { message: "Högst 20 rader." }),
  drivingLicence: z.enum(DRIVING_LICENCES, { message: "Välj körkort." }),
  languageSkills: z
    .array(
      z.object({
        language: z.string().trim().min(1, { message: "Skriv språket, eller ta bort raden." }).max(100, { message: "Högst 100 tecken." }),
        level: z.enum(LANGUAGE_LEVELS, { message: "Välj nivå." }),
      }),
    )
    .max(20, { message: "Högst 20 rader." }),
  /** Comma-separated. */
  goalOccupations: optionalText(500),
  /** Only the flag: medical detail never belongs here. */
  healthNeeds: z.boolean(),
});
export type SkillMappingFormValues = z.input<typeof skillMappingSchema>;

/** What is stored in skill_mappings.data. */
export interface SkillMappingData {
  education: { years: number | null; level: (typeof EDUCATION_LEVELS)[number] | null; country: string | null; field: string | null };
  work: { occupation: string; years: number | null }[];
  drivingLicence: (typeof DRIVING_LICENCES)[number];
  languageSkills: { language: string; level: (typeof LANGUAGE_LEVELS)[number] }[];
  goalOccupations: string[];
  healthNeeds: boolean;
}

/** What a stale kartläggning form gets back: the version saved meanwhile, by whom and when, for the side-by-side view. */
export interface MappingConflict {
  version: number;
  data: SkillMappingData | null;
  savedByName: string | null;
  savedAt: string | null;
}

export function skillMappingDataOf(v: z.output<typeof skillMappingSchema>): SkillMappingData {
  const num = (s: string) => (s === "" ? null : Number(s));
  return {
    education: { years: num(v.educationYears), level: v.educationLevel || null, country: v.educationCountry || null, field: v.educationField || null },
    work: v.work.map((w) => ({ occupation: w.occupation, years: num(w.years) })),
    drivingLicence: v.drivingLicence,
    languageSkills: v.languageSkills,
    goalOccupations: splitList(v.goalOccupations),
    healthNeeds: v.healthNeeds,
  };
}

export function skillMappingFormOf(participantId: string, baseVersion: number, d: SkillMappingData | null): SkillMappingFormValues {
  return {
    participantId,
    baseVersion,
    educationYears: d?.education.years != null ? String(d.education.years) : "",
    educationLevel: d?.education.level ?? "",
    educationCountry: d?.education.country ?? "",
    educationField: d?.education.field ?? "",
    work: d?.work.map((w) => ({ occupation: w.occupation, years: w.years != null ? String(w.years) : "" })) ?? [],
    drivingLicence: d?.drivingLicence ?? "nej",
    languageSkills: d?.languageSkills ?? [],
    goalOccupations: d?.goalOccupations.join(", ") ?? "",
    healthNeeds: d?.healthNeeds ?? false,
  };
}

/** The parts of a kartläggning that differ between two versions (for the history). */
export const SKILL_MAPPING_PARTS = ["education", "work", "drivingLicence", "languageSkills", "goalOccupations", "healthNeeds"] as const;
export type SkillMappingPart = (typeof SKILL_MAPPING_PARTS)[number];
export function changedParts(prev: SkillMappingData | null, next: SkillMappingData): SkillMappingPart[] {
  if (!prev) return [...SKILL_MAPPING_PARTS];
  return SKILL_MAPPING_PARTS.filter((k) => stable(prev[k]) !== stable(next[k]));
}

/** JSON with keys sorted: jsonb does not keep the order they were written in. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(",")}]`;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${stable(o[k])}`).join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

// ---------------------------------------------------------------------------------------------
// Handover and list search

export const handoverSchema = z.object({
  participantIds: z.array(z.string().uuid()).min(1, { message: "Välj minst en deltagare i listan." }).max(200, { message: "Högst 200 åt gången." }),
  coordinatorId: z.string().uuid({ message: "Välj vem som tar över." }),
});

/**
 * Taking people from "Ej tilldelade": each with the version the list showed (someone who took or
 * changed them since is a conflict), and the coordinator of the user's unit who gets them (the
 * user themselves for "Jag tar ärendet").
 */
export const intakeAssignSchema = z.object({
  items: z
    .array(z.object({ participantId: z.string().uuid(), version: z.coerce.number<string | number>().int().min(1) }))
    .min(1, { message: "Välj minst en deltagare i listan." })
    .max(200, { message: "Högst 200 åt gången." }),
  coordinatorId: z.string().uuid({ message: "Välj vem som tar ärendet." }),
});
export type IntakeAssignInput = z.input<typeof intakeAssignSchema>;

export const personnummerSearchSchema = z.object({
  personnummer: z
    .string()
    .trim()
    .refine((v) => parsePersonnummer(v).ok, { message: "Skriv ett giltigt personnummer (ÅÅÅÅMMDD-NNNN)." }),
});

export const PARTICIPANT_STATUSES = ["ny", "i_program", "efter_program", "avslutad"] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

/** Closing a case (ärendet avslutat) on a date, or reopening it (closedDate empty). */
export const caseStateSchema = z.object({
  participantId: z.string().uuid(),
  version: z.coerce.number<string | number>().int().min(1),
  closedDate: z.union([z.literal(""), z.string().refine(isValidIsoDate, { message: "Ange ett datum (ÅÅÅÅ-MM-DD)." })]),
});
export type CaseStateInput = z.input<typeof caseStateSchema>;
