"use server";
// Server actions of the sfi group page; permission, validation, transaction and audit are in
// lib/sfi/commands.ts (defineAction).
import { revalidatePath } from "next/cache";
import { recordResult, saveAttendance } from "@/lib/sfi/commands";

export async function saveAttendanceServer(input: unknown) {
  const result = await saveAttendance(input);
  if (result.ok) revalidatePath(`/sfi/${result.data.groupId}`);
  return result;
}

export async function recordResultServer(input: unknown) {
  const result = await recordResult(input);
  if (result.ok) revalidatePath(`/sfi/${result.data.groupId ?? ""}`);
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}
