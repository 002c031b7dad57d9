"use server";
// Save a kartläggning as a new version; permission, validation, scoping, concurrency and audit
// are in lib/participants/commands.ts.
import { revalidatePath } from "next/cache";
import { saveSkillMapping } from "@/lib/participants/commands";
import type { MappingConflict } from "@/lib/participants/schema";

export async function saveSkillMappingServer(input: unknown) {
  const r = await saveSkillMapping(input);
  if (r.ok) {
    revalidatePath(`/deltagare/${r.data.participantId}`);
    return { ok: true as const, participantId: r.data.participantId, version: r.data.version };
  }
  // A conflict carries the version saved meanwhile, for the form to show beside the user's.
  return { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors, current: r.code === "conflict" ? (r.current as MappingConflict) : undefined };
}
