// The consent forms' schema, shared by the section's client form and the server actions. Messages
// are codes ("required", "date", "before_given", "future"); the form names them in the user's
// language next to the field they are about (privacy catalogue, consent.errors).
import { z } from "zod";
import { CONSENT_ACTORS, CONSENT_METHODS } from "@/db/schema/consents";
import { isValidIsoDate, todayIso } from "@/lib/dates";

const isoDate = z.string().refine(isValidIsoDate, { message: "date" });
const optionalDate = z.union([isoDate, z.literal("")]).transform((v) => v || null);

export const recordConsentSchema = z
  .object({
    participantId: z.string().uuid(),
    actor: z.enum(CONSENT_ACTORS),
    actorName: z.string().trim().max(200).transform((v) => v || null),
    scope: z.string().trim().min(1, { message: "required" }).max(2000),
    method: z.enum(CONSENT_METHODS),
    // A consent is recorded once it has been given: today or earlier (Swedish time).
    givenOn: isoDate.refine((v) => !isValidIsoDate(v) || v <= todayIso(), { message: "future" }),
    validUntil: optionalDate,
  })
  .refine((v) => v.actor !== "arbetsgivare" || v.actorName !== null, { path: ["actorName"], message: "required" })
  .refine((v) => !v.validUntil || v.validUntil >= v.givenOn, { path: ["validUntil"], message: "before_given" });
export type RecordConsentInput = z.input<typeof recordConsentSchema>;

/**
 * Withdrawing a consent: the day the participant withdrew it, today or earlier (Swedish time), and
 * the version the page showed. That it is not before the day the consent was given is checked
 * against the stored consent (lib/consent withdrawConsent), and by the form against the one shown.
 */
export const withdrawConsentSchema = z.object({
  id: z.string().uuid(),
  version: z.number().int().min(1),
  withdrawnOn: isoDate.refine((v) => !isValidIsoDate(v) || v <= todayIso(), { message: "future" }),
});
export type WithdrawConsentInput = z.input<typeof withdrawConsentSchema>;
