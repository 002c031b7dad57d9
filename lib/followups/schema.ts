// The follow-up forms' schemas, shared by the client forms and the server actions.
import { z } from "zod";
import { ACTIVITY_TYPES, FOLLOWUP_TYPES } from "@/db/schema/enums";
import { isValidIsoDate, todayIso } from "@/lib/dates";

const date = z.string().refine(isValidIsoDate, { message: "Ange ett datum (ÅÅÅÅ-MM-DD)." });

export const scheduleFollowupSchema = z.object({
  participantId: z.string().uuid(),
  type: z.enum(FOLLOWUP_TYPES, { message: "Välj typ av uppföljning." }),
  dueDate: date,
});

export const HELD_IN_FUTURE = "Ett möte kan bara dokumenteras som genomfört när det har hållits: ange i dag eller ett tidigare datum.";

export const recordFollowupSchema = z
  .object({
    followupId: z.string().uuid(),
    version: z.coerce.number().int().min(1),
    // Recorded as held: it has happened (Swedish time). A future meeting is booked, not recorded.
    heldDate: date.refine((v) => !isValidIsoDate(v) || v <= todayIso(), { message: HELD_IN_FUTURE }),
    attendees: z.string().trim().min(2, { message: "Skriv vilka som deltog." }).max(500),
    notes: z.string().trim().max(4000).optional().default(""),
    nextSteps: z.string().trim().max(2000).optional().default(""),
    scheduleNext: z.boolean().default(true),
    nextDueDate: z.string().optional().default(""),
    /** Agreed next steps can add one planned activity to the plan in the same step. */
    addActivity: z.boolean().default(false),
    activityType: z.union([z.enum(ACTIVITY_TYPES), z.literal("")]).optional().default(""),
    activityStart: z.string().optional().default(""),
    activityEnd: z.string().optional().default(""),
    activityProvider: z.string().trim().max(200, { message: "Högst 200 tecken." }).optional().default(""),
  })
  .refine((v) => !v.scheduleNext || isValidIsoDate(v.nextDueDate), { message: "Ange datum för nästa uppföljning.", path: ["nextDueDate"] })
  .refine((v) => !v.scheduleNext || !isValidIsoDate(v.nextDueDate) || v.nextDueDate > v.heldDate, { message: "Nästa uppföljning ska ligga efter den här.", path: ["nextDueDate"] })
  .refine((v) => !v.addActivity || v.activityType !== "", { message: "Välj typ av insats.", path: ["activityType"] })
  .refine((v) => !v.addActivity || isValidIsoDate(v.activityStart), { message: "Ange planerat startdatum (ÅÅÅÅ-MM-DD).", path: ["activityStart"] })
  .refine((v) => !v.addActivity || !isValidIsoDate(v.activityStart) || v.activityStart >= v.heldDate, { message: "Insatsen kan inte planeras att börja före mötet.", path: ["activityStart"] })
  .refine((v) => !v.addActivity || v.activityEnd === "" || isValidIsoDate(v.activityEnd), { message: "Ange ett datum (ÅÅÅÅ-MM-DD) eller lämna tomt.", path: ["activityEnd"] })
  .refine((v) => !v.addActivity || !isValidIsoDate(v.activityEnd) || !isValidIsoDate(v.activityStart) || v.activityEnd >= v.activityStart, { message: "Slutdatum kan inte vara före startdatum.", path: ["activityEnd"] });

/** Book a proposed three-party meeting of a praktik: the server works out the date again. */
export const bookThreePartySchema = z.object({
  activityId: z.string().uuid(),
  moment: z.enum(["mitt", "slut"]),
});
