"use server";
// Save a kartläggning as a new version; permission, validation, scoping, concurrency and audit
// are in lib/participants/commands.ts.
import { revalidatePath } from "next/cache";
import { saveSkillMapping } from "@/lib/participants/commands";

export async function saveSkillMappingServer(input: unknown) {
  const r = await saveSkillMapping(input);
  if (r.ok) {
    revalidatePath(`/deltagare/${r.data.participantId}`);
    return { ok: true as const, participantId: r.data.participantId, version: r.data.version };
  }
  return { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors };
}
