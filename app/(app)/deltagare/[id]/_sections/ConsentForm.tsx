"use client";
// Recording a consent and withdrawing one: react-hook-form with the schema the actions use.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { recordConsentSchema, type RecordConsentInput } from "@/lib/consent/schema";
import { recordConsentServer, withdrawConsentServer } from "./consent-actions";
import { FormMessage } from "@/app/_components/Field";

type Labels = Record<string, string>;
interface Option {
  value: string;
  label: string;
}

export function ConsentForm({ participantId, labels, actors, methods, today }: { participantId: string; labels: Labels; actors: Option[]; methods: Option[]; today: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<RecordConsentInput, unknown, z.output<typeof recordConsentSchema>>({
    resolver: zodResolver(recordConsentSchema),
    defaultValues: { participantId, actor: "arbetsformedlingen", actorName: "", scope: "", method: "skriftligt", givenOn: today, validUntil: "" },
  });
  const errors = form.formState.errors;
  const msg = (m?: string) => (m ? (labels[`err_${m}`] ?? m) : undefined);
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await recordConsentServer({ ...values, actorName: values.actorName ?? "", validUntil: values.validUntil ?? "" });
    if (!result.ok) {
      for (const [f, m] of Object.entries(result.fieldErrors ?? {})) if (f !== "_form") form.setError(f as keyof RecordConsentInput, { message: m[0] });
      setFormError(result.formError ?? null);
      return;
    }
    setFormError(null);
    form.reset({ participantId, actor: "arbetsformedlingen", actorName: "", scope: "", method: "skriftligt", givenOn: today, validUntil: "" });
    router.refresh();
  });
  const field = (name: keyof RecordConsentInput, label: string, control: React.ReactNode) => {
    const err = msg(errors[name]?.message);
    return (
      <div className="field">
        <label htmlFor={`consent-${name}`}>{label}</label>
        {control}
        {err && (
          <p id={`consent-${name}-error`} className="field-error">
            {err}
          </p>
        )}
      </div>
    );
  };
  const aria = (name: keyof RecordConsentInput) => ({
    id: `consent-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `consent-${name}-error` : undefined,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormMessage error={formError} />
      {field(
        "actor",
        labels.actor,
        <select {...aria("actor")} {...form.register("actor")}>
          {actors.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>,
      )}
      {field("actorName", labels.actorName, <input {...aria("actorName")} {...form.register("actorName")} />)}
      {field("scope", labels.scope, <textarea rows={2} {...aria("scope")} {...form.register("scope")} />)}
      {field(
        "method",
        labels.method,
        <select {...aria("method")} {...form.register("method")}>
          {methods.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>,
      )}
      {field("givenOn", labels.givenOn, <input type="date" {...aria("givenOn")} {...form.register("givenOn")} />)}
      {field("validUntil", labels.validUntil, <input type="date" {...aria("validUntil")} {...form.register("validUntil")} />)}
      <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
        {labels.add}
      </button>
    </form>
  );
}

export function WithdrawConsentButton({ id, version, today, label }: { id: string; version: number; today: string; label: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        onClick={async () => {
          const result = await withdrawConsentServer({ id, version, withdrawnOn: today });
          setError(result.ok ? null : (result.formError ?? null));
          if (result.ok) router.refresh();
        }}
      >
        {label}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </>
  );
}
