"use server";
// Actor directory actions; permission, validation, scoping, concurrency and audit are in
// lib/actors/commands.ts.
import { revalidatePath } from "next/cache";
import { actorFormValuesOf, createActor, setActorArchived, updateActor, type ActorFormValues } from "@/lib/actors/commands";
import type { ActionResult } from "@/lib/auth/action";

/** A failed action as the forms take it; `current` is the saved version on a conflict. */
function failure<C>(r: Extract<ActionResult<unknown>, { ok: false }>) {
  return { ok: false as const, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors, current: r.current as C | undefined };
}

export async function createActorServer(input: unknown) {
  const r = await createActor(input);
  if (r.ok) revalidatePath("/aktorer");
  return r.ok ? { ok: true as const, id: r.data.id } : failure<never>(r);
}

export async function updateActorServer(input: unknown) {
  const r = await updateActor(input);
  if (!r.ok) return failure<ActorFormValues>(r);
  revalidatePath("/aktorer");
  revalidatePath(`/aktorer/${r.data.actor.id}`);
  return { ok: true as const, id: r.data.actor.id, values: actorFormValuesOf(r.data.actor) };
}

/** Archive an actor (no longer suggested) or restore it. */
export async function setActorArchivedServer(input: unknown) {
  const r = await setActorArchived(input);
  if (!r.ok) return failure<ActorFormValues>(r);
  revalidatePath("/aktorer");
  revalidatePath(`/aktorer/${r.data.id}`);
  return { ok: true as const };
}
