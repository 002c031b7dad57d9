"use server";
// Exit and outcome actions; permission, validation, scoping, concurrency and audit are in
// lib/outcomes/commands.ts.
import { revalidatePath } from "next/cache";
import { correctExit, recordExit, recordOutcome } from "@/lib/outcomes/commands";

/**
 * Records the exit, or with `correct` corrects a recorded one (its date and reason). One action for
 * both: they share the form and the permission (e2e/matrix.ts declares the file's actions). A
 * correction says where the booked 90-day follow-up went: moved to a new date, or kept on the date
 * it had been moved to by hand.
 */
export async function recordExitServer(input: unknown, correct = false) {
  if (correct === true) {
    const r = await correctExit(input);
    if (!r.ok) return { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors };
    revalidatePath(`/deltagare/${r.data.participant.id}`);
    // The worklist's "exit reason missing" goes once the reason is there, an overdue follow-up once moved.
    revalidatePath("/arbetslista");
    return { ok: true as const, followupMovedTo: r.data.movedFollowups[0]?.to ?? null, followupKept: r.data.keptFollowups > 0 };
  }
  const r = await recordExit(input);
  if (r.ok) revalidatePath(`/deltagare/${r.data.participant.id}`);
  return r.ok ? { ok: true as const } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors };
}

export async function recordOutcomeServer(input: unknown) {
  const r = await recordOutcome(input);
  if (r.ok) revalidatePath(`/deltagare/${r.data.participantId}`);
  return r.ok ? { ok: true as const } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors };
}
