"use client";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { snoozeSchema } from "@/lib/signals/schema";
import type { WorklistMessages } from "@/lib/i18n/areas/worklist";
import { snoozeSignalServer } from "./actions";
import { FormMessage } from "@/app/_components/Field";

type Input = z.input<typeof snoozeSchema>;

export function SnoozeForm({ participantId, signalKey, name, today, t }: { participantId: string; signalKey: string; name: string; today: string; t: WorklistMessages }) {
  const id = useId();
  const [done, setDone] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<Input>({
    resolver: zodResolver(snoozeSchema),
    defaultValues: { participantId, signalKey: signalKey as Input["signalKey"], until: today, reason: "" },
  });
  const onSubmit = handleSubmit(async (data) => {
    const res = await snoozeSignalServer(data);
    if (res.ok) setDone(res.until);
    else {
      setFormError(res.formError ?? null);
      for (const [field, msgs] of Object.entries(res.fieldErrors ?? {})) setError(field as keyof Input, { message: msgs[0] });
    }
  });
  if (done) return <p role="status">{t.snoozed} {done}</p>;
  const e = formState.errors;
  return (
    <details className="snooze">
      <summary>
        {t.snooze}
        <span className="visually-hidden">: {name}</span>
      </summary>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormMessage error={formError} />
        <div className="field">
          <label htmlFor={`${id}-until`}>{t.snoozeUntil}</label>
          <input id={`${id}-until`} type="date" {...register("until")} aria-invalid={e.until ? true : undefined} aria-describedby={e.until ? `${id}-until-error` : undefined} />
          {e.until && (
            <p id={`${id}-until-error`} className="field-error">
              {e.until.message}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>{t.snoozeReason}</label>
          <input id={`${id}-reason`} type="text" {...register("reason")} aria-invalid={e.reason ? true : undefined} aria-describedby={e.reason ? `${id}-reason-error` : undefined} />
          {e.reason && (
            <p id={`${id}-reason-error`} className="field-error">
              {e.reason.message}
            </p>
          )}
        </div>
        <div>
          <button type="submit" disabled={formState.isSubmitting}>
            {t.snoozeSave}
          </button>
        </div>
      </form>
    </details>
  );
}
