"use server";
// Server action of the new-group page; permission, validation, transaction and audit are in
// lib/sfi/enrolment.ts (defineAction); the teacher search's in lib/sfi/queries.ts.
import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import { translateServerError } from "@/lib/i18n/server-errors";
import { createGroup } from "@/lib/sfi/enrolment";
import { searchSfiTeachers } from "@/lib/sfi/queries";

export async function createGroupServer(input: unknown) {
  const result = await createGroup(input);
  if (!result.ok) return result;
  revalidatePath("/sfi");
  revalidatePath("/admin/sfi-grupper");
  return { ok: true as const, data: { id: result.data.group.id } };
}

/** The form's teacher search: a read of colleagues' names and e-mail addresses, no participant data (nothing to audit). */
export async function searchTeachersServer(q: unknown) {
  const [user, locale] = await Promise.all([getCurrentUser(), getLocale()]);
  if (!user) return { ok: false as const, formError: translateServerError("Du är inte inloggad.", locale) };
  try {
    return { ok: true as const, ...(await searchSfiTeachers(user, q)) };
  } catch (err) {
    if (err instanceof NotFoundError) return { ok: false as const, formError: translateServerError("Hittades inte.", locale) };
    throw err;
  }
}
