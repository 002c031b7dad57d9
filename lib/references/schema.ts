// The reference-value form, shared by the admin's client form (react-hook-form) and the server
// actions. Messages are keys into the reference area's `form` strings (lib/i18n/areas/reference.ts).
import { z } from "zod";
import { REFERENCE_KINDS } from "@/db/schema/enums";
import { INDICATOR_UNIT, REFERENCE_INDICATORS } from "./indicators";

const fields = {
  indicator: z.enum(REFERENCE_INDICATORS, { message: "indicatorRequired" }),
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, { message: "yearInvalid" })
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2100, { message: "yearInvalid" }),
  kind: z.enum(REFERENCE_KINDS, { message: "kindRequired" }),
  /** As typed: decimal comma or point, a trailing % allowed. */
  value: z
    .string()
    .trim()
    .min(1, { message: "valueRequired" })
    .transform((s) => s.replace(/\s/g, "").replace(/%$/, "").replace(",", "."))
    .refine((s) => /^\d+(\.\d+)?$/.test(s), { message: "valueInvalid" })
    .transform(Number),
  source: z.string().trim().max(120, { message: "sourceTooLong" }),
  note: z.string().trim().max(500, { message: "noteTooLong" }),
};

type Values = { indicator: (typeof REFERENCE_INDICATORS)[number]; kind: (typeof REFERENCE_KINDS)[number]; value: number; source: string };

function checkValue(v: Values, ctx: z.RefinementCtx) {
  if (INDICATOR_UNIT[v.indicator] === "share" && v.value > 100) ctx.addIssue({ code: "custom", path: ["value"], message: "shareRange" });
  if (INDICATOR_UNIT[v.indicator] === "days" && v.value > 3650) ctx.addIssue({ code: "custom", path: ["value"], message: "daysRange" });
  // A reference value without its source cannot be read right (national? county? which year's data?).
  if (v.kind === "reference" && v.source.length === 0) ctx.addIssue({ code: "custom", path: ["source"], message: "sourceRequired" });
}

export const createReferenceSchema = z.object(fields).superRefine(checkValue);
export type CreateReferenceInput = z.input<typeof createReferenceSchema>;

export const updateReferenceSchema = z
  .object({
    ...fields,
    id: z.string().uuid(),
    /** updated_at as opened, for optimistic concurrency. */
    openedAt: z.string().min(1),
  })
  .superRefine(checkValue);
export type UpdateReferenceInput = z.input<typeof updateReferenceSchema>;

export const deleteReferenceSchema = z.object({ id: z.string().uuid() });
