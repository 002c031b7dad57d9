"use client";
import { useId, useState } from "react";
import { useForm, type FieldValues, type UseFormSetError } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import type { z } from "zod";
import { EXIT_REASONS, OUTCOME_SOURCES, OUTCOME_STATUSES } from "@/db/schema/enums";
import { exitSchema, outcomeSchema } from "@/lib/outcomes/schema";
import type { OutcomeFormMessages as OutcomeMessages } from "./form-messages";
import { recordExitServer, recordOutcomeServer } from "./outcome-actions";
import { fieldAria, FormMessage, setFieldErrors } from "@/app/_components/Field";
import { SubmitButton } from "@/app/_components/SubmitButton";
import { useSectionAnswer } from "@/app/_components/SectionAnswer";
import { useFocusAfterUpdate } from "@/app/_components/useFocusAfterUpdate";

const Err = ({ id, msg }: { id: string; msg?: string }) => (msg ? <p id={`${id}-error`} className="field-error">{msg}</p> : null);

type Result = { ok: true; followupMovedTo?: string | null; followupKept?: boolean } | { ok: false; code?: string; formError?: string; fieldErrors?: Record<string, string[]> };

function useServerErrors<T extends FieldValues>(setError: UseFormSetError<T>, t: OutcomeMessages) {
  const [formError, setFormError] = useState<string | null>(null);
  const apply = (r: Result) => {
    if (r.ok) return true;
    setFormError(r.code === "conflict" ? t.conflict : (r.formError ?? null));
    setFieldErrors(setError, r.fieldErrors);
    return false;
  };
  return { formError, apply };
}

/**
 * Records the exit or, given the recorded one (`current`), corrects its date and reason: the
 * worklist's "exit reason missing" leads here. Saved, the form is drawn anew when the page comes
 * back: what was done is said by the section (SectionAnswer), else in the form's place.
 */
export function ExitForm({ participantId, version, today, current, t }: { participantId: string; version: number; today: string; current?: { programmeEnd: string; exitReason: string | null }; t: OutcomeMessages }) {
  const id = useId();
  const say = useSectionAnswer();
  const answer = useFocusAfterUpdate();
  // Saved: the confirmation, with what a correction did to the booked 90-day follow-up.
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<z.input<typeof exitSchema>>({
    resolver: zodResolver(exitSchema),
    defaultValues: { participantId, version, programmeEnd: current?.programmeEnd ?? today, exitReason: (current?.exitReason ?? "") as z.input<typeof exitSchema>["exitReason"] },
  });
  const { formError, apply } = useServerErrors<z.input<typeof exitSchema>>(setError, t);
  const e = formState.errors;
  if (done) return say ? null : <FormMessage success={done} focusRef={answer.ref} />;
  const saved = (r: { followupMovedTo?: string | null; followupKept?: boolean }) => {
    if (!current) return t.exitSaved;
    const followup = r.followupMovedTo ? t.followupMoved.replace("{date}", r.followupMovedTo) : r.followupKept ? t.followupKept : null;
    return followup ? `${t.exitCorrected} ${followup}` : t.exitCorrected;
  };
  return (
    <form
      noValidate
      className="form"
      onSubmit={handleSubmit(async (d) => {
        const r = await recordExitServer(d, !!current);
        if (!apply(r) || !r.ok) return;
        const text = saved(r);
        setDone(text);
        if (say) say(text);
        else answer.focus();
      })}
    >
      <FormMessage error={formError} />
      <div className="field">
        <label htmlFor={`${id}-end`}>{t.exitDate}</label>
        <input id={`${id}-end`} type="date" max={today} {...register("programmeEnd")} {...fieldAria(`${id}-end`, e.programmeEnd?.message)} />
        <Err id={`${id}-end`} msg={e.programmeEnd?.message} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t.reason}</label>
        <select id={`${id}-reason`} {...register("exitReason")} {...fieldAria(`${id}-reason`, e.exitReason?.message)}>
          <option value="">–</option>
          {EXIT_REASONS.map((r) => <option key={r} value={r}>{t.reasons[r]}</option>)}
        </select>
        <Err id={`${id}-reason`} msg={e.exitReason?.message} />
      </div>
      <div><SubmitButton className="primary" pending={formState.isSubmitting}>{current ? t.correctExit : t.recordExit}</SubmitButton></div>
    </form>
  );
}

export function OutcomeForm({ participantId, kind = "dag90", version, defaults, label, t }: { participantId: string; kind?: "dag90" | "manad12"; version: number; defaults: { status?: string; recordedDate: string; source?: string }; label: string; t: OutcomeMessages }) {
  const id = useId();
  const [done, setDone] = useState(false);
  // Saved: the confirmation takes the form's place, and the focus (the button has gone).
  const answer = useFocusAfterUpdate();
  const { register, handleSubmit, formState, setError, watch } = useForm<z.input<typeof outcomeSchema>>({
    resolver: zodResolver(outcomeSchema),
    defaultValues: { participantId, kind, version, status: defaults.status as z.input<typeof outcomeSchema>["status"], recordedDate: defaults.recordedDate, source: (defaults.source ?? "samtal") as z.input<typeof outcomeSchema>["source"], subsidized: "" },
  });
  const { formError, apply } = useServerErrors<z.input<typeof outcomeSchema>>(setError, t);
  const e = formState.errors;
  if (done) return <FormMessage success={t.saved} focusRef={answer.ref} />;
  return (
    <form
      noValidate
      className="form"
      onSubmit={handleSubmit(async (d) => {
        if (!apply(await recordOutcomeServer(d))) return;
        setDone(true);
        answer.focus();
      })}
    >
      <FormMessage error={formError} />
      <div className="field">
        <label htmlFor={`${id}-status`}>{t.status}</label>
        <select id={`${id}-status`} {...register("status")} {...fieldAria(`${id}-status`, e.status?.message)}>
          <option value="">–</option>
          {OUTCOME_STATUSES.map((s) => <option key={s} value={s}>{t.statuses[s]}</option>)}
        </select>
        <Err id={`${id}-status`} msg={e.status?.message} />
      </div>
      {watch("status") === "arbete" && (
        <div className="field">
          <label htmlFor={`${id}-sub`}>{t.subsidized}</label>
          <select id={`${id}-sub`} {...register("subsidized")}>
            {["", "nej", "ja"].map((s) => <option key={s} value={s}>{t.subsidizedOptions[s]}</option>)}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-date`}>{t.recordedDate}</label>
        <input id={`${id}-date`} type="date" {...register("recordedDate")} {...fieldAria(`${id}-date`, e.recordedDate?.message)} />
        <Err id={`${id}-date`} msg={e.recordedDate?.message} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-source`}>{t.source}</label>
        <select id={`${id}-source`} {...register("source")}>
          {OUTCOME_SOURCES.map((s) => <option key={s} value={s}>{t.sources[s]}</option>)}
        </select>
      </div>
      <div><SubmitButton className="primary" pending={formState.isSubmitting}>{label}</SubmitButton></div>
    </form>
  );
}
