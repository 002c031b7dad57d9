// The follow-up forms' schemas, shared by the client forms and the server actions.
import { z } from "zod";
import { FOLLOWUP_TYPES } from "@/db/schema/enums";
import { isValidIsoDate } from "@/lib/dates";

const date = z.string().refine(isValidIsoDate, { message: "Ange ett datum (ÅÅÅÅ-MM-DD)." });

export const scheduleFollowupSchema = z.object({
  participantId: z.string().uuid(),
  type: z.enum(FOLLOWUP_TYPES, { message: "Välj typ av uppföljning." }),
  dueDate: date,
});

export const recordFollowupSchema = z
  .object({
    followupId: z.string().uuid(),
    version: z.coerce.number().int().min(1),
    heldDate: date,
    attendees: z.string().trim().min(2, { message: "Skriv vilka som deltog." }).max(500),
    notes: z.string().trim().max(4000).optional().default(""),
    nextSteps: z.string().trim().max(2000).optional().default(""),
    scheduleNext: z.boolean().default(true),
    nextDueDate: z.string().optional().default(""),
  })
  .refine((v) => !v.scheduleNext || isValidIsoDate(v.nextDueDate), { message: "Ange datum för nästa uppföljning.", path: ["nextDueDate"] })
  .refine((v) => !v.scheduleNext || !isValidIsoDate(v.nextDueDate) || v.nextDueDate > v.heldDate, { message: "Nästa uppföljning ska ligga efter den här.", path: ["nextDueDate"] });
