// The employer forms' schemas (register or edit an employer, add or edit an opening, close or
// reopen it, book a participant on an opening), shared by the client forms and the server
// commands. Client-safe.
import { z } from "zod";
import { errorText } from "@/lib/i18n/errors";
import { OPENING_TYPES } from "@/db/schema/enums";
import { isValidIsoDate } from "@/lib/dates";
import { parseOrgNr } from "@/lib/validation/personnummer";
import { optionalEmail, optionalPhone } from "@/lib/validation/contact";

const text = (max = 200) => z.string().trim().max(max, { message: errorText("maxChars", { max }) }).optional().default("");
const optDate = z
  .string()
  .optional()
  .default("")
  .refine((v) => v === "" || isValidIsoDate(v), { message: "Ange ett datum (ÅÅÅÅ-MM-DD) eller lämna tomt." });

/** The version a form was opened on: saving over a newer one is a conflict. */
const version = z.coerce.number<string | number>().int().min(1);

export const registerEmployerSchema = z.object({
  orgNr: z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const r = parseOrgNr(v);
      if (!r.ok) ctx.addIssue({ code: "custom", message: r.error === "format" ? "Skriv organisationsnumret som NNNNNN-NNNN." : "Organisationsnumret stämmer inte (kontrollsiffran är fel)." });
    })
    .transform((v) => {
      const r = parseOrgNr(v);
      return r.ok ? r.value : v;
    }),
  name: z.string().trim().min(2, { message: "Skriv arbetsgivarens namn." }).max(200, { message: "Högst 200 tecken." }),
  industry: text(200),
  contactName: text(200),
  contactPhone: optionalPhone,
  contactEmail: optionalEmail,
  address: text(300),
});
export type RegisterEmployerInput = z.infer<typeof registerEmployerSchema>;

export const updateEmployerSchema = registerEmployerSchema.extend({ id: z.string().uuid(), version });
export type UpdateEmployerInput = z.input<typeof updateEmployerSchema>;

/** What an opening's form edits (its type stays: bookings on the plan are of that type). */
const openingFields = z.object({
  occupation: z.string().trim().min(2, { message: "Skriv yrket." }).max(200, { message: "Högst 200 tecken." }),
  places: z.coerce.number({ message: "Ange antal platser (1–99)." }).int({ message: "Ange ett heltal." }).min(1, { message: "Ange antal platser (1–99)." }).max(99, { message: "Ange antal platser (1–99)." }),
  startDate: optDate,
  endDate: optDate,
  languageRequirement: text(200),
});
const inOrder = (v: { startDate: string; endDate: string }) => !v.startDate || !v.endDate || v.endDate >= v.startDate;
const notInOrder = { message: "Slutdatum kan inte vara före startdatum.", path: ["endDate"] };

export const createOpeningSchema = openingFields
  .extend({ employerId: z.string().uuid(), type: z.enum(OPENING_TYPES, { message: "Välj typ av plats." }) })
  .refine(inOrder, notInOrder);
export type CreateOpeningInput = z.infer<typeof createOpeningSchema>;

export const updateOpeningSchema = openingFields.extend({ id: z.string().uuid(), version }).refine(inOrder, notInOrder);
export type UpdateOpeningInput = z.input<typeof updateOpeningSchema>;
/** The fields of an opening a user edits, for the conflict view. */
export const OPENING_FIELDS = ["occupation", "places", "startDate", "endDate", "languageRequirement"] as const;
export const EMPLOYER_FIELDS = ["orgNr", "name", "industry", "contactName", "contactPhone", "contactEmail", "address"] as const;

/** Close an opening (with an optional reason) so it takes nobody more, or reopen it. */
export const openingStateSchema = z.object({
  openingId: z.string().uuid(),
  version,
  closed: z.boolean(),
  reason: text(200),
});
export type OpeningStateInput = z.input<typeof openingStateSchema>;

export const bookOpeningSchema = z.object({ openingId: z.string().uuid(), participantId: z.string().uuid() });
