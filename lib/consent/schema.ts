// The consent forms' schema, shared by the section's client form and the server actions.
import { z } from "zod";
import { CONSENT_ACTORS, CONSENT_METHODS } from "@/db/schema/consents";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date" });
const optionalDate = z.union([isoDate, z.literal("")]).transform((v) => v || null);

export const recordConsentSchema = z
  .object({
    participantId: z.string().uuid(),
    actor: z.enum(CONSENT_ACTORS),
    actorName: z.string().trim().max(200).transform((v) => v || null),
    scope: z.string().trim().min(1, { message: "required" }).max(2000),
    method: z.enum(CONSENT_METHODS),
    givenOn: isoDate,
    validUntil: optionalDate,
  })
  .refine((v) => v.actor !== "arbetsgivare" || v.actorName !== null, { path: ["actorName"], message: "required" })
  .refine((v) => !v.validUntil || v.validUntil >= v.givenOn, { path: ["validUntil"], message: "before_given" });
export type RecordConsentInput = z.input<typeof recordConsentSchema>;

export const withdrawConsentSchema = z.object({
  id: z.string().uuid(),
  version: z.number().int().min(1),
  withdrawnOn: isoDate,
});
