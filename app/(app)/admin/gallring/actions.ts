"use server";
// Runs the retention policy for the admin's municipality, after the admin has seen the preview: a
// job on the server (lib/privacy/gallring-jobs.ts) whose progress the page asks for.
import { z } from "zod";
import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { todayIso } from "@/lib/dates";
import { getGallringJob, startGallringJob, type GallringJobView } from "@/lib/privacy/gallring-jobs";
import { getAreaMessages, getLocale } from "@/lib/i18n/server";
import { translateServerError } from "@/lib/i18n/server-errors";
import { privacyMessages } from "@/lib/i18n/areas/privacy";

export interface GallringState {
  job?: GallringJobView;
  error?: string;
}

const runSchema = z.object({ expected: z.coerce.number().int().min(0), confirmed: z.literal("yes") });

export async function runGallringServer(_prev: GallringState, formData: FormData): Promise<GallringState> {
  const user = await getCurrentUser();
  if (!user || !hasPermission(user, "settings:manage")) return { error: translateServerError("Hittades inte.", await getLocale()) };
  const t = (await getAreaMessages(privacyMessages)).gallring;
  // The admin confirms, once more, the exact set previewed: if it changed meanwhile, show the new preview.
  const input = runSchema.safeParse({ expected: formData.get("expected"), confirmed: formData.get("confirmed") });
  if (!input.success) return { error: input.error.issues.some((i) => i.path[0] === "confirmed") ? t.notConfirmed : t.changed };
  const r = await startGallringJob(getDb(), { municipalityId: user.municipalityId, actorId: user.id, asOf: todayIso(), expected: input.data.expected });
  if (r.ok) return { job: r.job };
  // Someone else's run of the same municipality: its progress is shown instead.
  return r.reason === "running" ? { job: r.job, error: t.alreadyRunning } : { error: t.changed };
}

/** A running or finished job of the admin's own municipality; null for anything else. */
export async function gallringJobServer(id: string): Promise<GallringJobView | null> {
  const user = await getCurrentUser();
  if (!user || !hasPermission(user, "settings:manage") || typeof id !== "string") return null;
  return getGallringJob(id, user.municipalityId);
}
