"use server";
// Server action of the new-group page; permission, validation, transaction and audit are in
// lib/sfi/enrolment.ts (defineAction).
import { revalidatePath } from "next/cache";
import { createGroup } from "@/lib/sfi/enrolment";

export async function createGroupServer(input: unknown) {
  const result = await createGroup(input);
  if (!result.ok) return result;
  revalidatePath("/sfi");
  revalidatePath("/admin/sfi-grupper");
  return { ok: true as const, data: { id: result.data.group.id } };
}
