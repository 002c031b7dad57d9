"use server";
// Plan actions of the participant page; permission, validation, scoping, concurrency and audit
// are in lib/plans/commands.ts, and the employer search's in lib/employers/queries.ts.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { getEmployerOption, searchEmployerChoices } from "@/lib/employers/queries";
import { NotFoundError } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import { translateServerError } from "@/lib/i18n/server-errors";
import { createActivity, updateActivity, updatePlanGoal } from "@/lib/plans/commands";

export async function createActivityServer(input: unknown) {
  const r = await createActivity(input);
  if (r.ok) revalidatePath(`/deltagare/${r.data.participantId}`);
  return r.ok ? { ok: true as const } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors };
}

export async function updateActivityServer(input: unknown) {
  const r = await updateActivity(input);
  if (r.ok) revalidatePath(`/deltagare/${r.data.after.participantId}`);
  if (r.ok) return { ok: true as const };
  // The saved version's employer by name, for the conflict view: the form may never have seen it.
  const savedEmployerId = (r.current as { details?: { employerId?: string } } | undefined)?.details?.employerId;
  const user = savedEmployerId ? await getCurrentUser() : null;
  const currentEmployer = user ? await getEmployerOption(user, savedEmployerId) : null;
  return { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors, current: r.current, currentEmployer };
}

export async function updatePlanGoalServer(input: unknown) {
  const r = await updatePlanGoal(input);
  if (r.ok) revalidatePath(`/deltagare/${r.data.plan.participantId}`);
  return r.ok ? { ok: true as const, version: r.data.plan.version } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors, current: r.current };
}

/** The activity form's employer search: a read, not a change (nothing to audit: no participant data). */
export async function searchEmployersServer(q: unknown) {
  const [user, locale] = await Promise.all([getCurrentUser(), getLocale()]);
  if (!user) return { ok: false as const, formError: translateServerError("Du är inte inloggad.", locale) };
  try {
    const { rows, total } = await searchEmployerChoices(user, q);
    return { ok: true as const, rows: rows.map(({ id, name }) => ({ id, name })), total };
  } catch (err) {
    if (err instanceof NotFoundError) return { ok: false as const, formError: translateServerError("Hittades inte.", locale) };
    throw err;
  }
}
