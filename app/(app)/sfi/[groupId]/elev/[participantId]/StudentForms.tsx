"use client";
// The teacher's forms on a student's page: an interruption or pause, and completing the course.
// The same zod schemas as the server actions; errors next to the fields; input kept.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import type { z } from "zod";
import { breakSchema, completeCourseSchema, type BreakInput, type CompleteCourseInput } from "@/lib/sfi/schema";
import type { SfiMessages } from "@/lib/i18n/areas/sfi";
import type { ActionResult } from "@/lib/auth/action";
import type { NextGroup } from "@/lib/sfi/queries";
import { completeCourseServer, recordBreakServer, searchNextGroupsServer } from "../../actions";
import { fieldAria, FormMessage, setFieldErrors } from "@/app/_components/Field";
import { SearchedSelect } from "@/app/_components/SearchedSelect";
import { SubmitButton } from "@/app/_components/SubmitButton";

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

/** aria wiring for a field that may carry an error (its id is given; the error's is id-error). */
function a11y<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, name: Path<T>, id: string) {
  return { id, ...fieldAria(id, form.formState.errors[name]?.message as string | undefined) };
}

/** Field errors next to the fields; a form-level message only when no field has one. */
function applyErrors<T extends FieldValues>(form: UseFormReturn<T, unknown, FieldValues>, res: ActionResult<unknown>): string | null {
  if (res.ok) return null;
  setFieldErrors(form.setError, res.fieldErrors);
  return res.fieldErrors ? null : (res.formError ?? null);
}

export function BreakForm({ groupId, participantId, today, t }: { groupId: string; participantId: string; today: string; t: SfiMessages }) {
  const router = useRouter();
  const [status, setStatus] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<BreakInput, unknown, z.output<typeof breakSchema>>({
    resolver: zodResolver(breakSchema),
    defaultValues: { groupId, participantId, kind: "uppehall", reason: "", fromDate: today, toDate: "" },
  });
  const f = form as unknown as UseFormReturn<BreakInput, unknown, FieldValues>;
  const kind = form.watch("kind");
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const res = await recordBreakServer(values);
    setFormError(applyErrors(f, res));
    if (res.ok) {
      setStatus(t.breakSaved);
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={t.breakTitle}>
      <FormMessage error={formError} />
      <fieldset className="field">
        <legend>{t.kind}</legend>
        <label className="checkbox">
          <input type="radio" value="uppehall" {...form.register("kind")} /> {t.uppehall}
        </label>
        <label className="checkbox">
          <input type="radio" value="avbrott" {...form.register("kind")} /> {t.avbrott}
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor="break-reason">{t.reason}</label>
        <select {...form.register("reason")} {...a11y(f, "reason", "break-reason")}>
          <option value="">{t.chooseReason}</option>
          {Object.entries(t.reasons).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <FieldError id="break-reason-error" message={e.reason?.message} />
      </div>
      <div className="field">
        <label htmlFor="break-from">{t.fromDate}</label>
        <input type="date" {...form.register("fromDate")} {...a11y(f, "fromDate", "break-from")} />
        <FieldError id="break-from-error" message={e.fromDate?.message} />
      </div>
      {kind === "uppehall" && (
        <div className="field">
          <label htmlFor="break-to">{t.toDate}</label>
          <input type="date" {...form.register("toDate")} {...a11y(f, "toDate", "break-to")} />
          <FieldError id="break-to-error" message={e.toDate?.message} />
        </div>
      )}
      <div>
        <SubmitButton className="primary" pending={form.formState.isSubmitting}>
          {t.saveBreak}
        </SubmitButton>
      </div>
      <p role="status">{status}</p>
    </form>
  );
}

/** The group the student moves on to unless the teacher chooses: their own group of the next course if they teach exactly one, else none yet. */
function ownNextGroup(rows: NextGroup[]) {
  const mine = rows.filter((g) => g.mine);
  return mine.length === 1 ? mine[0].id : "";
}

export function CompleteCourseForm({ groupId, participantId, today, nextCourse, nextGroups, t }: {
  groupId: string;
  participantId: string;
  today: string;
  nextCourse: string | null;
  nextGroups: { rows: NextGroup[]; total: number };
  t: SfiMessages;
}) {
  const router = useRouter();
  const [status, setStatus] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const preset = ownNextGroup(nextGroups.rows);
  const form = useForm<CompleteCourseInput, unknown, z.output<typeof completeCourseSchema>>({
    resolver: zodResolver(completeCourseSchema),
    defaultValues: { groupId, participantId, completedDate: today, nextGroupId: preset },
  });
  const f = form as unknown as UseFormReturn<CompleteCourseInput, unknown, FieldValues>;
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const res = await completeCourseServer(values);
    setFormError(applyErrors(f, res));
    if (!res.ok) return;
    // The student's page in the next group, when the teacher teaches it too; otherwise this one,
    // which now shows the course as completed.
    if (res.data.nextGroupId && res.data.nextGroupTaught) router.push(`/sfi/${res.data.nextGroupId}/elev/${participantId}`);
    else {
      setStatus(t.completed);
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={t.completeTitle}>
      <FormMessage error={formError} />
      <div className="field">
        <label htmlFor="complete-date">{t.completedDate}</label>
        <input type="date" {...form.register("completedDate")} {...a11y(f, "completedDate", "complete-date")} />
        <FieldError id="complete-date-error" message={e.completedDate?.message} />
      </div>
      {nextCourse && (
        <SearchedSelect
          id="complete-next"
          label={`${t.nextGroup} ${nextCourse}`}
          reg={form.register("nextGroupId")}
          error={e.nextGroupId?.message}
          // The preset group stays an option whatever a search shows, so the select never shows
          // another choice than the one the form holds.
          pinned={nextGroups.rows.filter((g) => g.id === preset)}
          initial={nextGroups.rows}
          initialStatus={nextGroups.total > nextGroups.rows.length ? t.nextGroupsFirst.replace("{n}", String(nextGroups.total)).replace("{shown}", String(nextGroups.rows.length)) : ""}
          search={(q) => searchNextGroupsServer(groupId, q)}
          empty={t.noNextGroup}
          emptyLast
          t={{
            search: t.nextGroupSearch,
            hint: t.nextGroupSearchHint,
            button: t.nextGroupSearchButton,
            matches: t.nextGroupMatches,
            matchesFirst: t.nextGroupMatchesFirst,
            noMatch: t.nextGroupNoMatch,
            failed: t.nextGroupSearchFailed,
          }}
        />
      )}
      <div>
        <SubmitButton className="primary" pending={form.formState.isSubmitting}>
          {t.completeButton}
        </SubmitButton>
      </div>
      <p role="status">{status}</p>
    </form>
  );
}
