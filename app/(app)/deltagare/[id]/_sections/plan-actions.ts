"use server";
// Plan actions of the participant page; permission, validation, scoping, concurrency and audit
// are in lib/plans/commands.ts.
import { revalidatePath } from "next/cache";
import { createActivity, updateActivity, updatePlanGoal } from "@/lib/plans/commands";

export async function createActivityServer(input: unknown) {
  const r = await createActivity(input);
  if (r.ok) revalidatePath(`/deltagare/${r.data.participantId}`);
  return r.ok ? { ok: true as const } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors };
}

export async function updateActivityServer(input: unknown) {
  const r = await updateActivity(input);
  if (r.ok) revalidatePath(`/deltagare/${r.data.after.participantId}`);
  return r.ok ? { ok: true as const } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors, current: r.current };
}

export async function updatePlanGoalServer(input: unknown) {
  const r = await updatePlanGoal(input);
  if (r.ok) revalidatePath(`/deltagare/${r.data.plan.participantId}`);
  return r.ok ? { ok: true as const, version: r.data.plan.version } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors, current: r.current };
}
