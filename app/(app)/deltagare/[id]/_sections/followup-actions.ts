"use server";
// Follow-up actions of the participant page; permission, validation, scoping, concurrency and
// audit are in lib/followups/commands.ts.
import { revalidatePath } from "next/cache";
import { bookThreeParty, recordFollowup, scheduleFollowup } from "@/lib/followups/commands";

export async function recordFollowupServer(input: unknown) {
  const r = await recordFollowup(input);
  if (r.ok) revalidatePath(`/deltagare/${r.data.followup.participantId}`);
  return r.ok ? { ok: true as const } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors };
}

export async function scheduleFollowupServer(input: unknown) {
  const r = await scheduleFollowup(input);
  if (r.ok) revalidatePath(`/deltagare/${r.data.participantId}`);
  return r.ok ? { ok: true as const } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors };
}

export async function bookThreePartyServer(input: unknown) {
  const r = await bookThreeParty(input);
  if (r.ok) revalidatePath(`/deltagare/${r.data.participantId}`);
  return r.ok ? { ok: true as const } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors };
}
