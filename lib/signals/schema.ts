// The snooze form's schema, shared by the client form and the server action.
import { z } from "zod";
import { isValidIsoDate } from "@/lib/dates";
import { SIGNAL_KEYS } from "./rules";

export const snoozeSchema = z.object({
  participantId: z.string().uuid(),
  signalKey: z.enum(SIGNAL_KEYS),
  until: z.string().refine(isValidIsoDate, { message: "Ange ett datum (ÅÅÅÅ-MM-DD)." }),
  reason: z.string().trim().min(3, { message: "Skriv kort varför signalen kan vänta." }).max(500),
});
