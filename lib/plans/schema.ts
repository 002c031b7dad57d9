// The plan forms' schemas (activities of every type and the plan's goal), shared by the client
// forms and the server commands. Client-safe: no database imports.
import { z } from "zod";
import { errorText } from "@/lib/i18n/errors";
import { ACTIVITY_STATUSES, SFI_COURSES } from "@/db/schema/enums";
import { isValidIsoDate } from "@/lib/dates";

const text = (max = 200) => z.string().trim().max(max, { message: errorText("maxChars", { max }) }).optional().default("");
const optDate = z
  .string()
  .optional()
  .default("")
  .refine((v) => v === "" || isValidIsoDate(v), { message: "Ange ett datum (ÅÅÅÅ-MM-DD) eller lämna tomt." });
const reqDate = z.string().refine(isValidIsoDate, { message: "Ange ett datum (ÅÅÅÅ-MM-DD)." });
const optUuid = z.union([z.string().uuid({ message: "Välj i listan." }), z.literal("")]).optional().default("");

/** The employer of a workplace-based activity is picked from the registered employers. */
const employerFields = {
  employerId: optUuid,
  /** Set when booked on an opening (lib/employers/commands.ts); kept through edits so the place stays taken. */
  openingId: optUuid,
};
const employmentFields = {
  ...employerFields,
  extentPercent: z.union([z.literal(""), z.coerce.number({ message: "Ange omfattning i procent (1–100)." }).int({ message: "Ange ett heltal." }).min(1, { message: "Ange omfattning i procent (1–100)." }).max(100, { message: "Ange omfattning i procent (1–100)." })]).optional().default(""),
  subsidy: text(200),
};

/** Health examination: status and dates only, never medical content (there is no free text). */
export const HEALTH_STATUSES = ["erbjuden", "bokad", "genomford", "avbojd", "remitterad"] as const;

const simple = <T extends string>(type: T) => z.object({ type: z.literal(type) });

/** Type-specific details, one variant per activity type (db/schema/enums.ts ACTIVITY_TYPES). */
export const activityDetailsSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("sfi"),
    school: text(200),
    studyPath: z.union([z.literal(""), z.coerce.number().int().min(1, { message: "Studieväg 1, 2 eller 3." }).max(3, { message: "Studieväg 1, 2 eller 3." })]).optional().default(""),
    course: z.union([z.literal(""), z.enum(SFI_COURSES, { message: "Kurs A, B, C eller D." })]).optional().default(""),
  }),
  simple("yrkes_sfi"),
  simple("samhallsorientering"),
  z.object({ type: z.literal("validering"), subject: text(200), route: text(200), result: text(500) }),
  z.object({ type: z.literal("praktik"), ...employerFields, workplace: text(200), supervisor: text(200), occupation: text(200) }),
  z.object({ type: z.literal("extratjanst"), ...employmentFields }),
  z.object({ type: z.literal("introduktionsjobb"), ...employmentFields }),
  z.object({ type: z.literal("anstallning"), ...employmentFields }),
  z.object({ type: z.literal("rekryteringsutbildning"), ...employerFields, occupation: text(200) }),
  simple("arbetsmarknadsutbildning"),
  simple("vuxenutbildning"),
  z.object({
    type: z.literal("halsoundersokning"),
    healthStatus: z.union([z.literal(""), z.enum(HEALTH_STATUSES)]).optional().default(""),
    offeredDate: optDate,
    bookedDate: optDate,
    doneDate: optDate,
    declinedDate: optDate,
    referredDate: optDate,
  }),
  simple("annan"),
]);
export type ActivityDetails = z.infer<typeof activityDetailsSchema>;

const common = {
  status: z.enum(ACTIVITY_STATUSES, { message: "Välj status." }),
  plannedStartDate: reqDate,
  plannedEndDate: optDate,
  actualStartDate: optDate,
  actualEndDate: optDate,
  provider: text(200),
  responsibleUserId: optUuid,
  hoursPerWeek: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((v) => v === "" || (/^\d{1,2}([.,]\d)?$/.test(v) && Number(v.replace(",", ".")) <= 60), { message: "Ange timmar per vecka, 0–60." }),
  interruptReason: text(500),
  resultNote: text(2000),
  details: activityDetailsSchema,
};

type CommonOut = {
  status: (typeof ACTIVITY_STATUSES)[number];
  plannedStartDate: string;
  plannedEndDate: string;
  actualStartDate: string;
  actualEndDate: string;
  interruptReason: string;
};

/** Rules between fields, each reported next to the field it is about. */
function crossChecks(v: CommonOut, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (v.plannedEndDate && isValidIsoDate(v.plannedEndDate) && isValidIsoDate(v.plannedStartDate) && v.plannedEndDate < v.plannedStartDate) issue("plannedEndDate", "Planerat slut kan inte vara före planerad start.");
  if (v.status !== "planerad" && !v.actualStartDate) issue("actualStartDate", "Ange när insatsen faktiskt började.");
  if ((v.status === "avslutad" || v.status === "avbruten") && !v.actualEndDate) issue("actualEndDate", "Ange när insatsen slutade.");
  if (v.actualStartDate && v.actualEndDate && isValidIsoDate(v.actualStartDate) && isValidIsoDate(v.actualEndDate) && v.actualEndDate < v.actualStartDate) issue("actualEndDate", "Slutdatum kan inte vara före startdatum.");
  if (v.actualEndDate && !v.actualStartDate) issue("actualStartDate", "Ange startdatum när insatsen har ett slutdatum.");
  if (v.status === "avbruten" && v.interruptReason.length < 3) issue("interruptReason", "Skriv varför insatsen avbröts.");
}

export const createActivitySchema = z.object({ participantId: z.string().uuid(), ...common }).superRefine(crossChecks);
export const updateActivitySchema = z.object({ activityId: z.string().uuid(), version: z.coerce.number().int().min(1), ...common }).superRefine(crossChecks);
export type CreateActivityInput = z.infer<typeof createActivitySchema>;
export type UpdateActivityInput = z.infer<typeof updateActivitySchema>;

export const GOAL_TYPES = ["arbete", "studier"] as const;

/**
 * A new "Nästa översyn" is today or later (Swedish time). A stored one that has passed stays
 * savable as it is (the plan is then due for review), so the command checks it against the stored value.
 */
export const REVIEW_DATE_PAST = "Nästa översyn ska vara i dag eller ett senare datum.";

/** The plan's goal; version 0 when the plan does not exist yet. */
export const updatePlanGoalSchema = z.object({
  participantId: z.string().uuid(),
  version: z.coerce.number().int().min(0),
  goalType: z.enum(GOAL_TYPES, { message: "Välj arbete eller studier." }),
  goalOccupation: z.string().trim().min(2, { message: "Skriv målyrket eller studieinriktningen." }).max(200, { message: "Högst 200 tecken." }),
  goalNote: text(1000),
  reviewDate: optDate,
});
export type UpdatePlanGoalInput = z.infer<typeof updatePlanGoalSchema>;
