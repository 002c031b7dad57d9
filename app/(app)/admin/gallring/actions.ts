"use server";
// Runs the retention policy for the admin's municipality, after the admin has seen the preview.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db";
import { getCurrentUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { todayIso } from "@/lib/dates";
import { countDueCases, runGallring } from "@/lib/privacy/retention";
import { getAreaMessages } from "@/lib/i18n/server";
import { privacyMessages } from "@/lib/i18n/areas/privacy";

export interface GallringState {
  done?: number;
  error?: string;
}

export async function runGallringServer(_prev: GallringState, formData: FormData): Promise<GallringState> {
  const user = await getCurrentUser();
  if (!user || !hasPermission(user, "settings:manage")) return { error: "Hittades inte." };
  // The admin confirms the exact set previewed: if it changed meanwhile, show the new preview.
  const expected = z.coerce.number().int().min(0).safeParse(formData.get("expected"));
  const asOf = todayIso();
  const due = await countDueCases(getDb(), { asOf, municipalityId: user.municipalityId });
  if (!expected.success || expected.data !== due) {
    revalidatePath("/admin/gallring");
    return { error: (await getAreaMessages(privacyMessages)).gallring.changed };
  }
  const result = await runGallring(getDb(), { asOf, dryRun: false, municipalityId: user.municipalityId, actorId: user.id });
  revalidatePath("/admin/gallring");
  return { done: result.cases.length };
}
