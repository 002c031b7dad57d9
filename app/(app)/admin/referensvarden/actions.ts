"use server";
// Server actions of the admin's reference values; the definitions live in lib/references/commands.ts.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { createReferenceAction, deleteReferenceAction, updateReferenceAction } from "@/lib/references/commands";

function refresh() {
  revalidatePath("/admin/referensvarden");
  revalidatePath("/resultat");
}

export async function createReferenceServer(input: unknown) {
  const result = await defineAction(createReferenceAction)(input);
  if (result.ok) refresh();
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

export async function updateReferenceServer(input: unknown) {
  const result = await defineAction(updateReferenceAction)(input);
  if (result.ok) refresh();
  return result.ok ? { ok: true as const, data: { id: result.data.row.id } } : result;
}

export async function deleteReferenceServer(input: unknown) {
  const result = await defineAction(deleteReferenceAction)(input);
  if (result.ok) refresh();
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}
