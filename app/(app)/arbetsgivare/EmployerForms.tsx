"use client";
// Register an employer, add an opening, and book a participant on an opening. The server
// re-validates with the same schemas (lib/employers/schema.ts).
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { OPENING_TYPES } from "@/db/schema/enums";
import { createOpeningSchema, registerEmployerSchema } from "@/lib/employers/schema";
import type { EmployerMessages } from "@/lib/i18n/areas/employers";
import { bookOpeningServer, createOpeningServer, registerEmployerServer } from "./actions";
import { Field } from "@/app/_components/Field";

const a11y = (id: string, error?: string, hint?: boolean) => {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return { ...(error ? { "aria-invalid": true as const } : {}), ...(ids ? { "aria-describedby": ids } : {}) };
};

type EmployerValues = z.input<typeof registerEmployerSchema>;

export function RegisterEmployerForm({ t }: { t: EmployerMessages }) {
  const id = useId();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<EmployerValues>({
    resolver: zodResolver(registerEmployerSchema) as unknown as Resolver<EmployerValues>,
    defaultValues: { orgNr: "", name: "", industry: "", contactName: "", contactPhone: "", contactEmail: "", address: "" },
  });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (data) => {
    setFormError(null);
    setSaved(null);
    const r = await registerEmployerServer(data);
    if (r.ok) {
      reset();
      setSaved(t.registered);
      router.refresh();
      return;
    }
    setFormError(r.formError ?? null);
    for (const [k, v] of Object.entries(r.fieldErrors ?? {})) setError(k as "orgNr", { message: v[0] });
  });
  const input = (name: keyof EmployerValues, type = "text", hint?: string) => (
    <Field id={`${id}-${name}`} label={t.fields[name]} error={e[name]?.message} hint={hint}>
      <input id={`${id}-${name}`} type={type} {...register(name)} {...a11y(`${id}-${name}`, e[name]?.message, !!hint)} />
    </Field>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={t.register}>
      {formError && (
        <p role="alert" className="form-error">
          {formError}
        </p>
      )}
      {saved && (
        <p role="status" className="success">
          {saved}
        </p>
      )}
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
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t.register}
        </button>
      </div>
    </form>
  );
}

type OpeningValues = z.input<typeof createOpeningSchema>;

export function OpeningForm({ employerId, t }: { employerId: string; t: EmployerMessages }) {
  const id = useId();
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { register, handleSubmit, formState, setError, reset } = useForm<OpeningValues>({
    resolver: zodResolver(createOpeningSchema) as unknown as Resolver<OpeningValues>,
    defaultValues: { employerId, type: "praktik", occupation: "", places: 1, startDate: "", endDate: "", languageRequirement: "" },
  });
  const e = formState.errors;
  const onSubmit = handleSubmit(async (data) => {
    setMessage(null);
    const r = await createOpeningServer(data);
    if (r.ok) {
      reset();
      setMessage({ ok: true, text: t.openingAdded });
      router.refresh();
      return;
    }
    setMessage({ ok: false, text: r.formError ?? "" });
    for (const [k, v] of Object.entries(r.fieldErrors ?? {})) setError(k as "occupation", { message: v[0] });
  });
  const input = (name: Exclude<keyof OpeningValues, "employerId" | "type">, type = "text") => (
    <Field id={`${id}-${name}`} label={t.fields[name]} error={e[name]?.message}>
      <input id={`${id}-${name}`} type={type} {...register(name)} {...a11y(`${id}-${name}`, e[name]?.message)} />
    </Field>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-label={t.addOpening}>
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "success" : "form-error"}>
          {message.text}
        </p>
      )}
      <div className="inline-grid form">
        <Field id={`${id}-type`} label={t.fields.type} error={e.type?.message}>
          <select id={`${id}-type`} {...register("type")}>
            {OPENING_TYPES.map((o) => (
              <option key={o} value={o}>
                {t.openingTypes[o]}
              </option>
            ))}
          </select>
        </Field>
        {input("occupation")}
        {input("places", "number")}
        {input("startDate", "date")}
        {input("endDate", "date")}
        {input("languageRequirement")}
      </div>
      <div>
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t.addOpening}
        </button>
      </div>
    </form>
  );
}

/** "Boka": one click puts a planned activity of the opening's type on the person's plan. */
export function BookButton({ openingId, participantId, name, t }: { openingId: string; participantId: string; name: string; t: EmployerMessages }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const onClick = async () => {
    setBusy(true);
    const r = await bookOpeningServer({ openingId, participantId });
    setBusy(false);
    setMessage(r.ok ? { ok: true, text: t.bookedDone } : { ok: false, text: r.formError ?? "" });
    if (r.ok) router.refresh();
  };
  return (
    <>
      {message?.ok ? null : (
        <button type="button" onClick={onClick} disabled={busy}>
          {t.book}
          <span className="visually-hidden">: {name}</span>
        </button>
      )}
      {message && (
        <span role={message.ok ? "status" : "alert"} className={message.ok ? undefined : "field-error"}>
          {" "}
          {message.text}
        </span>
      )}
    </>
  );
}
