"use server";
// The calendar link's actions; permission and audit in lib/calendar/commands.ts. The token goes
// back to its owner once, as the path of the feed; the page never shows it again.
import { revalidatePath } from "next/cache";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/calendar/commands";

export async function createCalendarFeedServer(input: unknown) {
  const r = await createCalendarFeed(input);
  if (r.ok) revalidatePath("/arbetslista");
  return r.ok ? { ok: true as const, path: `/api/kalender/${r.data.token}` } : { ok: false as const, code: r.code, formError: r.formError };
}

export async function revokeCalendarFeedServer(input: unknown) {
  const r = await revokeCalendarFeed(input);
  if (r.ok) revalidatePath("/arbetslista");
  return r.ok ? { ok: true as const } : { ok: false as const, code: r.code, formError: r.formError };
}
