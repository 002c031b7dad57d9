"use server";
// Finding the person for a register extract: personnummer arrives in the POST body, never a URL.
import { redirect } from "next/navigation";
import { z } from "zod";
import { getCurrentUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { findParticipantForExtract } from "@/lib/privacy/extract";
import { parsePersonnummer } from "@/lib/validation/personnummer";

export interface FindState {
  personnummer: string;
  externalId: string;
  /** empty: neither field filled in; notFound: no such person in the municipality. */
  error?: "empty" | "notFound";
  /** The personnummer is no valid one (its shape, date or check digit). */
  personnummerInvalid?: boolean;
}

const schema = z
  .object({
    personnummer: z
      .string()
      .trim()
      .max(20)
      .refine((v) => v === "" || parsePersonnummer(v).ok, { message: "invalid" }),
    externalId: z.string().trim().max(200),
  })
  .refine((v) => v.personnummer !== "" || v.externalId !== "", { message: "empty" });

export async function findForExtractServer(_prev: FindState, formData: FormData): Promise<FindState> {
  const user = await getCurrentUser();
  const typed = { personnummer: String(formData.get("personnummer") ?? ""), externalId: String(formData.get("externalId") ?? "") };
  if (!user || !hasPermission(user, "participant:extract")) return { personnummer: "", externalId: "", error: "notFound" };
  const input = schema.safeParse(typed);
  // What was typed stays in the form, with the message next to what to change.
  if (!input.success) {
    const issues = input.error.issues.map((i) => i.message);
    return { ...typed, error: issues.includes("empty") ? "empty" : undefined, personnummerInvalid: issues.includes("invalid") || undefined };
  }
  const id = await findParticipantForExtract(user, input.data);
  if (!id) return { ...typed, error: "notFound" };
  redirect(`/admin/registerutdrag/${id}`);
}
