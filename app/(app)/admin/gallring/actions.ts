"use server";
// Runs the retention policy for the admin's municipality, after the admin has seen the preview: a
// job on the server (lib/privacy/gallring-jobs.ts) whose progress the page asks for.
import { z } from "zod";
import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { todayIso } from "@/lib/dates";
import { getGallringJob, startGallringJob, type GallringJobView } from "@/lib/privacy/gallring-jobs";
import { getAreaMessages } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";

export interface GallringState {
  job?: GallringJobView;
  error?: string;
}

export async function runGallringServer(_prev: GallringState, formData: FormData): Promise<GallringState> {
  const user = await getCurrentUser();
  if (!user || !hasPermission(user, "settings:manage")) return { error: "Hittades inte." };
  const t = (await getAreaMessages(privacyMessages)).gallring;
  // The admin confirms the exact set previewed: if it changed meanwhile, show the new preview.
  const expected = z.coerce.number().int().min(0).safeParse(formData.get("expected"));
  if (!expected.success) return { error: t.changed };
  const r = await startGallringJob(getDb(), { municipalityId: user.municipalityId, actorId: user.id, asOf: todayIso(), expected: expected.data });
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
