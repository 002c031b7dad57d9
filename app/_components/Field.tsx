// One form field: label, optional hint, the control, and its error message, wired by id
// (`${id}-hint`, `${id}-error`) for the control's aria-describedby; and the two things every
// form does with them: the control's aria attributes, and the server's field errors on the form.
import type { ReactNode } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

export function Field({ id, label, error, hint, extra, children }: { id: string; label: string; error?: string; hint?: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="definition">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
          {extra}
        </p>
      )}
    </div>
  );
}

/** aria-invalid and aria-describedby of a control (its hint and its error, when it has them). */
export function fieldAria(id: string, error?: string, hint?: boolean) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { ...(error ? { "aria-invalid": true as const } : {}), ...(ids ? { "aria-describedby": ids } : {}) };
}

/** Puts the server's field errors (zod's, by field name) next to their fields. */
export function setFieldErrors<T extends FieldValues>(setError: UseFormSetError<T>, fieldErrors: Record<string, string[] | undefined> | undefined) {
  for (const [field, msgs] of Object.entries(fieldErrors ?? {})) {
    if (field !== "_form" && msgs?.length) setError(field as Path<T>, { message: msgs[0] });
  }
}
