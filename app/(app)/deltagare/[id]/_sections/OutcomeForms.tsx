"use client";
import { useId, useState } from "react";
import { useForm, type FieldValues, type UseFormSetError } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { EXIT_REASONS, OUTCOME_SOURCES, OUTCOME_STATUSES } from "@/db/schema/enums";
import { exitSchema, outcomeSchema } from "@/lib/outcomes/schema";
import type { OutcomeFormMessages as OutcomeMessages } from "./form-messages";
import { recordExitServer, recordOutcomeServer } from "./outcome-actions";
import { fieldAria, FormMessage, setFieldErrors } from "@/app/_components/Field";

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
 * worklist's "exit reason missing" leads here.
 */
export function ExitForm({ participantId, version, today, current, t }: { participantId: string; version: number; today: string; current?: { programmeEnd: string; exitReason: string | null }; t: OutcomeMessages }) {
  const id = useId();
  // Saved: what the correction did to the booked 90-day follow-up, to say beside the confirmation.
  const [done, setDone] = useState<{ followupMovedTo?: string | null; followupKept?: boolean } | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<z.input<typeof exitSchema>>({
    resolver: zodResolver(exitSchema),
    defaultValues: { participantId, version, programmeEnd: current?.programmeEnd ?? today, exitReason: (current?.exitReason ?? "") as z.input<typeof exitSchema>["exitReason"] },
  });
  const { formError, apply } = useServerErrors<z.input<typeof exitSchema>>(setError, t);
  const e = formState.errors;
  if (done) {
    if (!current) return <p role="status">{t.exitSaved}</p>;
    const followup = done.followupMovedTo ? t.followupMoved.replace("{date}", done.followupMovedTo) : done.followupKept ? t.followupKept : null;
    return <p role="status">{followup ? `${t.exitCorrected} ${followup}` : t.exitCorrected}</p>;
  }
  return (
    <form
      noValidate
      className="form"
      onSubmit={handleSubmit(async (d) => {
        const r = await recordExitServer(d, !!current);
        if (apply(r) && r.ok) setDone(r);
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
      <div><button type="submit" className="primary" disabled={formState.isSubmitting}>{current ? t.correctExit : t.recordExit}</button></div>
    </form>
  );
}

export function OutcomeForm({ participantId, kind = "dag90", version, defaults, label, t }: { participantId: string; kind?: "dag90" | "manad12"; version: number; defaults: { status?: string; recordedDate: string; source?: string }; label: string; t: OutcomeMessages }) {
  const id = useId();
  const [done, setDone] = useState(false);
  const { register, handleSubmit, formState, setError, watch } = useForm<z.input<typeof outcomeSchema>>({
    resolver: zodResolver(outcomeSchema),
    defaultValues: { participantId, kind, version, status: defaults.status as z.input<typeof outcomeSchema>["status"], recordedDate: defaults.recordedDate, source: (defaults.source ?? "samtal") as z.input<typeof outcomeSchema>["source"], subsidized: "" },
  });
  const { formError, apply } = useServerErrors<z.input<typeof outcomeSchema>>(setError, t);
  const e = formState.errors;
  if (done) return <p role="status">{t.saved}</p>;
  return (
    <form noValidate className="form" onSubmit={handleSubmit(async (d) => setDone(apply(await recordOutcomeServer(d))))}>
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
      <div><button type="submit" className="primary" disabled={formState.isSubmitting}>{label}</button></div>
    </form>
  );
}
