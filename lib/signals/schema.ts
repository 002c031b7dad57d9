// The snooze form's schema, shared by the client form and the server action.
import { z } from "zod";
import { isValidIsoDate, todayIso } from "@/lib/dates";
import { SIGNAL_KEYS } from "./rules";

export const SNOOZE_NOT_AFTER_TODAY = "Välj ett datum efter i dag: signalen visas igen dagen efter det.";
/** How long a signal waits unless the user chooses otherwise. */
export const SNOOZE_DEFAULT_DAYS = 7;

export const snoozeSchema = z.object({
  participantId: z.string().uuid(),
  signalKey: z.enum(SIGNAL_KEYS),
  // The signal waits through `until`: today (Swedish time) would hide it only for what is left of the day.
  until: z
    .string()
    .refine(isValidIsoDate, { message: "Ange ett datum (ÅÅÅÅ-MM-DD)." })
    .refine((v) => !isValidIsoDate(v) || v > todayIso(), { message: SNOOZE_NOT_AFTER_TODAY }),
  reason: z.string().trim().min(3, { message: "Skriv kort varför signalen kan vänta." }).max(500),
});
