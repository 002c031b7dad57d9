"use server";
// Employer actions; permission, validation, scoping, concurrency and audit are in
// lib/employers/commands.ts.
import { revalidatePath } from "next/cache";
import {
  bookOpening,
  createOpening,
  employerFormValuesOf,
  openingFormValuesOf,
  registerEmployer,
  setOpeningState,
  updateEmployer,
  updateOpening,
  type EmployerFormValues,
  type OpeningFormValues,
} from "@/lib/employers/commands";
import type { ActionResult } from "@/lib/auth/action";

/** A failed action as the forms take it; `current` is the saved version on a conflict. */
function failure<C>(r: Extract<ActionResult<unknown>, { ok: false }>) {
  return { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors, current: r.current as C | undefined };
}

export async function registerEmployerServer(input: unknown) {
  const r = await registerEmployer(input);
  if (r.ok) revalidatePath("/arbetsgivare");
  return r.ok ? { ok: true as const, id: r.data.id } : failure<never>(r);
}

export async function updateEmployerServer(input: unknown) {
  const r = await updateEmployer(input);
  if (!r.ok) return failure<EmployerFormValues>(r);
  revalidatePath("/arbetsgivare");
  revalidatePath(`/arbetsgivare/${r.data.employer.id}`);
  return { ok: true as const, id: r.data.employer.id, values: employerFormValuesOf(r.data.employer) };
}

export async function createOpeningServer(input: unknown) {
  const r = await createOpening(input);
  if (r.ok) revalidatePath(`/arbetsgivare/${r.data.employerId}`);
  return r.ok ? { ok: true as const } : failure<never>(r);
}

export async function updateOpeningServer(input: unknown) {
  const r = await updateOpening(input);
  if (!r.ok) return failure<OpeningFormValues>(r);
  revalidatePath(`/arbetsgivare/${r.data.opening.employerId}`, "layout");
  return { ok: true as const, values: openingFormValuesOf(r.data.opening) };
}

/** Close an opening (with an optional reason) or reopen it. */
export async function setOpeningStateServer(input: unknown) {
  const r = await setOpeningState(input);
  if (!r.ok) return failure<OpeningFormValues>(r);
  revalidatePath("/arbetsgivare");
  revalidatePath(`/arbetsgivare/${r.data.employerId}`, "layout");
  return { ok: true as const };
}

export async function bookOpeningServer(input: unknown) {
  const r = await bookOpening(input);
  if (r.ok) {
    revalidatePath(`/deltagare/${r.data.participantId}`);
    if (r.data.employerId) revalidatePath(`/arbetsgivare/${r.data.employerId}`);
  }
  return r.ok ? { ok: true as const } : failure<never>(r);
}
