"use server";
// Server actions of the participant page's consent section (definitions in lib/consent).
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { recordConsentAction, withdrawConsentAction } from "@/lib/consent";

export async function recordConsentServer(input: unknown) {
  const result = await defineAction(recordConsentAction)(input);
  if (result.ok) revalidatePath(`/deltagare/${result.data.participantId}`);
  return result;
}

export async function withdrawConsentServer(input: unknown) {
  const result = await defineAction(withdrawConsentAction)(input);
  if (result.ok) revalidatePath(`/deltagare/${result.data.participantId}`);
  return result;
}
