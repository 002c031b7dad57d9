"use client";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import type { z } from "zod";
import { ACTIVITY_TYPES, FOLLOWUP_TYPES } from "@/db/schema/enums";
import { recordFollowupSchema, scheduleFollowupSchema } from "@/lib/followups/schema";
import type { FollowupFormMessages as FollowupMessages } from "./form-messages";
import { bookThreePartyServer, recordFollowupServer, scheduleFollowupServer } from "./followup-actions";
import { Field, fieldAria, FormMessage, setFieldErrors, type FormMessageValue } from "@/app/_components/Field";
import { useFocusAfterUpdate } from "@/app/_components/useFocusAfterUpdate";
import { SubmitButton } from "@/app/_components/SubmitButton";
import { useSectionAnswer } from "@/app/_components/SectionAnswer";


export function RecordFollowupForm({ followupId, version, today, nextDue, t, activityTypes }: { followupId: string; version: number; today: string; nextDue: string; t: FollowupMessages; activityTypes: Record<string, string> }) {
  const id = useId();
  const [status, setStatus] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  // Recorded: the follow-up leaves the planned ones when the page comes back, and this form with
  // it. The section says so and takes focus (SectionAnswer); outside one, the form's place does.
  const say = useSectionAnswer();
  const answer = useFocusAfterUpdate();
  const { register, handleSubmit, watch, formState, setError } = useForm<z.input<typeof recordFollowupSchema>>({
    resolver: zodResolver(recordFollowupSchema),
    defaultValues: { followupId, version, heldDate: today, attendees: "", notes: "", nextSteps: "", scheduleNext: true, nextDueDate: nextDue, addActivity: false, activityType: "", activityStart: today, activityEnd: "", activityProvider: "" },
  });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (data) => {
    setFormError(null);
    const r = await recordFollowupServer(data);
    if (r.ok) {
      setStatus(t.saved);
      if (say) say(t.saved);
      else answer.focus();
      return;
    }
    setFormError(r.code === "conflict" ? t.conflict : (r.formError ?? null));
    setFieldErrors(setError, r.fieldErrors);
  });
  if (status) return say ? null : <FormMessage success={status} focusRef={answer.ref} />;
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormMessage error={formError} />
      <Field id={`${id}-held`} label={t.heldDate} error={e.heldDate?.message}>
        <input id={`${id}-held`} type="date" max={today} {...register("heldDate")} {...fieldAria(`${id}-held`, e.heldDate?.message)} />
      </Field>
      <Field id={`${id}-att`} label={t.attendees} error={e.attendees?.message}>
        <input id={`${id}-att`} type="text" {...register("attendees")} {...fieldAria(`${id}-att`, e.attendees?.message)} />
      </Field>
      <Field id={`${id}-notes`} label={t.notes}>
        <textarea id={`${id}-notes`} rows={3} {...register("notes")} />
      </Field>
      <Field id={`${id}-next`} label={t.nextSteps}>
        <textarea id={`${id}-next`} rows={2} {...register("nextSteps")} />
      </Field>
      <div className="field">
        <label>
          <input type="checkbox" {...register("scheduleNext")} /> {t.scheduleNext}
        </label>
      </div>
      {watch("scheduleNext") && (
        <Field id={`${id}-nextdue`} label={t.nextDueDate} error={e.nextDueDate?.message}>
          <input id={`${id}-nextdue`} type="date" {...register("nextDueDate")} {...fieldAria(`${id}-nextdue`, e.nextDueDate?.message)} />
        </Field>
      )}
      <div className="field">
        <label>
          <input type="checkbox" {...register("addActivity")} /> {t.addActivity}
        </label>
      </div>
      {watch("addActivity") && (
        <fieldset className="inline-grid">
          <legend className="visually-hidden">{t.addActivity}</legend>
          <Field id={`${id}-atype`} label={t.activityType} error={e.activityType?.message}>
            <select id={`${id}-atype`} {...register("activityType")} {...fieldAria(`${id}-atype`, e.activityType?.message)}>
              <option value="">–</option>
              {ACTIVITY_TYPES.map((ty) => (
                <option key={ty} value={ty}>
                  {activityTypes[ty] ?? ty}
                </option>
              ))}
            </select>
          </Field>
          <Field id={`${id}-astart`} label={t.activityStart} error={e.activityStart?.message}>
            <input id={`${id}-astart`} type="date" {...register("activityStart")} {...fieldAria(`${id}-astart`, e.activityStart?.message)} />
          </Field>
          <Field id={`${id}-aend`} label={t.activityEnd} error={e.activityEnd?.message}>
            <input id={`${id}-aend`} type="date" {...register("activityEnd")} {...fieldAria(`${id}-aend`, e.activityEnd?.message)} />
          </Field>
          <Field id={`${id}-aprov`} label={t.activityProvider} error={e.activityProvider?.message}>
            <input id={`${id}-aprov`} type="text" {...register("activityProvider")} {...fieldAria(`${id}-aprov`, e.activityProvider?.message)} />
          </Field>
        </fieldset>
      )}
      <div>
        <SubmitButton className="primary" pending={formState.isSubmitting}>
          {t.save}
        </SubmitButton>
      </div>
    </form>
  );
}

export function ScheduleFollowupForm({ participantId, defaultDue, t }: { participantId: string; defaultDue: string; t: FollowupMessages }) {
  const id = useId();
  const [status, setStatus] = useState<string | null>(null);
  // Booked: the answer takes focus (the button it came from was disabled while booking).
  const answer = useFocusAfterUpdate();
  const { register, handleSubmit, formState, setError } = useForm<z.input<typeof scheduleFollowupSchema>>({
    resolver: zodResolver(scheduleFollowupSchema),
    defaultValues: { participantId, type: "uppfoljning", dueDate: defaultDue },
  });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (data) => {
    setStatus(null);
    const r = await scheduleFollowupServer(data);
    if (r.ok) {
      setStatus(t.booked);
      answer.focus();
      return;
    }
    setFieldErrors(setError, r.fieldErrors ?? { dueDate: [r.formError ?? ""] });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form inline-grid">
      <Field id={`${id}-type`} label={t.type} error={e.type?.message}>
        <select id={`${id}-type`} {...register("type")}>
          {FOLLOWUP_TYPES.map((ty) => (
            <option key={ty} value={ty}>
              {t.types[ty]}
            </option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-due`} label={t.due} error={e.dueDate?.message}>
        <input id={`${id}-due`} type="date" {...register("dueDate")} {...fieldAria(`${id}-due`, e.dueDate?.message)} />
      </Field>
      <div>
        <SubmitButton pending={formState.isSubmitting}>{t.book}</SubmitButton>
      </div>
      <FormMessage success={status} focusRef={answer.ref} />
    </form>
  );
}

/**
 * One click books a proposed three-party meeting; the server works out the date again. Booked, the
 * proposal leaves the list when the page comes back: the section says so (SectionAnswer).
 */
export function BookProposalButton({ activityId, moment, label, t }: { activityId: string; moment: "mitt" | "slut"; label: string; t: FollowupMessages }) {
  const say = useSectionAnswer();
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState(false);
  const [message, setMessage] = useState<FormMessageValue>(null);
  const onClick = async () => {
    setBusy(true);
    const r = await bookThreePartyServer({ activityId, moment });
    setBusy(false);
    if (r.ok) setBooked(true);
    if (r.ok && say) return say(t.proposalBooked);
    setMessage(r.ok ? { ok: true, text: t.proposalBooked } : { ok: false, text: r.code === "conflict" ? t.proposalConflict : (r.formError ?? t.proposalConflict) });
  };
  return (
    <>
      <SubmitButton type="button" onClick={onClick} pending={busy} disabled={booked}>
        {t.bookProposal}
        <span className="visually-hidden">: {label}</span>
      </SubmitButton>
      <FormMessage message={message} inline />
    </>
  );
}
