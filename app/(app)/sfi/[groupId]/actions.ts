"use server";
// Server actions of the sfi group and student pages; permission, validation, transaction and
// audit are in lib/sfi/commands.ts and lib/sfi/enrolment.ts (defineAction).
import { revalidatePath } from "next/cache";
import { recordResult, saveAttendance } from "@/lib/sfi/commands";
import { completeCourse, enrol, recordBreak, undoAvbrott, undoCourseCompletion } from "@/lib/sfi/enrolment";
import { searchNextGroups, searchStudents, type Candidate } from "@/lib/sfi/queries";
import { studentSearchSchema } from "@/lib/sfi/schema";
import { fieldErrorsOf } from "@/lib/auth/action";
import { getCurrentUser } from "@/lib/auth/session";
import { hasPermission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import { translateServerError } from "@/lib/i18n/server-errors";

export async function saveAttendanceServer(input: unknown) {
  const result = await saveAttendance(input);
  if (result.ok) revalidatePath(`/sfi/${result.data.groupId}`);
  return result;
}

export async function recordResultServer(input: unknown) {
  const result = await recordResult(input);
  if (result.ok) revalidatePath(`/sfi/${result.data.groupId ?? ""}`, "layout");
  return result.ok ? { ok: true as const, data: { id: result.data.id } } : result;
}

type SearchResult = { ok: true; data: Candidate[] } | { ok: false; formError?: string; fieldErrors?: Record<string, string[]> };

/** A read, not a change: the query checks the group and audits what was shown. */
export async function searchStudentsServer(input: unknown): Promise<SearchResult> {
  const [user, locale] = await Promise.all([getCurrentUser(), getLocale()]);
  if (!user || !hasPermission(user, "sfi:write")) return { ok: false, formError: translateServerError("Hittades inte.", locale) };
  const parsed = studentSearchSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error, locale) };
  try {
    return { ok: true, data: await searchStudents(user, parsed.data) };
  } catch (err) {
    if (err instanceof NotFoundError) return { ok: false, formError: translateServerError("Hittades inte.", locale) };
    throw err;
  }
}

export async function enrolServer(input: unknown) {
  const result = await enrol(input);
  if (result.ok) revalidatePath(`/sfi/${result.data.groupId}`, "layout");
  return result;
}

export async function recordBreakServer(input: unknown) {
  const result = await recordBreak(input);
  if (result.ok) revalidatePath(`/sfi/${result.data.groupId}`, "layout");
  return result;
}

export async function completeCourseServer(input: unknown) {
  const result = await completeCourse(input);
  if (result.ok) revalidatePath(`/sfi/${result.data.groupId}`, "layout");
  return result;
}

/** "Ångra": the student's place is back in this group, and the next course's place (another group's page) is gone. */
export async function undoCourseCompletionServer(input: unknown) {
  const result = await undoCourseCompletion(input);
  if (!result.ok) return { ok: false as const, code: result.code, formError: result.formError };
  revalidatePath(`/sfi/${result.data.groupId}`, "layout");
  if (result.data.nextGroupId) revalidatePath(`/sfi/${result.data.nextGroupId}`, "layout");
  return { ok: true as const };
}

export async function undoAvbrottServer(input: unknown) {
  const result = await undoAvbrott(input);
  if (!result.ok) return { ok: false as const, code: result.code, formError: result.formError };
  revalidatePath(`/sfi/${result.data.groupId}`, "layout");
  return { ok: true as const };
}

/** The student page's search for a group of the next course: group names and schools, no participant data (nothing to audit). */
export async function searchNextGroupsServer(groupId: unknown, q: unknown) {
  const [user, locale] = await Promise.all([getCurrentUser(), getLocale()]);
  if (!user || !hasPermission(user, "sfi:write")) return { ok: false as const, formError: translateServerError("Hittades inte.", locale) };
  try {
    return { ok: true as const, ...(await searchNextGroups(user, groupId, q)) };
  } catch (err) {
    if (err instanceof NotFoundError) return { ok: false as const, formError: translateServerError("Hittades inte.", locale) };
    throw err;
  }
}
