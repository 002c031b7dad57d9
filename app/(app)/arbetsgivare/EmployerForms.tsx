"use client";
// Register or edit an employer, add or edit an opening, close or reopen it, and book a
// participant on an opening. The server re-validates with the same schemas
// (lib/employers/schema.ts); an edit over a newer saved version shows both side by side.
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@/lib/i18n/zod-resolver";
import type { z } from "zod";
import { OPENING_TYPES } from "@/db/schema/enums";
import { EMPLOYER_FIELDS, OPENING_FIELDS, createOpeningSchema, openingStateSchema, registerEmployerSchema, updateEmployerSchema, updateOpeningSchema } from "@/lib/employers/schema";
import type { EmployerFormValues, OpeningFormValues } from "@/lib/employers/commands";
import type { EmployerMessages } from "@/lib/i18n/areas/employers";
import { bookOpeningServer, createOpeningServer, registerEmployerServer, setOpeningStateServer, updateEmployerServer, updateOpeningServer } from "./actions";
import { EditConflict, useEditConflict } from "@/app/_components/EditConflict";
import { Field, fieldAria, FormMessage, setFieldErrors, type FormMessageValue } from "@/app/_components/Field";
import { SubmitButton } from "@/app/_components/SubmitButton";
import { useFocusAfterUpdate } from "@/app/_components/useFocusAfterUpdate";
import { useSectionAnswer } from "@/app/_components/SectionAnswer";

type EmployerValues = z.input<typeof registerEmployerSchema> & { id?: string; version?: number };
const NO_EMPLOYER: EmployerFormValues = { id: "", version: 0, orgNr: "", name: "", industry: "", contactName: "", contactPhone: "", contactEmail: "", address: "" };

/** Register an employer, or with `initial` edit one (then back to its page when saved). */
export function EmployerForm({ t, initial }: { t: EmployerMessages; initial?: EmployerFormValues }) {
  const id = useId();
  const router = useRouter();
  const [message, setMessage] = useState<FormMessageValue>(null);
  const conflict = useEditConflict(initial ?? NO_EMPLOYER, EMPLOYER_FIELDS);
  const { register, handleSubmit, formState, setError, reset } = useForm<EmployerValues>({
    resolver: zodResolver(initial ? updateEmployerSchema : registerEmployerSchema) as unknown as Resolver<EmployerValues>,
    defaultValues: initial ?? NO_EMPLOYER,
  });
  const e = formState.errors;
  const save = async (data: EmployerValues) => {
    setMessage(null);
    const r = initial ? await updateEmployerServer(data) : await registerEmployerServer(data);
    if (r.ok) {
      if (initial) {
        router.push(`/arbetsgivare/${initial.id}`);
      } else {
        reset();
        setMessage({ ok: true, text: t.registered });
      }
      router.refresh();
      return;
    }
    if (r.code === "conflict" && r.current) return conflict.raise(r.current, data as EmployerFormValues);
    setMessage({ ok: false, text: r.formError ?? "" });
    setFieldErrors(setError, r.fieldErrors);
  };
  if (conflict.conflict) return <EditConflict state={conflict} keys={EMPLOYER_FIELDS} labels={t.fields} t={t} reset={reset} save={save} />;
  const input = (name: (typeof EMPLOYER_FIELDS)[number], type = "text", hint?: string) => (
    <Field id={`${id}-${name}`} label={t.fields[name]} error={e[name]?.message} hint={hint}>
      <input id={`${id}-${name}`} type={type} {...register(name)} {...fieldAria(`${id}-${name}`, e[name]?.message, !!hint)} />
    </Field>
  );
  const label = initial ? t.editTitle : t.register;
  return (
    <form onSubmit={handleSubmit(save)} noValidate className="form" aria-label={label}>
      <FormMessage message={message} />
      <div className="inline-grid form">
        {input("orgNr", "text", t.orgNrHint)}
        {input("name")}
        {input("industry")}
        {input("contactName")}
        {input("contactPhone", "tel")}
        {input("contactEmail", "email")}
        {input("address")}
      </div>
      <div>
        <SubmitButton className="primary" pending={formState.isSubmitting}>
          {initial ? t.save : t.register}
        </SubmitButton>
      </div>
    </form>
  );
}

type OpeningValues = Omit<z.input<typeof createOpeningSchema>, "employerId" | "type"> & Partial<Pick<z.input<typeof createOpeningSchema>, "employerId" | "type">> & { id?: string; version?: number };

/** Add an opening at an employer, or with `initial` edit one (its type stays). */
export function OpeningForm({ employerId, initial, t }: { employerId: string; initial?: OpeningFormValues; t: EmployerMessages }) {
  const id = useId();
  const router = useRouter();
  const [message, setMessage] = useState<FormMessageValue>(null);
  const conflict = useEditConflict<OpeningValues & { version: number }, (typeof OPENING_FIELDS)[number]>(initial ?? { version: 0, occupation: "", places: 1 }, OPENING_FIELDS);
  const empty: OpeningValues = { employerId, type: "praktik", occupation: "", places: 1, startDate: "", endDate: "", languageRequirement: "" };
  const { register, handleSubmit, formState, setError, reset } = useForm<OpeningValues>({
    resolver: zodResolver(initial ? updateOpeningSchema : createOpeningSchema) as unknown as Resolver<OpeningValues>,
    defaultValues: initial ?? empty,
    // An edit form follows the saved opening when the page is refreshed after a save.
    values: initial,
  });
  const e = formState.errors;
  const save = async (data: OpeningValues) => {
    setMessage(null);
    const r = initial ? await updateOpeningServer(data) : await createOpeningServer(data);
    if (r.ok) {
      if (!initial) reset();
      setMessage({ ok: true, text: initial ? t.openingSaved : t.openingAdded });
      router.refresh();
      return;
    }
    if (r.code === "conflict" && r.current) return conflict.raise(r.current, { ...data, version: data.version ?? 0 });
    setMessage({ ok: false, text: r.formError ?? "" });
    setFieldErrors(setError, r.fieldErrors);
  };
  if (conflict.conflict) return <EditConflict state={conflict} keys={OPENING_FIELDS} labels={t.fields} t={t} reset={reset} save={save} />;
  const input = (name: (typeof OPENING_FIELDS)[number], type = "text") => (
    <Field id={`${id}-${name}`} label={t.fields[name]} error={e[name]?.message}>
      <input id={`${id}-${name}`} type={type} {...register(name)} {...fieldAria(`${id}-${name}`, e[name]?.message)} />
    </Field>
  );
  const label = initial ? t.editOpening : t.addOpening;
  return (
    <form onSubmit={handleSubmit(save)} noValidate className="form" aria-label={label}>
      <FormMessage message={message} />
      <div className="inline-grid form">
        {!initial && (
          <Field id={`${id}-type`} label={t.fields.type} error={e.type?.message}>
            <select id={`${id}-type`} {...register("type")}>
              {OPENING_TYPES.map((o) => (
                <option key={o} value={o}>
                  {t.openingTypes[o]}
                </option>
              ))}
            </select>
          </Field>
        )}
        {input("occupation")}
        {input("places", "number")}
        {input("startDate", "date")}
        {input("endDate", "date")}
        {input("languageRequirement")}
      </div>
      <div>
        <SubmitButton className="primary" pending={formState.isSubmitting}>
          {initial ? t.save : t.addOpening}
        </SubmitButton>
      </div>
    </form>
  );
}

type StateValues = z.input<typeof openingStateSchema>;

/** Close an open opening with an optional reason, or reopen a closed one. */
export function OpeningStateForm({ openingId, version, closed, t }: { openingId: string; version: number; closed: boolean; t: EmployerMessages }) {
  const id = useId();
  const router = useRouter();
  const [message, setMessage] = useState<FormMessageValue>(null);
  const { register, handleSubmit, formState, setError } = useForm<StateValues>({
    resolver: zodResolver(openingStateSchema) as unknown as Resolver<StateValues>,
    // Follows the opening's saved version and state after each refresh.
    values: { openingId, version, closed: !closed, reason: "" },
  });
  const err = formState.errors.reason?.message;
  const onSubmit = handleSubmit(async (data) => {
    setMessage(null);
    const r = await setOpeningStateServer(data);
    if (r.ok) return router.refresh();
    if (r.fieldErrors?.reason) setError("reason", { message: r.fieldErrors.reason[0] });
    else setMessage({ ok: false, text: r.formError ?? "" });
  });
  const label = closed ? t.reopenOpening : t.closeOpening;
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={label}>
      <FormMessage message={message} />
      {!closed && (
        <Field id={`${id}-reason`} label={t.closeReason} hint={t.closeReasonHint} error={err}>
          <input id={`${id}-reason`} type="text" {...register("reason")} {...fieldAria(`${id}-reason`, err, true)} />
        </Field>
      )}
      <div>
        <SubmitButton pending={formState.isSubmitting}>
          {label}
        </SubmitButton>
      </div>
    </form>
  );
}

/**
 * "Boka": one click puts a planned activity of the opening's type on the person's plan. Booked, the
 * row shows "Bokad" instead of the button once the page comes back: the list says so above it and
 * takes focus (SectionAnswer); outside one, the answer takes the button's place, and the focus.
 */
export function BookButton({ openingId, participantId, name, t }: { openingId: string; participantId: string; name: string; t: EmployerMessages }) {
  const router = useRouter();
  const say = useSectionAnswer();
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState(false);
  const [message, setMessage] = useState<FormMessageValue>(null);
  const answer = useFocusAfterUpdate();
  const onClick = async () => {
    setBusy(true);
    const r = await bookOpeningServer({ openingId, participantId });
    setBusy(false);
    if (r.ok) {
      setBooked(true);
      router.refresh();
      if (say) return say(t.bookedFor.replace("{name}", () => name));
    }
    setMessage(r.ok ? { ok: true, text: t.bookedDone } : { ok: false, text: r.formError ?? "" });
    answer.focus();
  };
  return (
    <>
      {booked ? null : (
        <button type="button" onClick={onClick} disabled={busy}>
          {t.book}
          <span className="visually-hidden">: {name}</span>
        </button>
      )}
      <FormMessage message={message} inline focusRef={answer.ref} />
    </>
  );
}
