"use server";
// Snoozing a signal; permission, validation, scoping and audit in lib/signals/commands.ts.
import { revalidatePath } from "next/cache";
import { snoozeSignal } from "@/lib/signals/commands";

export async function snoozeSignalServer(input: unknown) {
  const result = await snoozeSignal(input);
  if (result.ok) revalidatePath("/arbetslista");
  return result.ok ? { ok: true as const, until: result.data.until } : result;
}
