"use server";
// Participant actions: register, edit, handover, taking people from "Ej tilldelade" and the exact
// personnummer search (a POST, so the number never reaches a URL). Permission, validation,
// scoping, concurrency and audit live in lib/participants.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { executeAction } from "@/lib/auth/action";
import { translateServerError } from "@/lib/i18n/server-errors";
import { getLocale } from "@/lib/i18n/server";
import { assignFromIntakeDef, editParticipant, handover, registerParticipant, setCaseState } from "@/lib/participants/commands";
import { findByPersonnummer } from "@/lib/participants/queries";
import { personnummerSearchSchema } from "@/lib/participants/schema";
import type { ParticipantFormValues } from "@/lib/participants/schema";

export type SaveParticipantResult =
  | { ok: true; id: string }
  | { ok: false; code: string; formError?: string; fieldErrors?: Record<string, string[]>; existingId?: string; current?: ParticipantFormValues & { version: number } };

export async function registerParticipantServer(input: unknown): Promise<SaveParticipantResult> {
  const r = await registerParticipant(await getCurrentUser(), input, undefined, await getLocale());
  if (r.ok) {
    revalidatePath("/deltagare");
    return { ok: true, id: r.data.id };
  }
  return { ok: false, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors, existingId: r.existingId };
}

export async function updateParticipantServer(input: unknown): Promise<SaveParticipantResult> {
  const r = await editParticipant(await getCurrentUser(), input, undefined, await getLocale());
  if (r.ok) {
    revalidatePath(`/deltagare/${r.data.participant.id}`);
    revalidatePath("/deltagare");
    return { ok: true, id: r.data.participant.id };
  }
  return { ok: false, code: r.code, formError: r.formError, fieldErrors: r.fieldErrors, existingId: r.existingId, current: r.current as (ParticipantFormValues & { version: number }) | undefined };
}

export type HandoverState = { ok: boolean; message: string; moved?: number } | null;

/** From the list's form: the checked rows' ids and the coordinator taking over. */
export async function handoverServer(_prev: HandoverState, form: FormData): Promise<HandoverState> {
  const r = await handover({ participantIds: form.getAll("participantIds").map(String), coordinatorId: String(form.get("coordinatorId") ?? "") });
  if (r.ok) {
    revalidatePath("/deltagare");
    return { ok: true, message: `${r.data.moved.length}|${r.data.to.name}`, moved: r.data.moved.length };
  }
  const first = Object.values(r.fieldErrors ?? {})[0]?.[0];
  return { ok: false, message: first ?? r.formError ?? "" };
}

export type IntakeState =
  | { ok: true; to: string; toMe: boolean; people: { id: string; name: string }[] }
  | { ok: false; code: "conflict" | "invalid" | "not_found" | "error"; message?: string }
  | null;

/**
 * From the list "Ej tilldelade": the row's "Jag tar ärendet" (`take`: its id and version, to the
 * user) or the checked rows (`items`) to the chosen coordinator of the user's unit.
 */
export async function assignIntakeServer(_prev: IntakeState, form: FormData): Promise<IntakeState> {
  const user = await getCurrentUser();
  const take = form.get("take");
  const items = (take ? [String(take)] : form.getAll("items").map(String)).map((v) => {
    const [participantId = "", version = ""] = v.split(":");
    return { participantId, version };
  });
  const coordinatorId = take ? (user?.id ?? "") : String(form.get("coordinatorId") ?? "");
  const r = await executeAction(assignFromIntakeDef, { items, coordinatorId }, user, undefined, await getLocale());
  revalidatePath("/deltagare");
  if (r.ok) {
    return {
      ok: true,
      to: r.data.to.name,
      toMe: r.data.to.id === user?.id,
      people: r.data.assigned.map((a) => ({ id: a.id, name: `${a.firstName} ${a.lastName}` })),
    };
  }
  if (r.code === "conflict" || r.code === "not_found" || r.code === "invalid") {
    return { ok: false, code: r.code, message: Object.values(r.fieldErrors ?? {})[0]?.[0] ?? r.formError };
  }
  return { ok: false, code: "error", message: r.formError };
}

export type PnrSearchState = { ok: boolean; error?: string; rows?: { id: string; firstName: string; lastName: string; birthDate: string }[] } | null;

export async function findByPersonnummerServer(_prev: PnrSearchState, form: FormData): Promise<PnrSearchState> {
  const [user, locale] = await Promise.all([getCurrentUser(), getLocale()]);
  if (!user || !hasPermission(user, "participant:read")) return { ok: false, error: translateServerError("Hittades inte.", locale) };
  const parsed = personnummerSearchSchema.safeParse({ personnummer: String(form.get("personnummer") ?? "") });
  if (!parsed.success) return { ok: false, error: translateServerError(parsed.error.issues[0]?.message ?? "", locale) };
  return { ok: true, rows: await findByPersonnummer(user, parsed.data.personnummer) };
}

/** Close the case on a date, or reopen it. */
export async function setCaseStateServer(input: unknown) {
  const r = await setCaseState(input);
  if (r.ok) {
    revalidatePath(`/deltagare/${r.data.id}`);
    revalidatePath("/deltagare");
  }
  return r;
}
