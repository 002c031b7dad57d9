"use client";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import type { z } from "zod";
import { SNOOZE_DEFAULT_DAYS, snoozeSchema } from "@/lib/signals/schema";
import { addDays } from "@/lib/dates";
import type { WorklistMessages } from "@/lib/i18n/areas/worklist";
import { snoozeSignalServer } from "./actions";
import { Field, fieldAria, FormMessage, setFieldErrors } from "@/app/_components/Field";
import { LazyDetails } from "@/app/_components/LazyDetails";
import { useFocusAfterUpdate } from "@/app/_components/useFocusAfterUpdate";
import { SubmitButton } from "@/app/_components/SubmitButton";

type Input = z.input<typeof snoozeSchema>;

interface Props {
  participantId: string;
  signalKey: string;
  name: string;
  today: string;
  t: WorklistMessages;
  /** Told when the signal waits: the row leaves the list, and the table says so and moves focus. */
  onSnoozed?: (until: string) => void;
}

/**
 * "Skjut upp" under every signal of the worklist. The form is made when the row is first opened
 * (LazyDetails): a worklist of 50 signals rendered and hydrated 50 forms that nobody had asked for.
 */
export function SnoozeForm(props: Props) {
  const { name, t } = props;
  const [done, setDone] = useState<string | null>(null);
  if (done) return <p role="status">{t.snoozed} {done}</p>;
  return (
    <LazyDetails
      className="snooze"
      summary={
        <>
          {t.snooze}
          <span className="visually-hidden">: {name}</span>
        </>
      }
    >
      <SnoozeFields
        {...props}
        onDone={(until) => {
          setDone(until);
          props.onSnoozed?.(until);
        }}
      />
    </LazyDetails>
  );
}

function SnoozeFields({ participantId, signalKey, today, t, onDone }: Props & { onDone: (until: string) => void }) {
  const id = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const message = useFocusAfterUpdate();
  const { register, handleSubmit, formState, setError } = useForm<Input>({
    resolver: zodResolver(snoozeSchema),
    // A week ahead: today would hide it only until tomorrow, and the schema asks for a later day.
    defaultValues: { participantId, signalKey: signalKey as Input["signalKey"], until: addDays(today, SNOOZE_DEFAULT_DAYS), reason: "" },
  });
  const onSubmit = handleSubmit(async (data) => {
    const res = await snoozeSignalServer(data);
    if (res.ok) onDone(res.until);
    else {
      setFormError(res.formError ?? null);
      if (!setFieldErrors(setError, res.fieldErrors) && res.formError) message.focus();
    }
  });
  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormMessage error={formError} focusRef={message.ref} />
      <Field id={`${id}-until`} label={t.snoozeUntil} error={e.until?.message}>
        <input id={`${id}-until`} type="date" min={addDays(today, 1)} {...register("until")} {...fieldAria(`${id}-until`, e.until?.message)} />
      </Field>
      <Field id={`${id}-reason`} label={t.snoozeReason} error={e.reason?.message}>
        <input id={`${id}-reason`} type="text" {...register("reason")} {...fieldAria(`${id}-reason`, e.reason?.message)} />
      </Field>
      <div>
        <SubmitButton pending={formState.isSubmitting}>
          {t.snoozeSave}
        </SubmitButton>
      </div>
    </form>
  );
}
