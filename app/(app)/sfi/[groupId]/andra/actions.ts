"use server";
// Server actions of "Ändra gruppen", "Avsluta gruppen" and "Öppna gruppen igen"; permission (the
// group's own teachers and the municipality's admins), validation, version check, transaction and
// audit are in lib/sfi/enrolment.ts.
import { revalidatePath } from "next/cache";
import { closeGroup, reopenGroup, updateGroup } from "@/lib/sfi/enrolment";
import type { ActionResult } from "@/lib/auth/action";
import { groupFormValuesOf, type GroupFormValues } from "@/lib/sfi/queries";

export async function updateGroupServer(input: unknown) {
  const r = await updateGroup(input);
  if (!r.ok) return { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors, current: r.current as GroupFormValues | undefined };
  revalidatePath("/sfi");
  revalidatePath(`/sfi/${r.data.group.id}`);
  revalidatePath("/admin/sfi-grupper");
  return { ok: true as const, values: groupFormValuesOf(r.data.group, r.data.teachers) };
}

/** What the close and reopen buttons need back: whether it went, and if not, why in words (a conflict by its code). */
type GroupStateResult = { ok: true } | { ok: false; code: string; formError?: string };

function groupStateResult(r: ActionResult<{ id: string }>): GroupStateResult {
  if (!r.ok) return { ok: false, code: r.code, formError: r.formError };
  revalidatePath("/sfi");
  revalidatePath(`/sfi/${r.data.id}`, "layout");
  revalidatePath("/admin/sfi-grupper");
  return { ok: true };
}

export async function closeGroupServer(input: unknown): Promise<GroupStateResult> {
  return groupStateResult(await closeGroup(input));
}

export async function reopenGroupServer(input: unknown): Promise<GroupStateResult> {
  const r = await reopenGroup(input);
  return groupStateResult(r.ok ? { ok: true, data: r.data.group } : r);
}
