// The exit and outcome (90 days, optionally 12 months) forms' schemas, shared by the client forms and the server actions.
import { z } from "zod";
import { EXIT_REASONS, OUTCOME_KINDS, OUTCOME_SOURCES, OUTCOME_STATUSES } from "@/db/schema/enums";
import { isValidIsoDate, todayIso } from "@/lib/dates";

const date = z.string().refine(isValidIsoDate, { message: "Ange ett datum (ÅÅÅÅ-MM-DD)." });

/** The exit is the day the person actually left: today at the latest. */
export const EXIT_IN_FUTURE = "Avslutet kan inte ligga i framtiden. Ange den sista dagen i programmet, i dag eller tidigare.";
/** Checked when parsed, so a form left open past midnight (Swedish time) uses the new day. */
const exitDate = date.refine((v) => !isValidIsoDate(v) || v <= todayIso(), { message: EXIT_IN_FUTURE });

export const exitSchema = z.object({
  participantId: z.string().uuid(),
  version: z.coerce.number().int().min(1),
  programmeEnd: exitDate,
  exitReason: z.enum(EXIT_REASONS, { message: "Välj orsak." }),
});

/**
 * Correcting a recorded exit: its date and its reason (the worklist asks for a missing reason).
 * `version` is the participant's, as with recording the exit.
 */
export const correctExitSchema = exitSchema;

/** Days after the exit from which each kind of outcome can be established. */
export const OUTCOME_EARLIEST_DAYS = { dag90: 90, manad12: 365 } as const;

export const outcomeSchema = z.object({
  participantId: z.string().uuid(),
  /** dag90, the national yardstick; manad12, an optional further outcome a year after the exit. */
  kind: z.enum(OUTCOME_KINDS).default("dag90"),
  status: z.enum(OUTCOME_STATUSES, { message: "Välj utfall." }),
  subsidized: z.enum(["", "ja", "nej"]).default(""),
  recordedDate: date,
  source: z.enum(OUTCOME_SOURCES, { message: "Välj källa." }),
  /** The version of the outcome the form was opened at; 0 when there was none. */
  version: z.coerce.number().int().min(0),
});
