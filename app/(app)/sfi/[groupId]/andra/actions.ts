"use server";
// Server action of "Ändra gruppen"; permission (the group's own teachers and the municipality's
// admins), validation, version check, transaction and audit are in lib/sfi/enrolment.ts.
import { revalidatePath } from "next/cache";
import { updateGroup } from "@/lib/sfi/enrolment";
import { groupFormValuesOf, type GroupFormValues } from "@/lib/sfi/queries";

export async function updateGroupServer(input: unknown) {
  const r = await updateGroup(input);
  if (!r.ok) return { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors, current: r.current as GroupFormValues | undefined };
  revalidatePath("/sfi");
  revalidatePath(`/sfi/${r.data.group.id}`);
  revalidatePath("/admin/sfi-grupper");
  return { ok: true as const, values: groupFormValuesOf(r.data.group, r.data.teachers) };
}
