"use server";
// Employer actions; permission, validation, scoping and audit are in lib/employers/commands.ts.
import { revalidatePath } from "next/cache";
import { bookOpening, createOpening, registerEmployer } from "@/lib/employers/commands";

export async function registerEmployerServer(input: unknown) {
  const r = await registerEmployer(input);
  if (r.ok) revalidatePath("/arbetsgivare");
  return r.ok ? { ok: true as const, id: r.data.id } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors };
}

export async function createOpeningServer(input: unknown) {
  const r = await createOpening(input);
  if (r.ok) revalidatePath(`/arbetsgivare/${r.data.employerId}`);
  return r.ok ? { ok: true as const } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors };
}

export async function bookOpeningServer(input: unknown) {
  const r = await bookOpening(input);
  if (r.ok) {
    revalidatePath(`/deltagare/${r.data.participantId}`);
    if (r.data.employerId) revalidatePath(`/arbetsgivare/${r.data.employerId}`);
  }
  return r.ok ? { ok: true as const } : { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors };
}
