"use server";
// Exit and outcome actions; permission, validation, scoping, concurrency and audit are in
// lib/outcomes/commands.ts.
import { revalidatePath } from "next/cache";
import { recordExit, recordOutcome } from "@/lib/outcomes/commands";

export async function recordExitServer(input: unknown) {
  const r = await recordExit(input);
  if (r.ok) revalidatePath(`/deltagare/${r.data.participant.id}`);
  return r.ok ? { ok: true as const } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors };
}

export async function recordOutcomeServer(input: unknown) {
  const r = await recordOutcome(input);
  if (r.ok) revalidatePath(`/deltagare/${r.data.participantId}`);
  return r.ok ? { ok: true as const } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors };
}
