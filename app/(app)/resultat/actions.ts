"use server";
// The people behind a dashboard figure, named when a coordinator opens the list; the permission,
// the scoping to their own unit, the validation and the audit are in lib/metrics/drilldown.ts.
import { getCurrentUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { peopleBehindDashboard, type PersonRef } from "@/lib/metrics/drilldown";

export type PeopleResult = { ok: true; people: PersonRef[]; more: boolean } | { ok: false };

export async function loadPeopleBehind(input: unknown): Promise<PeopleResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false };
  try {
    return { ok: true, ...(await peopleBehindDashboard(user, input)) };
  } catch (err) {
    if (err instanceof NotFoundError || (err as Error)?.name === "ZodError") return { ok: false };
    throw err;
  }
}
