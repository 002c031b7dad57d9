// A Field bound to a react-hook-form form: a text input (or a select when given options), its
// label, hint and error, with the error message translated by the form's own labels.
import type { InputHTMLAttributes } from "react";
import type { FieldValues, Path, UseFormReturn, UseFormSetError } from "react-hook-form";
import { Field, fieldAria, setFieldErrors, type FormMessageValue } from "./Field";

export interface Option {
  value: string;
  label: string;
}

export type Labels = Record<string, string>;

/** A message key through the labels (the key itself when there is no label for it). */
export const translate = (labels: Labels, msg: string | undefined) => (msg ? (labels[msg] ?? msg) : undefined);

export function BoundField<T extends FieldValues, O extends FieldValues>({ form, name, id, label, labels, hint, options, input }: {
  form: UseFormReturn<T, unknown, O>;
  name: Path<T>;
  id: string;
  label: string;
  labels: Labels;
  hint?: string;
  options?: Option[];
  /** Attributes of the input (type, inputMode, autoComplete); ignored for a select. */
  input?: InputHTMLAttributes<HTMLInputElement>;
}) {
  const err = translate(labels, form.formState.errors[name]?.message as string | undefined);
  const common = { id, ...fieldAria(id, err, Boolean(hint)), ...form.register(name) };
  return (
    <Field id={id} label={label} hint={hint} error={err}>
      {options ? (
        <select {...common}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input type="text" autoComplete="off" {...input} {...common} />
      )}
    </Field>
  );
}

/** Puts a server action's answer on the form: field errors next to fields; returns the form-level message. */
export function applyActionResult<T extends FieldValues>(setError: UseFormSetError<T>, result: { ok: boolean; fieldErrors?: Record<string, string[] | undefined>; formError?: string }, labels: Labels): string | null {
  if (result.ok) return null;
  setFieldErrors(setError, result.fieldErrors);
  return translate(labels, result.formError) ?? null;
}

/** As applyActionResult, as the form's message: `okText` when the action succeeded, else the form-level error. */
export function actionMessage<T extends FieldValues>(setError: UseFormSetError<T>, result: Parameters<typeof applyActionResult>[1], labels: Labels, okText: string): FormMessageValue {
  const err = applyActionResult(setError, result, labels);
  return result.ok ? { ok: true, text: okText } : { ok: false, text: err ?? "" };
}
