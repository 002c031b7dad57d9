// The exit and 90-day outcome forms' schemas, shared by the client forms and the server actions.
import { z } from "zod";
import { EXIT_REASONS, OUTCOME_SOURCES, OUTCOME_STATUSES } from "@/db/schema/enums";
import { isValidIsoDate } from "@/lib/dates";

const date = z.string().refine(isValidIsoDate, { message: "Ange ett datum (ÅÅÅÅ-MM-DD)." });

export const exitSchema = z.object({
  participantId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  programmeEnd: date,
  exitReason: z.enum(EXIT_REASONS, { message: "Välj orsak." }),
});

export const outcomeSchema = z.object({
  participantId: z.string().uuid(),
  status: z.enum(OUTCOME_STATUSES, { message: "Välj utfall." }),
  subsidized: z.enum(["", "ja", "nej"]).default(""),
  recordedDate: date,
  source: z.enum(OUTCOME_SOURCES, { message: "Välj källa." }),
  /** The version of the outcome the form was opened at; 0 when there was none. */
  version: z.coerce.number().int().min(0),
});
