"use client";
// The admin's reference-value forms: react-hook-form with the same zod schemas the server actions
// use; errors next to the field, what was typed stays.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useForm, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { createReferenceSchema, updateReferenceSchema, type CreateReferenceInput, type UpdateReferenceInput } from "@/lib/references/schema";
import type { ActionResult } from "@/lib/auth/action";
import { createReferenceServer, deleteReferenceServer, updateReferenceServer } from "./actions";

export type Labels = Record<string, string>;
interface Option {
  value: string;
  label: string;
}
export interface Choices {
  indicators: Option[];
  kinds: Option[];
}

const tr = (labels: Labels, msg: string | undefined) => (msg ? (labels[msg] ?? msg) : undefined);

function Field<T extends FieldValues, O extends FieldValues>({ form, name, label, labels, help, options, inputMode, prefix }: {
  form: UseFormReturn<T, unknown, O>;
  name: Path<T>;
  label: string;
  labels: Labels;
  help?: string;
  options?: Option[];
  inputMode?: "numeric" | "decimal";
  prefix: string;
}) {
  const err = tr(labels, form.formState.errors[name]?.message as string | undefined);
  const id = `${prefix}-${name}`;
  const described = [help ? `${id}-help` : null, err ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = { id, "aria-invalid": err ? true : undefined, "aria-describedby": described, ...form.register(name) };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {options ? (
        <select {...common}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input type="text" inputMode={inputMode} autoComplete="off" {...common} />
      )}
      {err && (
        <p id={`${id}-error`} className="field-error">
          {err}
        </p>
      )}
    </div>
  );
}

function applyResult<T extends FieldValues, O extends FieldValues>(form: UseFormReturn<T, unknown, O>, result: ActionResult<unknown>, labels: Labels): string | null {
  if (result.ok) return null;
  for (const [field, msgs] of Object.entries(result.fieldErrors ?? {})) {
    if (field !== "_form") form.setError(field as Path<T>, { message: msgs[0] });
  }
  return tr(labels, result.formError) ?? null;
}

function Fields<T extends FieldValues, O extends FieldValues>({ form, labels, choices, prefix }: { form: UseFormReturn<T, unknown, O>; labels: Labels; choices: Choices; prefix: string }) {
  return (
    <>
      <Field form={form} prefix={prefix} name={"indicator" as Path<T>} label={labels.indicator} labels={labels} options={[{ value: "", label: "" }, ...choices.indicators]} />
      <Field form={form} prefix={prefix} name={"year" as Path<T>} label={labels.year} labels={labels} help={labels.yearHelp} inputMode="numeric" />
      <Field form={form} prefix={prefix} name={"kind" as Path<T>} label={labels.kind} labels={labels} options={choices.kinds} />
      <Field form={form} prefix={prefix} name={"value" as Path<T>} label={labels.value} labels={labels} help={labels.valueHelp} inputMode="decimal" />
      <Field form={form} prefix={prefix} name={"source" as Path<T>} label={labels.source} labels={labels} help={labels.sourceHelp} />
      <Field form={form} prefix={prefix} name={"note" as Path<T>} label={labels.note} labels={labels} />
    </>
  );
}

export function CreateReferenceForm({ labels, choices, defaultYear }: { labels: Labels; choices: Choices; defaultYear: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const empty: CreateReferenceInput = { indicator: "" as CreateReferenceInput["indicator"], year: defaultYear, kind: "reference", value: "", source: "", note: "" };
  const form = useForm<CreateReferenceInput, unknown, z.output<typeof createReferenceSchema>>({ resolver: zodResolver(createReferenceSchema), defaultValues: empty });
  const onSubmit = form.handleSubmit(async () => {
    // The input as typed goes to the server, which validates and converts it again.
    const result = await createReferenceServer(form.getValues());
    const err = applyResult(form, result, labels);
    setMessage(result.ok ? { ok: true, text: labels.created } : { ok: false, text: err ?? "" });
    if (result.ok) {
      form.reset(empty);
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form" aria-labelledby="create-reference-title">
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "success" : "form-error"}>
          {message.text}
        </p>
      )}
      <Fields form={form} labels={labels} choices={choices} prefix="new" />
      <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
        {labels.createSubmit}
      </button>
    </form>
  );
}

export function EditReferenceForm({ labels, choices, initial }: { labels: Labels; choices: Choices; initial: UpdateReferenceInput }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<UpdateReferenceInput, unknown, z.output<typeof updateReferenceSchema>>({ resolver: zodResolver(updateReferenceSchema), defaultValues: initial });
  const onSubmit = form.handleSubmit(async () => {
    const result = await updateReferenceServer(form.getValues());
    const err = applyResult(form, result, labels);
    setMessage(result.ok ? { ok: true, text: labels.saved } : { ok: false, text: err ?? "" });
    if (result.ok) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="form">
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "success" : "form-error"}>
          {message.text}
        </p>
      )}
      <input type="hidden" {...form.register("id")} />
      <input type="hidden" {...form.register("openedAt")} />
      <Fields form={form} labels={labels} choices={choices} prefix="edit" />
      <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
        {labels.save}
      </button>
    </form>
  );
}

export function DeleteReference({ labels, id }: { labels: Labels; id: string }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function remove() {
    setPending(true);
    const result = await deleteReferenceServer({ id });
    setPending(false);
    if (result.ok) router.push("/admin/referensvarden?deleted=1");
    else setError(tr(labels, result.formError) ?? "");
  }
  return (
    <div>
      {!asking ? (
        <button type="button" onClick={() => setAsking(true)}>
          {labels.delete}
        </button>
      ) : (
        <div role="group" aria-label={labels.delete}>
          <p>{labels.deleteQuestion}</p>
          <div className="actions-row">
            <button type="button" onClick={remove} disabled={pending}>
              {labels.confirmDelete}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
